package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {
    @TempDir
    Path temp;

    @Test
    void anUnreachableRemoteEngineIsRefusedBeforeAnyForkAndLeavesNoData() {
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory,etcd", "--etcd-endpoints",
                "127.0.0.1:1", "--etcd-connect-timeout-ms", "1000"), EngineRegistry.discover());
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> Preflight.checkRemoteEngines(settings, temp, EngineRegistry.discover()));
        assertTrue(refused.getMessage().startsWith("etcd") && refused.getMessage().contains("127.0.0.1:1"),
                refused.getMessage());
        assertFalse(Files.exists(temp.resolve("data")), "the pre-flight's data directory is removed");
    }

    @Test
    void localEnginesAreNotOpened() {
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory,null"), EngineRegistry.discover());
        Preflight.checkRemoteEngines(settings, temp, EngineRegistry.discover());
        assertFalse(Files.exists(temp.resolve("data")));
    }

    @Test
    void aDataSetLargerThanTheDiskIsRefusedWithTheSumItChecked() throws IOException {
        EngineRegistry registry = EngineRegistry.discover();
        RunSettings small = RunCommand.settings(List.of("--engines", "rocksdb", "--records", "10"), registry);
        Preflight.checkDiskSpace(small, temp, registry);
        RunSettings huge = RunCommand.settings(List.of("--engines", "rocksdb", "--records", "1000000000000"), registry);
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> Preflight.checkDiskSpace(huge, temp, registry));
        // 10^12 x 1,023 x 4 bytes = 3,902,435,302.7 MiB, and 64 MiB more.
        assertTrue(refused.getMessage().startsWith("too little free disk for the data set: 1,000,000,000,000 records"
                + " x 1,023 bytes x 4 (engine overhead) = 3,902,435,302.7 MiB, + 64.0 MiB (margin) ="
                + " 3,902,435,366.7 MiB needed; "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(" MiB free at " + temp), refused.getMessage());
    }

    @Test
    void theBaselinesNeedNoDisk() throws IOException {
        EngineRegistry registry = EngineRegistry.discover();
        RunSettings huge = RunCommand.settings(List.of("--engines", "memory,null", "--records", "1000000000000"),
                registry);
        Preflight.checkDiskSpace(huge, temp, registry); // memory holds its data on the heap, null holds none
    }

    @Test
    void theMemoryEnginesRecordsMustFitOnTheForksHeap() {
        EngineRegistry registry = EngineRegistry.discover();
        RunSettings settings = RunCommand.settings(List.of("--engines", "rocksdb,memory", "--records", "1000"),
                registry);
        // 1,000 records x (24 + 12 + 40 + 1,016) bytes = 1,092,000 bytes; / 0.75 = 1,456,000; + 64 MiB = 68,564,864.
        Preflight.checkHeap(settings, registry, jvmArgs -> 68_564_864L);
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> Preflight.checkHeap(settings, registry, jvmArgs -> 68_564_863L));
        assertEquals("too little heap for engine 'memory', which keeps its data on the fork's heap: 1,000 records x"
                + " 1,092 bytes (key 23 + value 1,000 + 69 of its own) = 1.0 MiB, / 0.75 (room for the garbage"
                + " collector) + 64.0 MiB (margin) = 65.4 MiB needed; the forks' heap is 65.4 MiB (raise it with"
                + " --jvm-args \"-Xmx1g\", or lower --records or --value-size)", refused.getMessage());
        RunSettings onDisk = RunCommand.settings(List.of("--engines", "rocksdb,null", "--records", "1000000000000"),
                registry);
        Preflight.checkHeap(onDisk, registry, jvmArgs -> {
            throw new AssertionError("no engine here keeps its data on the heap: the heap is not asked");
        });
    }

    @Test
    void theForksHeapIsTheJvmsOwnAnswerForTheirFlags() {
        assertEquals(256L << 20, ForkHeap.maxBytes(List.of("-Xmx256m")));
        assertEquals(1L << 30, ForkHeap.maxBytes(List.of("-Xmx256m", "-XX:MaxHeapSize=1g")), "the last flag wins");
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> ForkHeap.maxBytes(List.of("-XX:+NoSuchFlag")));
        assertTrue(refused.getMessage().startsWith("a fork's JVM does not start with --jvm-args \"-XX:+NoSuchFlag\": ")
                && refused.getMessage().contains("NoSuchFlag"), refused.getMessage());
    }
}
