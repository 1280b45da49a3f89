package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacerAndParsingTest {
    @TempDir
    java.nio.file.Path temp;

    @Test
    void pacerSpacesEachThreadsOperationsAndStaggersThreads() {
        // 10 ops/s over 2 threads: each thread every 200 ms, the second 100 ms after the first. Wide
        // intervals, so that a busy machine's scheduling delay cannot make an on-time call look late.
        Pacer first = new Pacer(10, 2, 0);
        Pacer second = new Pacer(10, 2, 1);
        assertEquals(200_000_000, first.intervalNanos());
        long now = System.nanoTime();
        first.restart(now);
        second.restart(now);
        first.awaitNext();
        second.awaitNext();
        assertEquals(Pacer.FROM_ACTUAL_START, first.awaitNext(), "on time: the wake-up delay is the harness's");
        assertTrue(System.nanoTime() >= now + 200_000_000, "waited for the due time");
    }

    @Test
    void aPacerBehindScheduleCountsLateOperationsAndKeepsTheirDueTimes() throws InterruptedException {
        Pacer pacer = new Pacer(1000, 1, 0); // every 1 ms
        long start = System.nanoTime();
        pacer.restart(start);
        Thread.sleep(20); // a 20 ms stall: about 20 operations were due meanwhile
        long due = 0;
        for (int i = 0; i < 10; i++) {
            due = pacer.awaitNext();
        }
        assertEquals(start + 9_000_000, due, "due times stay on the schedule: latency counts from them");
        assertTrue(pacer.late() >= 9, "late operations: " + pacer.late());
        assertTrue(pacer.maxLagNanos() >= 19_000_000, "lag " + pacer.maxLagNanos());
        pacer.restart(System.nanoTime());
        assertEquals(0, pacer.late(), "a new iteration starts with no late operations");
        assertEquals(0, pacer.maxLagNanos());
    }

    @Test
    void durationsAndTails() {
        assertEquals(200_000_000, Durations.parseNanos("x", "200ms"));
        assertEquals(1_500_000_000, Durations.parseNanos("x", "1.5s"));
        assertEquals(120_000_000_000L, Durations.parseNanos("x", "2m"));
        assertEquals(500_000, Durations.parseNanos("x", "500us"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos("x", "5"));
        TailInjection tail = TailInjection.parse("0.005:200ms");
        assertEquals(0.005, tail.fraction());
        assertEquals(200_000_000, tail.delayNanos());
        assertEquals("0.005:200ms", tail.toString());
    }

    @Test
    void engineOptionListValuesContinueAfterTheirComma() {
        RunSettings settings = RunCommand.settings(List.of("--engines", "etcd", "--engine-options",
                "etcd.endpoints=10.0.0.1:2379,10.0.0.2:2379,etcd.reads=serializable"), EngineRegistry.discover());
        assertEquals(Map.of("endpoints", "10.0.0.1:2379,10.0.0.2:2379", "reads", "serializable"),
                settings.engineOptions().get("etcd"));
    }

    @Test
    void engineFlagsAreEngineOptionsTakenWholeAndSurviveTheFork() throws java.io.IOException {
        RunSettings settings = RunCommand.settings(List.of("--engines", "etcd,rocksdb", "--etcd-endpoints",
                "10.0.0.1:2379,10.0.0.2:2379", "--etcd-connections=4", "--engine-options", "rocksdb.compression=lz4",
                "--threads", "3"), EngineRegistry.discover());
        assertEquals(Map.of("endpoints", "10.0.0.1:2379,10.0.0.2:2379", "connections", "4"),
                settings.engineOptions().get("etcd"));
        assertEquals(Map.of("compression", "lz4"), settings.engineOptions().get("rocksdb"));
        assertEquals(3, settings.threads());
        assertEquals("10.0.0.1:2379,10.0.0.2:2379", settings.options().get("etcd-endpoints"));
        RunSettings again = SettingsFile.read(SettingsFile.write(temp, settings));
        assertEquals(settings.engineOptions(), again.engineOptions(), "a fork parses the saved flags the same way");
    }

    @Test
    void optionsResolveTheWorkloadAndTheProfile() throws java.io.IOException {
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory,rocksdb", "--workload", "ycsb-b",
                "--records", "5000", "--distribution", "zipfian", "--theta", "1.2", "--read", "0.7", "--update", "0.3",
                "--value-size", "200", "--key-size", "24", "--profile", "ci", "--iterations", "2", "--rate", "5000",
                "--engine-options", "rocksdb.compression=lz4"), EngineRegistry.discover());
        assertEquals(List.of("memory", "rocksdb"), settings.engines());
        assertEquals(5000, settings.workload().recordCount());
        assertEquals("zipfian(theta=1.2)", settings.workload().distribution().describe());
        assertEquals(0.7, settings.workload().mix().read());
        assertEquals(200, settings.workload().values().size().max());
        assertEquals(24, settings.workload().keys().size());
        assertEquals(10, settings.forks());
        assertEquals(2, settings.iterations());
        assertEquals(5000, settings.rate());
        assertEquals(Map.of("compression", "lz4"), settings.engineOptions().get("rocksdb"));
        assertEquals("none", settings.engineConfig("memory", java.nio.file.Path.of("/tmp/x"),
                EngineRegistry.discover()).durability().label());
        RunSettings again = SettingsFile.read(SettingsFile.write(temp, settings));
        assertEquals(settings.workload(), again.workload(), "a fork parses the saved options to the same workload");
    }
}
