package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.Capability;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ValueBuffer;
import io.storebench.stats.model.BoundaryCost;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.GcPressure;
import io.storebench.stats.model.LoadResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.workloads.KeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

/** A fork's coordinator and its pieces with the real {@code memory} engine, without JMH. */
class ForkMeasurementTest {
    @TempDir
    Path temp;

    private RunSettings settings(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--engines", "memory", "--records", "2000",
                "--threads", "2"));
        args.addAll(List.of(extra));
        return RunCommand.settings(args, EngineRegistry.discover());
    }

    @Test
    void aForkRecordsTheVersionsItRanAndAFailedLookupNeverFailsIt() {
        EngineRegistry registry = EngineRegistry.discover();
        try (KeyValueStore store = registry.open("rocksdb", EngineConfig.of(temp.resolve("rocksdb")))) {
            Map<String, String> versions = ForkMeasurement.versions(registry.provider("rocksdb"), store);
            assertTrue(versions.getOrDefault("rocksdb", "").matches("[0-9]+\\.[0-9]+\\.[0-9]+"), versions.toString());
            EngineProvider unloadable = new VersionlessProvider(registry.provider("null"));
            assertEquals(Map.of("null", "unknown (java.lang.UnsatisfiedLinkError: no native library here)"),
                    ForkMeasurement.versions(unloadable, store));
        }
    }

    /** A real provider whose library cannot say its version, as a native library that fails to load. */
    private record VersionlessProvider(EngineProvider real) implements EngineProvider {
        @Override
        public Map<String, String> versions() {
            throw new UnsatisfiedLinkError("no native library here");
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public String description() {
            return real.description();
        }

        @Override
        public EngineProfile profile() {
            return real.profile();
        }

        @Override
        public Set<Capability> capabilities() {
            return real.capabilities();
        }

        @Override
        public Set<Durability> durabilities() {
            return real.durabilities();
        }

        @Override
        public List<EngineOption> options() {
            return real.options();
        }

        @Override
        public KeyValueStore open(EngineConfig config, EngineOptions options) {
            return real.open(config, options);
        }
    }

    @Test
    void theLoaderInsertsEveryRecordOnce() {
        RunSettings settings = settings();
        EngineRegistry registry = EngineRegistry.discover();
        try (KeyValueStore store = registry.open("memory", settings.engineConfig("memory", temp, registry))) {
            LoadResult load = StoreLoader.load(store, "memory", settings.workload(), 3);
            assertEquals(2000, load.records());
            assertEquals(0, load.errors());
            KeySpec keys = settings.workload().keys();
            byte[] key = new byte[keys.size()];
            ValueBuffer value = new ValueBuffer(settings.workload().values().size().max());
            for (long ordinal : new long[] {0, 1, 2, 1999}) {
                keys.encode(ordinal, key);
                assertTrue(store.get(key, value), "record " + ordinal);
                assertEquals(1000, value.length());
            }
            keys.encode(2000, key);
            assertFalse(store.get(key, value), "nothing beyond the record count");
        }
    }

    @Test
    void aForkMeasuresItsIterationsAndWritesItsResult() throws IOException {
        RunSettings settings = settings("--inject-tail", "0.001:1ms");
        ForkMeasurement fork = new ForkMeasurement("memory", settings, temp, 2);
        OperationExecutor first = fork.executor(0);
        OperationExecutor second = fork.executor(1);
        for (int i = 0; i < 500; i++) {
            first.executeOne();
        }
        assertEquals(List.of(), fork.endIteration(IterationType.WARMUP), "warm-up is not reported");
        for (int iteration = 0; iteration < 2; iteration++) {
            fork.beginIteration();
            for (int i = 0; i < 1000; i++) {
                first.executeOne();
                second.executeOne();
            }
            List<String> labels = fork.endIteration(IterationType.MEASUREMENT).stream().map(Result::getLabel).toList();
            assertTrue(labels.containsAll(List.of("read.p99", "update.p99", "read.errors", "integrity-failures",
                    "injected", "jvm-gc.cycles", "succeeded")), labels.toString());
            assertFalse(labels.contains("go-gc.cycles"), "the memory engine runs in no Go runtime");
        }
        fork.finish();

        List<Path> results = files(temp.resolve("forks"));
        assertEquals(1, results.size(), "one result per fork");
        ForkResult result = JsonFiles.read(results.get(0), ForkResult.class);
        assertEquals("memory", result.engine());
        assertEquals(2, result.threads());
        assertEquals("none", result.durability(), "a baseline runs with none");
        assertTrue(result.closedLoop());
        assertEquals(2000, result.load().records());
        assertEquals(2000L * (settings.workload().keys().size() + 1000), result.load().userBytes(),
                "every key and value byte the load inserted");
        GcPressure jvm = result.engineMetrics().jvmGc();
        assertEquals(GcPressure.JVM, jvm.runtime());
        assertTrue(jvm.cycles() >= 0 && jvm.pauseNanos() >= 0 && jvm.heapInUseBytes() > 0, jvm.toString());
        assertTrue(jvm.allocatedBytesPerOperation() > 0, "an operation allocates in the harness at least: " + jvm);
        assertEquals(JvmGcMeter.SCOPE, jvm.scope());
        assertEquals(null, result.engineMetrics().goGc());
        assertEquals(2, result.iterationThroughputs().size(), "the warm-up is discarded");
        assertEquals(4000, result.operations().stream().mapToLong(o -> o.latency().count()).sum());
        for (OperationResult operation : result.operations()) {
            assertEquals(0, operation.errors(), operation.operation());
            assertEquals(0, operation.integrityFailures(), operation.operation());
        }
        assertEquals(0, result.operations().stream().filter(o -> o.operation().equals("read")).findFirst().orElseThrow()
                .notFound(), "every read finds its record");
        assertTrue(result.throughput() > 0);

        List<Path> logs = files(temp.resolve("hdr"));
        assertEquals(1, logs.size());
        int intervals = 0;
        HistogramLogReader reader = new HistogramLogReader(logs.get(0).toFile());
        while (reader.nextIntervalHistogram() != null) {
            intervals++;
        }
        assertEquals(4, intervals, "read and update, two measurement iterations");
        assertFalse(Files.exists(temp.resolve("data").resolve(result.forkId())), "the fork's data is removed");
    }

    @Test
    void aForkOfAnEngineBehindABoundaryRecordsTheBoundarysCostAndTheTimeOutsideTheEngine() throws IOException {
        EngineRegistry registry = EngineRegistry.discover();
        EngineAvailable.require(registry, "badger");
        ForkMeasurement fork = new ForkMeasurement("badger", RunCommand.settings(List.of("--engines", "badger",
                "--records", "1000", "--threads", "1"), registry), temp, 1);
        OperationExecutor executor = fork.executor(0);
        for (int i = 0; i < 2000; i++) {
            executor.executeOne();
        }
        List<Result> results = fork.endIteration(IterationType.MEASUREMENT);
        Result outside = results.stream().filter(r -> r.getLabel().equals("outside-engine")).findFirst().orElseThrow();
        assertEquals("ns", outside.getScoreUnit());
        assertTrue(outside.getScore() > 0, "the boundary and the adapter take time: " + outside.getScore());
        fork.finish();

        ForkResult result = JsonFiles.read(files(temp.resolve("forks")).get(0), ForkResult.class);
        BoundaryCost boundary = result.boundary();
        assertEquals("go-null", boundary.baseline());
        assertEquals(registry.provider("badger").profile().clientPath(), boundary.crossing());
        assertTrue(boundary.callNanos() > 0, boundary.toString());
        assertEquals(outside.getScore(), boundary.observedNanosPerOperation(), 1e-9,
                "one measurement iteration: its figure is the fork's");
        assertFalse(Files.exists(temp.resolve("data").resolve(result.forkId())), "the fork's data is removed");
    }

    @Test
    void aForkOfAnEngineWithoutABoundaryHasNoCostNorTimeOutsideTheEngine() throws IOException {
        ForkMeasurement fork = new ForkMeasurement("memory", settings(), temp, 1);
        OperationExecutor executor = fork.executor(0);
        for (int i = 0; i < 100; i++) {
            executor.executeOne();
        }
        assertFalse(fork.endIteration(IterationType.MEASUREMENT).stream()
                .anyMatch(r -> r.getLabel().equals("outside-engine")), "memory is timed around the call");
        fork.finish();
        assertEquals(null, JsonFiles.read(files(temp.resolve("forks")).get(0), ForkResult.class).boundary());
    }

    @Test
    void aForkWithoutMeasurementWritesNoResult() throws IOException {
        ForkMeasurement fork = new ForkMeasurement("null", RunCommand.settings(List.of("--engines", "null",
                "--records", "10"), EngineRegistry.discover()), temp, 1);
        fork.executor(0);
        fork.endIteration(IterationType.MEASUREMENT);
        fork.finish();
        assertFalse(Files.exists(temp.resolve("forks")), "no operation ran: no sample");
    }

    @Test
    void theForkTotalsAssembleTheResult() {
        ForkTotals totals = new ForkTotals();
        assertFalse(totals.measured());
        org.HdrHistogram.Histogram reads = new org.HdrHistogram.Histogram(3);
        for (int i = 0; i < 100; i++) {
            reads.recordValue(1_000 + i);
        }
        totals.addLatency(io.storebench.workloads.Operation.READ.ordinal(), reads);
        totals.addIteration(100, 1_000_000_000L, SpanStats.EMPTY);
        totals.addLag(3, 5_000);
        totals.addLag(1, 2_000);
        OperationCounters counters = new OperationCounters("memory");
        counters.error(io.storebench.workloads.Operation.UPDATE, new IllegalStateException("down"));
        counters.endIteration(true);
        ForkResult result = totals.result(new ForkTotals.ForkIdentity("memory", "memory-1", 2, "none", "f", 50,
                java.util.Map.of("memory", "1")), counters, new LoadResult(10, 1, 10, 1, 1, 0, 100L, 1), null, null);
        assertTrue(totals.measured());
        assertEquals(List.of("read", "update"), result.operations().stream().map(OperationResult::operation).toList(),
                "an operation type that only failed is reported");
        assertEquals(100.0, result.throughput());
        assertEquals(List.of(100.0), result.iterationThroughputs());
        assertEquals(4, result.lateOperations());
        assertEquals(5_000, result.maxScheduleLagNanos());
        assertFalse(result.closedLoop());
        assertEquals(1, result.errors());
        assertEquals("update: java.lang.IllegalStateException: down", result.firstError());
        assertEquals(null, result.boundary(), "the memory engine has no boundary");
        assertEquals(null, totals.outsideEngineNanosPerOperation(), "nor times itself");
        totals.addOutsideEngine(3_000, 20);
        totals.addOutsideEngine(1_000, 20);
        assertEquals(100.0, totals.outsideEngineNanosPerOperation(), "over the iterations' operations together");
    }

    /** A failed call is timed (its latency is in the histogram) but is not throughput. */
    @Test
    void throughputCountsOnlyTheOperationsThatSucceeded() {
        ForkTotals totals = new ForkTotals();
        org.HdrHistogram.Histogram reads = new org.HdrHistogram.Histogram(3);
        for (int i = 0; i < 100; i++) {
            reads.recordValue(1_000 + i);
        }
        totals.addLatency(io.storebench.workloads.Operation.READ.ordinal(), reads);
        OperationCounters counters = new OperationCounters("memory");
        for (int i = 0; i < 40; i++) {
            counters.error(io.storebench.workloads.Operation.READ, new IllegalStateException("down"));
        }
        counters.endIteration(true);
        totals.addIteration(60, 1_000_000_000L, SpanStats.EMPTY);
        ForkResult result = totals.result(new ForkTotals.ForkIdentity("memory", "memory-1", 1, "none", "f", 0,
                java.util.Map.of()), counters, new LoadResult(10, 1, 10, 1, 1, 0, 100L, 1), null, null);
        OperationResult read = result.operations().get(0);
        assertEquals(100, read.latency().count(), "every call is timed");
        assertEquals(40, read.errors());
        assertEquals(60.0, read.throughput(), "60 of the 100 calls succeeded in 1 s");
        assertEquals(60.0, result.throughput());
        assertEquals(List.of(60.0), result.iterationThroughputs());
    }

    @Test
    void aStoreThatRetriesHasItsRetriesPerOperationInTheResultAndAnotherNone() {
        ForkTotals totals = new ForkTotals();
        org.HdrHistogram.Histogram reads = new org.HdrHistogram.Histogram(3);
        reads.recordValue(1_000);
        totals.addLatency(io.storebench.workloads.Operation.READ.ordinal(), reads);
        totals.addIteration(1, 1_000_000_000L, SpanStats.EMPTY);
        ForkTotals.ForkIdentity identity = new ForkTotals.ForkIdentity("postgres", "postgres-1", 1, "none", "f", 0,
                java.util.Map.of());
        LoadResult load = new LoadResult(10, 1, 10, 1, 1, 0, 100L, 1);
        OperationCounters retrying = new OperationCounters("postgres", true);
        retrying.retried(io.storebench.workloads.Operation.READ, 3);
        retrying.endIteration(true);
        assertEquals(3L, totals.result(identity, retrying, load, null, null).operations().get(0).retries());
        OperationCounters plain = new OperationCounters("memory", false);
        plain.endIteration(true);
        assertNull(totals.result(identity, plain, load, null, null).operations().get(0).retries(), "null, not 0");
    }

    /**
     * A fork that fails at its start (after its store is open) keeps its own error, and leaves no
     * thread, no data directory and no temporary file behind.
     */
    @Test
    void aForkThatFailsAtItsStartLeavesNoThreadNorDataBehind() throws IOException {
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        // keys LMDB cannot take: refused before any fork in a run, here found by the fork once its store is open
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory", "--records", "100", "--key-size",
                "600"), EngineRegistry.discover());
        Path run = Files.createDirectories(temp.resolve("run"));
        io.storebench.engine.ConfigurationException failed = org.junit.jupiter.api.Assertions.assertThrows(
                io.storebench.engine.ConfigurationException.class, () -> new ForkMeasurement("lmdb", settings, run, 1));
        assertTrue(failed.getMessage().startsWith("lmdb: keys of 600 bytes are too long"), failed.getMessage());
        assertTrue(!Files.exists(run.resolve("data")) || files(run.resolve("data")).isEmpty(),
                "no data directory left");
        assertFalse(Files.exists(run.resolve("hdr")), "no log begun");
        List<String> leftThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !threadsBefore.contains(t) && t.isAlive()).map(Thread::getName).toList();
        assertEquals(List.of(), leftThreads.stream().filter(n -> n.startsWith("storebench")).toList(),
                "no thread of the fork is left");
    }

    /**
     * RocksDB on a full disk: its writes fail, and closing it fails too ({@code Seen error}, the
     * WAL it could not write). That is one line on standard error and the result's
     * {@code closeError}; the measurement, which had ended, is written and stands. Needs a small
     * tmpfs (root may mount one); skipped where none can be mounted.
     */
    @Test
    void aStoreThatFailsToCloseOnAFullDiskIsOneLineInTheResult() throws Exception {
        Path disk = Files.createDirectories(temp.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here: "
                + new String(mount.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        java.io.PrintStream realErr = System.err;
        try {
            Path run = Files.createDirectories(temp.resolve("run"));
            Files.createSymbolicLink(run.resolve("data"), disk); // the store on the small disk, the results beside
            RunSettings settings = RunCommand.settings(List.of("--engines", "rocksdb", "--records", "2000",
                    "--threads", "1"), EngineRegistry.discover());
            ForkMeasurement fork = new ForkMeasurement("rocksdb", settings, run, 1);
            try (java.io.OutputStream filler = Files.newOutputStream(disk.resolve("filler"))) {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 1024; i++) {
                    filler.write(block); // until the disk is full
                }
            } catch (IOException full) {
                // the disk is full
            }
            OperationExecutor executor = fork.executor(0);
            for (int i = 0; i < 5000; i++) {
                executor.executeOne(); // ycsb-a: half are updates, which fail now
            }
            fork.endIteration(IterationType.MEASUREMENT);
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            fork.finish(); // does not throw
            System.setErr(realErr);

            ForkResult result = JsonFiles.read(files(run.resolve("forks")).get(0), ForkResult.class);
            assertTrue(result.errors() > 0, "updates failed on the full disk");
            String closeError = result.closeError();
            assertTrue(closeError != null && closeError.startsWith("rocksdb: ") && closeError.contains("close failed"),
                    "close error: " + closeError);
            assertFalse(closeError.contains("\n"), closeError);
            assertEquals("storebench: " + closeError + "\n", err.toString(java.nio.charset.StandardCharsets.UTF_8)
                    .lines().filter(l -> l.contains("close failed")).map(l -> l + "\n").findFirst().orElse(""),
                    "said in one line");
            assertFalse(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\tat "), "no stack trace");
            assertFalse(Files.exists(disk.resolve(result.forkId())), "its data is removed");
        } finally {
            System.setErr(realErr);
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(); // lazily: a store that failed to close may hold a file
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
