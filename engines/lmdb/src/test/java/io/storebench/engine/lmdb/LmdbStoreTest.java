package io.storebench.engine.lmdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.StoreException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmdbStoreTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    @Test
    void keyOf512BytesIsRefusedNaming511() {
        try (KeyValueStore store = registry.open("lmdb", EngineConfig.of(temp))) {
            assertEquals(511, store.maxKeySize());
            assertEquals(store.maxKeySize(), registry.provider("lmdb").maxKeySize(), "the provider knows the limit");
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> store.put(new byte[512], new byte[1]));
            assertEquals("lmdb: key of 512 bytes is too long; allowed: 1..511 bytes", e.getMessage());
        }
    }

    @Test
    void mapSizeIsDerivedWithHeadroomAndNeverTheOneMebibyteDefault() {
        assertEquals(1L << 30, LmdbEngine.derivedMapBytes(0));
        assertEquals(1L << 30, LmdbEngine.derivedMapBytes(100L << 20));
        assertEquals(4L << 30, LmdbEngine.derivedMapBytes(1L << 30));
        assertEquals(1L << 50, LmdbEngine.derivedMapBytes(Long.MAX_VALUE));
    }

    @Test
    void aFullMapIsAStoreExceptionNamingTheOption() {
        EngineConfig config = EngineConfig.of(temp).withOptions(Map.of("map-size-mb", "1"));
        try (KeyValueStore store = registry.open("lmdb", config)) {
            StoreException e = assertThrows(StoreException.class, () -> {
                byte[] value = new byte[64 << 10];
                for (int i = 0; i < 100; i++) {
                    store.put(("key-" + i).getBytes(), value);
                }
            });
            assertTrue(e.getMessage().contains("map full at 1 MiB") && e.getMessage().contains("map-size-mb"),
                    e.getMessage());
        }
    }

    @Test
    void oneEnvironmentIsNeverOpenedTwiceInOneProcess() {
        try (KeyValueStore first = registry.open("lmdb", EngineConfig.of(temp))) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> registry.open("lmdb", EngineConfig.of(temp)));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
        registry.open("lmdb", EngineConfig.of(temp)).close(); // released on close
    }
}
