package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real benchmarks.jar, end to end, through the smoke profile and small data sets. */
class RunIT {
    @TempDir
    Path temp;

    private RunRecord record(Path out) throws Exception {
        RunRecord record = JsonFiles.read(out.resolve("run.json"), RunRecord.class);
        assertEquals(RunRecord.SCHEMA, record.schema());
        return record;
    }

    private static OperationResult operation(ForkResult fork, String name) {
        return fork.operations().stream().filter(o -> o.operation().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in fork " + fork.forkId()));
    }

    @Test
    void smokeRunOfEveryEmbeddedEngineWritesACompleteRunFolder() throws Exception {
        Path out = temp.resolve("smoke");
        BenchmarksJar.Result result = BenchmarksJar.run(temp, "run", "--engines", "rocksdb,lmdb,sqlite", "--records",
                "2000", "--profile", "smoke", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err() + result.out());
        assertTrue(result.out().contains("± is the 95 % confidence interval"), result.out());
        assertTrue(result.out().contains("resource cost per operation (means across forks; peak RSS: the largest)"),
                result.out());
        assertTrue(Files.readString(out.resolve("report.md")).contains("# Resource cost per operation"));
        assertTrue(result.out().contains("storebench: run folder " + out), result.out());

        RunRecord record = record(out);
        assertTrue(record.complete(), record.missing().toString());
        assertEquals(List.of("run", "--engines", "rocksdb,lmdb,sqlite", "--records", "2000", "--profile", "smoke",
                "--out", out.toString()), record.command());
        assertEquals("closed", record.settings().loop());
        assertEquals(2, record.environment().get("cores"));
        assertEquals(io.storebench.bench.doctor.HostChecks.values(out).keySet(),
                ((Map<?, ?>) record.environment().get("host")).keySet(), "the values doctor checks");
        assertEquals(io.storebench.bench.io.KernelFiles.read(Path.of("/proc/sys/vm/dirty_ratio")).orElseThrow(),
                record.environment().get("vm.dirty_ratio"));
        assertEquals(List.of("rocksdb", "lmdb", "sqlite"), record.engines().stream().map(EngineRun::engine).toList());
        for (EngineRun engine : record.engines()) {
            String loader = engine.forks().get(0).forkId();
            assertNull(engine.forks().get(0).load().copiedFrom(), engine.engine() + ": the first fork loads");
            for (var fork : engine.forks().subList(1, engine.forks().size())) {
                assertEquals(loader, fork.load().copiedFrom(), engine.engine() + ": later forks copy its data set");
                assertTrue(fork.load().copySeconds() >= 0);
            }
            for (var fork : engine.forks()) {
                var cost = fork.engineMetrics().cost();
                assertTrue(cost.cpuNanosPerOperation() > 0 && cost.peakRssBytes() > 0, engine.engine() + ": " + cost);
            }
        }
        String fingerprint = record.engines().get(0).forks().get(0).workloadFingerprint();
        for (EngineRun engine : record.engines()) {
            assertEquals("buffered", engine.durability());
            assertEquals(5, engine.forks().size(), engine.engine() + ": the smoke profile has 5 forks");
            for (ForkResult fork : engine.forks()) {
                assertEquals(fingerprint, fork.workloadFingerprint(), "every fork runs the same workload");
                assertEquals(2000, fork.load().records());
                assertEquals(0, fork.load().errors());
                assertTrue(fork.throughput() > 0);
                assertEquals(2, fork.iterationThroughputs().size());
                assertNotNull(fork.engineMetrics().bytesOnDisk(), engine.engine());
                for (String name : List.of("read", "update")) {
                    OperationResult operation = operation(fork, name);
                    assertTrue(operation.latency().count() > 100, name + " count " + operation.latency().count());
                    assertTrue(operation.latency().p50() > 0
                            && operation.latency().p50() <= operation.latency().p99()
                            && operation.latency().p99() <= operation.latency().p999()
                            && operation.latency().p999() <= operation.latency().max(), operation.toString());
                    assertEquals(0, operation.errors(), engine.engine() + " " + name);
                    assertEquals(0, operation.integrityFailures(), engine.engine() + " " + name);
                    assertEquals(0, operation.notFound(), engine.engine() + " " + name);
                }
                if (engine.engine().equals("rocksdb")) {
                    // No block-cache lookup at all (every read served by the memtable) leaves the ratio null.
                    Double hits = fork.engineMetrics().cacheHitRatio();
                    assertTrue(hits == null || hits >= 0 && hits <= 1, "cache hit ratio " + hits);
                    assertNotNull(fork.engineMetrics().logBytesPerSecond());
                }
                assertLogMatches(out.resolve("hdr").resolve(fork.forkId() + ".hlog"), fork);
            }
        }
        // The README's command for HdrHistogram's own tool, on one of the logs: it needs the operation's tag.
        String log = out.resolve("hdr").resolve(record.engines().get(0).forks().get(0).forkId() + ".hlog").toString();
        BenchmarksJar.Result processed = BenchmarksJar.runClass(temp, "org.HdrHistogram.HistogramLogProcessor", "-i",
                log, "-tag", "read");
        assertEquals(0, processed.exitCode(), processed.err());
        assertTrue(processed.out().contains("#[Mean") && processed.out().contains("Total count"), processed.out());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| rocksdb | 5 |") && report.contains("| lmdb | 5 |") && report.contains("| sqlite | 5 |"),
                report);
        assertTrue(Files.readString(out.resolve("jmh.json")).contains("read.p99"), "percentiles as secondary results");
        assertTrue(Files.readString(out.resolve("command.txt")).startsWith("java -jar bench/target/benchmarks.jar run"));
        assertFalse(Files.exists(out.resolve("data")), "every fork removed its data");

        // The run wrote the engine-selection report; report rebuilds it; a browser draws its charts.
        assertTrue(report.contains("## Engine selection: ycsb-a, ranked by throughput"), report);
        BenchmarksJar.Result rebuilt = BenchmarksJar.run(temp, "report", out.toString(), "--metric", "p99");
        assertEquals(0, rebuilt.exitCode(), rebuilt.err());
        assertTrue(Files.readString(out.resolve("report.md")).contains("ranked by p99"));
        Chromium.assertChartsRender(out.resolve("report.html"), temp, 3, List.of("throughput", "percentiles",
                "timeline"));
    }

    /** The interval log is HdrHistogram's standard format: its reader gets back every operation the fork counted. */
    private static void assertLogMatches(Path log, ForkResult fork) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(new File(log.toString()));
        int intervals = 0;
        for (Histogram h; (h = (Histogram) reader.nextIntervalHistogram()) != null;) {
            assertTrue(List.of("read", "update", "insert", "scan", "read-modify-write", "delete").contains(h.getTag()),
                    "every interval is tagged with its operation, as the README says: " + h.getTag());
            counts.merge(h.getTag(), h.getTotalCount(), Long::sum);
            intervals++;
        }
        reader.close();
        assertEquals(2 * fork.operations().size(), intervals, "one interval per operation per measurement iteration");
        assertEquals(fork.operations().stream().collect(Collectors.toMap(OperationResult::operation,
                o -> o.latency().count())), counts);
    }

    private ForkResult stalledNullRun(String name, String... extra) throws Exception {
        Path out = temp.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("run", "--engines", "null", "--workload", "ycsb-c",
                "--records", "1000", "--threads", "1", "--forks", "1", "--warmup-iterations", "0", "--iterations", "1",
                "--iteration-time", "3s", "--engine-options", "null.stall-after=1500,null.stall-ms=1000", "--out",
                out.toString()));
        args.addAll(List.of(extra));
        BenchmarksJar.Result result = BenchmarksJar.run(temp, args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err() + result.out());
        return record(out).engines().get(0).forks().get(0);
    }

    /** HdrHistogram's README case in small: one 1 s stall under a 1 ms schedule must move p99 in an open loop. */
    @Test
    void openLoopShowsAStallThatAClosedLoopHides() throws Exception {
        ForkResult closed = stalledNullRun("closed");
        OperationResult closedRead = operation(closed, "read");
        assertTrue(closedRead.latency().max() >= 1_000_000_000L, "the stall itself: " + closedRead.latency());
        assertTrue(closedRead.latency().p99() < 1_000_000L, "closed loop: one slow operation among millions: "
                + closedRead.latency());
        assertTrue(closed.closedLoop());

        ForkResult open = stalledNullRun("open", "--rate", "1000");
        OperationResult openRead = operation(open, "read");
        assertFalse(open.closedLoop());
        assertTrue(openRead.latency().count() > 2000 && openRead.latency().count() < 3500,
                "about 3 s x 1000 ops/s: " + openRead.latency().count());
        assertTrue(openRead.latency().p99() >= 500_000_000L, "every operation due during the stall waited: "
                + openRead.latency());
        assertTrue(open.lateOperations() > 500, "late operations " + open.lateOperations());
        assertTrue(open.maxScheduleLagNanos() >= 900_000_000L, "lag " + open.maxScheduleLagNanos());
        assertTrue(openRead.latency().p50() < 5_000, "operations on time are not charged the harness's wake-up: "
                + openRead.latency());
    }

    /** --data-cache: the first run loads once and keeps the data set; the next run loads nothing. */
    @Test
    void aDataCacheServesTheNextRunsLoad() throws Exception {
        Path cache = temp.resolve("cache");
        String[] run = {"run", "--engines", "rocksdb", "--records", "2000", "--forks", "2", "--warmup-iterations", "0",
            "--iterations", "1", "--iteration-time", "200ms", "--data-cache", cache.toString(), "--out"};
        BenchmarksJar.Result first = BenchmarksJar.run(temp, concat(run, temp.resolve("first").toString()));
        assertEquals(0, first.exitCode(), first.err() + first.out());
        String loader = record(temp.resolve("first")).engines().get(0).forks().get(0).forkId();
        BenchmarksJar.Result second = BenchmarksJar.run(temp, concat(run, temp.resolve("second").toString()));
        assertEquals(0, second.exitCode(), second.err() + second.out());
        assertFalse(second.out().contains("storebench: loading"), "nothing loaded: " + second.out());
        assertTrue(second.out().contains("storebench: rocksdb: copied the data set that fork " + loader
                + " loaded into the data cache " + cache), second.out());
        for (var fork : record(temp.resolve("second")).engines().get(0).forks()) {
            assertEquals(loader, fork.load().copiedFrom());
        }
        try (var kept = Files.list(cache)) {
            assertEquals(1, kept.filter(p -> p.getFileName().toString().startsWith("rocksdb-")).count());
        }

        Path file = Files.writeString(temp.resolve("a-file"), "x");
        BenchmarksJar.Result refused = BenchmarksJar.run(temp, "run", "--engines", "rocksdb", "--data-cache",
                file.toString(), "--out", temp.resolve("third").toString());
        assertEquals(2, refused.exitCode());
        assertEquals(List.of("storebench run: --data-cache " + file + " is a file; give a folder (created if absent)"),
                refused.err().lines().toList());
    }

    private static String[] concat(String[] first, String last) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }

    /** A stall in the warm-up stays out of the measurement: latency, late operations and lag alike. */
    @Test
    void aStallDuringWarmUpIsNotMeasured() throws Exception {
        Path out = temp.resolve("warm-stall");
        BenchmarksJar.Result result = BenchmarksJar.run(temp, "run", "--engines", "null", "--workload", "ycsb-c",
                "--records", "1000", "--threads", "1", "--forks", "1", "--warmup-iterations", "1", "--warmup-time",
                "3s", "--iterations", "1", "--iteration-time", "1s", "--rate", "1000", "--engine-options",
                "null.stall-after=500,null.stall-ms=1000", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err() + result.out());
        ForkResult fork = record(out).engines().get(0).forks().get(0);
        // The warm-up stall made about 1000 operations late by up to 1 s; none of that may leak in. A
        // few operations late by a millisecond are the machine's own scheduling noise.
        assertTrue(fork.lateOperations() < 50, "late operations " + fork.lateOperations());
        assertTrue(fork.maxScheduleLagNanos() < 50_000_000L, "lag " + fork.maxScheduleLagNanos());
        assertTrue(operation(fork, "read").latency().max() < 50_000_000L, operation(fork, "read").toString());
    }

    @Test
    void anInjectedTailShowsInP99AndIsCounted() throws Exception {
        Path out = temp.resolve("tail");
        BenchmarksJar.Result result = BenchmarksJar.run(temp, "run", "--engines", "memory", "--records", "1000",
                "--threads", "1", "--forks", "1", "--warmup-iterations", "0", "--iterations", "1", "--iteration-time",
                "1s", "--inject-tail", "0.05:20ms", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err() + result.out());
        ForkResult fork = record(out).engines().get(0).forks().get(0);
        assertTrue(fork.injectedOperations() > 0);
        OperationResult read = operation(fork, "read");
        assertTrue(read.latency().p99() >= 20_000_000L, "p99 holds the injected 20 ms: " + read.latency());
        assertTrue(read.latency().p50() < 1_000_000L, "p50 does not: " + read.latency());
        assertTrue(result.out().contains("injected tail 0.05:20ms"), result.out());
    }

    @Test
    void commandsAndJmhsOwnCommandLine() throws Exception {
        BenchmarksJar.Result list = BenchmarksJar.run(temp, "-l");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("io.storebench.bench.run.WorkloadBenchmark.operation"), list.out());
        BenchmarksJar.Result engines = BenchmarksJar.run(temp, "list");
        assertEquals(0, engines.exitCode());
        assertTrue(engines.out().contains("rocksdb    RocksDB LSM tree via rocksdbjni (JNI)")
                && engines.out().contains("Run profiles:") && engines.out().contains("smoke      5 forks"), engines.out());
        BenchmarksJar.Result help = BenchmarksJar.run(temp, "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("run [options]"), help.out());
        BenchmarksJar.Result bad = BenchmarksJar.run(temp, "run", "--engines", "bogus");
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertFalse(Files.exists(temp.resolve("results")), "bad input writes nothing");
    }
}
