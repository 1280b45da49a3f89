package io.storebench.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding engines and every kind of bad configuration, each refused with a message naming the bad
 * value and what is allowed: run in every engine module against the engines registered on its
 * test class path (names and expectations derived from what is discovered, never listed by hand).
 * What is specific to one engine's options is tested in its own module.
 */
public class EngineRegistryContract {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    private EngineConfig config() {
        return EngineConfig.of(temp.resolve("data"));
    }

    /** Asserts that {@code e}'s message is one line and contains every part. */
    public static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks '" + part + "'");
        }
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    /** A configuration the engine accepts but for what a case changes: a durability it offers. */
    private EngineConfig config(EngineProvider provider) {
        return config().withDurability(provider.durabilities().iterator().next());
    }

    /** The engines this build can run: an unavailable one is refused before anything else is checked. */
    private List<EngineProvider> runnable() {
        return registry.providers().stream().filter(provider -> provider.unavailable().isEmpty()).toList();
    }

    private List<EngineProvider> withDataDirectory() {
        List<EngineProvider> providers = runnable().stream().filter(EngineProvider::usesDataDirectory).toList();
        assumeTrue(!providers.isEmpty(), "no engine here uses a data directory");
        return providers;
    }

    @Test
    void discoversEveryEngineThroughServiceLoaderEnginesBeforeBaselines() {
        List<EngineProvider> loaded = new ArrayList<>();
        ServiceLoader.load(EngineProvider.class).forEach(loaded::add);
        assertFalse(loaded.isEmpty(), "no engine registered on this module's test class path");
        List<String> expected = loaded.stream()
                .sorted(Comparator.comparing(EngineProvider::baseline).thenComparing(EngineProvider::name))
                .map(EngineProvider::name).toList();
        assertEquals(expected, registry.names());
        List<Boolean> baselines = registry.providers().stream().map(EngineProvider::baseline).toList();
        assertEquals(baselines.stream().sorted().toList(), baselines, "engines before baselines");
        registry.names().forEach(name -> assertEquals(name.toLowerCase(Locale.ROOT).trim(), name, "names are lower case"));
    }

    @Test
    void findsAnEngineByNameInAnyCase() {
        for (String name : registry.names()) {
            assertEquals(name, registry.provider(" " + name.toUpperCase(Locale.ROOT) + " ").name());
        }
    }

    @Test
    void unknownEngineListsTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> registry.open("leveldb", config()));
        assertMessage(e, "unknown engine 'leveldb'", String.join(", ", registry.names()));
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        for (EngineProvider provider : runnable()) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> registry.open(provider.name(), config(provider).withOptions(Map.of("blom-bits", "10"))));
            List<String> parts = new ArrayList<>(List.of("unknown option 'blom-bits'", "engine '" + provider.name() + "'"));
            provider.options().stream().map(EngineOption::name).forEach(parts::add);
            assertMessage(e, parts.toArray(String[]::new));
        }
    }

    @Test
    void engineRefusesADurabilityProfileItCannotHonour() {
        for (EngineProvider provider : runnable()) {
            String supported = provider.durabilities().stream().map(Durability::label).collect(Collectors.joining(", "));
            for (Durability durability : Durability.values()) {
                if (!provider.durabilities().contains(durability)) {
                    ConfigurationException e = assertThrows(ConfigurationException.class,
                            () -> registry.open(provider.name(), config().withDurability(durability)));
                    assertMessage(e, "'" + provider.name() + "' cannot honour durability '" + durability.label() + "'",
                            "supports: " + supported);
                }
            }
        }
    }

    /** An engine this build cannot run (a Go engine built without Go) is refused with its reason, in one line. */
    @Test
    void anUnavailableEngineIsRefusedWithItsReason() {
        List<EngineProvider> unavailable = registry.providers().stream()
                .filter(provider -> provider.unavailable().isPresent()).toList();
        assumeTrue(!unavailable.isEmpty(), "every engine here can run in this build");
        for (EngineProvider provider : unavailable) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> registry.open(provider.name(), config(provider)));
            assertEquals("engine '" + provider.name() + "' is not available in this build: "
                    + provider.unavailable().get(), e.getMessage());
        }
    }

    @Test
    void dataDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        for (EngineProvider provider : withDataDirectory()) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> registry.open(provider.name(), config(provider).withDataDirectory(file)));
            assertMessage(e, file.toString(), "is a file");
        }
    }

    @Test
    void dataDirectoryBelowAFileCannotBeCreated() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        for (EngineProvider provider : withDataDirectory()) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> registry.open(provider.name(), config(provider).withDataDirectory(file.resolve("sub"))));
            assertMessage(e, "cannot be created");
        }
    }

    @Test
    void dataDirectoryThatIsNotWritableIsRefused() throws Exception {
        List<EngineProvider> providers = withDataDirectory();
        Path readOnly = Files.createDirectory(temp.resolve("read-only"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            if (root) {
                // Permission bits do not stop root; the immutable attribute does.
                Process chattr = new ProcessBuilder("chattr", "+i", readOnly.toString()).redirectErrorStream(true).start();
                assumeTrue(chattr.waitFor() == 0, "running as root and chattr +i is not available here");
            } else {
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
            }
            for (EngineProvider provider : providers) {
                ConfigurationException e = assertThrows(ConfigurationException.class,
                        () -> registry.open(provider.name(), config(provider).withDataDirectory(readOnly)));
                assertMessage(e, readOnly.toString(), "is not writable");
            }
        } finally {
            if (root) {
                new ProcessBuilder("chattr", "-i", readOnly.toString()).start().waitFor();
            } else {
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void everyEngineDocumentsItsOptionsWithValidDefaults() {
        for (EngineProvider provider : registry.providers()) {
            EngineOptions resolved = EngineOptions.resolve(provider.name(), provider.options(), Map.of());
            assertEquals(provider.options().size(), resolved.asMap().size(), provider.name());
            assertTrue(!provider.description().isBlank(), provider.name());
            assertTrue(!provider.durabilities().isEmpty(), provider.name());
        }
    }

    /**
     * Engines describe the libraries they run on, read from the libraries; baselines run on none,
     * and an engine this build cannot run ({@link EngineProvider#unavailable()}) has none to read.
     */
    @Test
    void everyEngineNamesTheVersionsOfItsLibraries() {
        for (EngineProvider provider : registry.providers()) {
            Map<String, String> versions = provider.versions();
            if (provider.baseline() || provider.unavailable().isPresent()) {
                assertEquals(Map.of(), versions, provider.name());
            } else {
                assertFalse(versions.isEmpty(), () -> provider.name() + " names no library version");
                versions.forEach((library, version) -> assertTrue(version.matches("\\d+(\\.\\d+)+.*"),
                        () -> provider.name() + ": " + library + " has no version: '" + version + "'"));
            }
        }
    }

    /** Every engine on the class path runs the contract: one without a {@link ContractFixture} fails here, by name. */
    @Test
    void everyRegisteredEngineHasAContractFixture() {
        Map<String, ContractFixture> fixtures = EveryEngine.fixtures();
        assertFalse(registry.names().isEmpty(), "no engine is registered on this module's test class path");
        for (String name : registry.names()) {
            assertTrue(fixtures.containsKey(name), () -> "engine '" + name + "' is registered but has no "
                    + ContractFixture.class.getName() + " in the test resources' META-INF/services: its contract"
                    + " cases do not run");
        }
        for (String name : fixtures.keySet()) {
            assertTrue(registry.names().contains(name), () -> "a contract fixture names engine '" + name
                    + "', which is not registered; registered: " + registry.names());
        }
    }
}
