package io.storebench.engine.baseline;

import static io.storebench.engine.contract.EngineRegistryContract.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ValueBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baselines' profiles as the registry checks them. */
class BaselineOptionsTest {
    @TempDir
    Path temp;

    @Test
    void baselineRefusesADurabilityProfileItCannotHonour() {
        ConfigurationException baseline = assertThrows(ConfigurationException.class, () -> EngineRegistry.discover()
                .open("memory", EngineConfig.of(temp.resolve("data")).withDurability(Durability.STRICT)));
        assertMessage(baseline, "'memory' cannot honour durability 'strict'", "supports: none");
    }

    /**
     * The busy work takes about the time asked: 200 operations of 1 ms take well over 100 ms (the
     * calibration is to a few per cent; a slower core only makes it longer).
     */
    @Test
    void extraLatencyDelaysEachOperationAtLeastAsAsked() {
        try (KeyValueStore store = EngineRegistry.discover().open("memory", EngineConfig.of(temp.resolve("data"))
                .withDurability(Durability.NONE).withOptions(Map.of("extra-latency-ns", "1000000")))) {
            byte[] key = "k".getBytes(StandardCharsets.UTF_8);
            ValueBuffer into = new ValueBuffer(16);
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                store.put(key, key, key.length);
                store.get(key, into);
                store.readModifyWrite(key, into, key, key.length);
                store.delete(key);
            }
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed >= 100_000_000L, "200 operations of about 1 ms took " + elapsed + " ns");
        }
    }

    /**
     * What {@code run}'s heap check counts per record is what the store really holds: 100,000
     * records of a 23-byte key and a 1,000-byte value, measured as the heap used after full
     * collections, within 10 % of the estimate (1,092 bytes each).
     */
    @Test
    void theHeapEstimateIsWhatTheMemoryStoreHolds() {
        int records = 100_000;
        long estimate = new MemoryEngine().heapBytesPerRecord(23, 1000);
        assertEquals(24 + 12 + 40 + 1016, estimate);
        long before = heapUsedAfterGc();
        try (KeyValueStore store = EngineRegistry.discover().open("memory", EngineConfig.of(temp.resolve("data"))
                .withDurability(Durability.NONE))) {
            byte[] value = new byte[1000];
            for (int i = 0; i < records; i++) {
                byte[] key = String.format("user%019d", i).getBytes(StandardCharsets.UTF_8);
                store.put(key, value, value.length);
            }
            long perRecord = (heapUsedAfterGc() - before) / records;
            assertEquals(estimate, perRecord, estimate * 0.1, "heap per record measured " + perRecord
                    + " bytes, estimated " + estimate);
            ValueBuffer into = new ValueBuffer(1000);
            assertTrue(store.get("user0000000000000000000".getBytes(StandardCharsets.UTF_8), into)); // still held
        }
    }

    private static long heapUsedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void extraLatencyOutOfRangeIsRefusedWithTheRange() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> EngineRegistry.discover()
                .open("memory", EngineConfig.of(temp.resolve("data")).withDurability(Durability.NONE)
                        .withOptions(Map.of("extra-latency-ns", "-1"))));
        assertMessage(e, "extra-latency-ns", "-1", "0", "1000000000");
    }
}
