package io.storebench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of a configuration that need no engine. What needs one runs in every engine module:
 * {@code io.storebench.engine.contract.EngineRegistryContract} (from this module's test-jar).
 */
class EngineRegistryTest {
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
    void unknownDurabilityNameListsTheProfiles() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Durability.parse("fsync"));
        assertMessage(e, "'fsync'", "strict, buffered, none");
        assertEquals(Durability.STRICT, Durability.parse("Strict"));
    }

    /** A provider of this build that cannot run (as a Go engine built without Go): open must never be reached. */
    private static final class Unbuilt extends AbstractEngineProvider {
        Unbuilt() {
            super("unbuilt", "an engine this build lacks", EMBEDDED_DURABLE, STRICT_AND_BUFFERED, List.of());
        }

        @Override
        public EngineProfile profile() {
            return new EngineProfile("none", "none", "none", "none");
        }

        @Override
        public Optional<String> unavailable() {
            return Optional.of("built without Go; install Go 1.26 and run mvn verify");
        }

        @Override
        public KeyValueStore open(EngineConfig config, EngineOptions options) {
            throw new AssertionError("an unavailable engine was opened");
        }
    }

    @Test
    void anUnavailableEngineIsListedAndRefusedWithItsReason() {
        EngineRegistry registry = new EngineRegistry(List.of(new Unbuilt()));
        assertEquals(List.of("unbuilt"), registry.names());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> registry.open("unbuilt", config()));
        assertMessage(e, "engine 'unbuilt' is not available in this build", "install Go 1.26");
    }

    @Test
    void cacheBudgetAndThreadsOutOfRangeNameTheRange() {
        ConfigurationException cache = assertThrows(ConfigurationException.class, () -> config().withCacheBytes(1000));
        assertMessage(cache, "1000", "1048576..1099511627776");
        ConfigurationException threads = assertThrows(ConfigurationException.class, () -> config().withThreads(0));
        assertMessage(threads, "threads 0", "1..1024");
    }
}
