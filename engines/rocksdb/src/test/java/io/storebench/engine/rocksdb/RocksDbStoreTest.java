package io.storebench.engine.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.EngineStats;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Metric;
import io.storebench.engine.ValueBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;

class RocksDbStoreTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    @Test
    void statisticsCountWalBytesCacheLookupsAndWriteAmplification() throws Exception {
        try (RocksDbStore store = (RocksDbStore) registry.open("rocksdb", EngineConfig.of(temp))) {
            EngineStats start = store.stats();
            byte[] value = new byte[100];
            for (int i = 0; i < 2000; i++) {
                store.put(String.format("key-%06d", i).getBytes(), value);
            }
            try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                store.database().flush(flush);
            }
            ValueBuffer buffer = new ValueBuffer(128);
            for (int i = 0; i < 2000; i++) {
                assertTrue(store.get(String.format("key-%06d", i).getBytes(), buffer));
            }
            EngineStats delta = store.stats().since(start);
            long wal = delta.get(Metric.LOG_BYTES_WRITTEN).orElseThrow().value();
            assertTrue(wal >= 2000 * 110, "WAL bytes " + wal);
            long lookups = delta.get(Metric.CACHE_HITS).orElseThrow().value()
                    + delta.get(Metric.CACHE_MISSES).orElseThrow().value();
            assertTrue(lookups > 0, "block cache lookups after a flush: " + lookups);
            double amplification = delta.writeAmplification().orElseThrow();
            assertTrue(amplification >= 1.0, "WAL + flush bytes cover the user bytes: " + amplification);
            assertTrue(delta.get(Metric.BYTES_ON_DISK).orElseThrow().value() > 0);
        }
    }

    @Test
    void compressionIsOffByDefaultAndCanBeEnabled() throws Exception {
        Path plain = temp.resolve("plain");
        registry.open("rocksdb", EngineConfig.of(plain)).close();
        assertEquals("kNoCompression", persistedOption(plain, "compression"));
        Path lz4 = temp.resolve("lz4");
        registry.open("rocksdb", EngineConfig.of(lz4).withOptions(Map.of("compression", "lz4"))).close();
        assertEquals("kLZ4Compression", persistedOption(lz4, "compression"));
    }

    /** The value RocksDB wrote for {@code name} in the newest OPTIONS file of {@code directory}. */
    private static String persistedOption(Path directory, String name) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            Path newest = files.filter(f -> f.getFileName().toString().startsWith("OPTIONS-"))
                    .max(Comparator.comparing(Path::toString)).orElseThrow();
            return Files.readAllLines(newest).stream().map(String::trim).filter(l -> l.startsWith(name + "="))
                    .findFirst().orElseThrow().substring(name.length() + 1);
        }
    }
}
