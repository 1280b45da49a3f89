package io.storebench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding engines and every kind of bad configuration, each refused with a message naming the bad value and what is allowed. */
class EngineRegistryTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    private EngineConfig config() {
        return EngineConfig.of(temp.resolve("data"));
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks '" + part + "'");
        }
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void discoversEveryEngineThroughServiceLoaderEnginesBeforeBaselines() {
        assertEquals(List.of("etcd", "lmdb", "rocksdb", "sqlite", "memory", "null"), registry.names());
    }

    @Test
    void findsAnEngineByNameInAnyCase() {
        assertEquals("rocksdb", registry.provider(" RocksDB ").name());
    }

    @Test
    void unknownEngineListsTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> registry.open("leveldb", config()));
        assertMessage(e, "unknown engine 'leveldb'", "lmdb, rocksdb, sqlite, memory, null");
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("rocksdb", config().withOptions(Map.of("blom-bits", "10"))));
        assertMessage(e, "unknown option 'blom-bits'", "engine 'rocksdb'", "bloom-bits", "compression");
    }

    @Test
    void optionOutOfRangeNamesTheRange() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("rocksdb", config().withOptions(Map.of("bloom-bits", "100"))));
        assertMessage(e, "'bloom-bits'", "'100'", "out of range", "0..64");
    }

    @Test
    void optionThatIsNotANumberSaysSo() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("lmdb", config().withOptions(Map.of("map-size-mb", "lots"))));
        assertMessage(e, "'map-size-mb'", "'lots'", "not an integer");
    }

    @Test
    void optionChoiceNotAllowedListsTheChoices() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("rocksdb", config().withOptions(Map.of("compression", "brotli"))));
        assertMessage(e, "'brotli'", "none|snappy|lz4|zstd");
    }

    @Test
    void engineRefusesADurabilityProfileItCannotHonour() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("rocksdb", config().withDurability(Durability.NONE)));
        assertMessage(e, "'rocksdb' cannot honour durability 'none'", "strict, buffered");
        ConfigurationException baseline = assertThrows(ConfigurationException.class,
                () -> registry.open("memory", config().withDurability(Durability.STRICT)));
        assertMessage(baseline, "'memory' cannot honour durability 'strict'", "supports: none");
    }

    @Test
    void unknownDurabilityNameListsTheProfiles() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Durability.parse("fsync"));
        assertMessage(e, "'fsync'", "strict, buffered, none");
        assertEquals(Durability.STRICT, Durability.parse("Strict"));
    }

    @Test
    void dataDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        for (String engine : List.of("rocksdb", "lmdb", "sqlite")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> registry.open(engine, config().withDataDirectory(file)));
            assertMessage(e, file.toString(), "is a file");
        }
    }

    @Test
    void dataDirectoryBelowAFileCannotBeCreated() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("sqlite", config().withDataDirectory(file.resolve("sub"))));
        assertMessage(e, "cannot be created");
    }

    @Test
    void dataDirectoryThatIsNotWritableIsRefused() throws Exception {
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
            for (String engine : List.of("rocksdb", "lmdb", "sqlite")) {
                ConfigurationException e = assertThrows(ConfigurationException.class,
                        () -> registry.open(engine, config().withDataDirectory(readOnly)));
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
    void cacheBudgetAndThreadsOutOfRangeNameTheRange() {
        ConfigurationException cache = assertThrows(ConfigurationException.class, () -> config().withCacheBytes(1000));
        assertMessage(cache, "1000", "1048576..1099511627776");
        ConfigurationException threads = assertThrows(ConfigurationException.class, () -> config().withThreads(0));
        assertMessage(threads, "threads 0", "1..1024");
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
}
