package io.storebench.bench.run;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.EngineStats;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Metric;
import io.storebench.engine.Reading;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.LoadResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.Unavailability;
import io.storebench.workloads.KeySpec;
import io.storebench.workloads.Operation;
import io.storebench.workloads.ValueGenerator;
import io.storebench.workloads.WorkloadRun;
import io.storebench.workloads.WorkloadSpec;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * The state of one fork (one JMH JVM) of a run: the store, the loaded data, each thread's
 * HdrHistograms (one per operation type, written by that thread alone), the error and integrity counters,
 * and the per-fork files it writes into the run folder: {@code hdr/<fork-id>.hlog} (one interval
 * histogram per operation type per measurement iteration, HdrHistogram's log format) and, when
 * the fork ends, {@code forks/<fork-id>.json} (a {@link ForkResult}).
 *
 * <p>{@link LatencyProfiler} calls {@link #beginIteration} and {@link #endIteration} around each
 * JMH iteration; warm-up iterations are recorded and then discarded. The threads' histograms are
 * plain ones (no atomic operation per record): they are read and reset only between iterations,
 * when JMH has stopped every benchmark thread, and JMH's iteration hand-over orders those reads
 * after the threads' writes.
 */
public final class ForkMeasurement {
    private static final AtomicReference<ForkMeasurement> CURRENT = new AtomicReference<>();
    private static final Operation[] OPERATIONS = Operation.values();
    private static final int SIGNIFICANT_DIGITS = 3;

    private final String engine;
    private final String forkId;
    private final RunSettings settings;
    private final Path runDirectory;
    private final Path dataDirectory;
    private final KeyValueStore store;
    private final Map<String, String> storeVersions;
    private final WorkloadRun workloadRun;
    private final boolean verify;
    private final Histogram[] measured = new Histogram[OPERATIONS.length];
    private final LongAdder[] errors = counters();
    private final LongAdder[] notFound = counters();
    private final LongAdder[] integrity = counters();
    private final long[] errorTotals = new long[OPERATIONS.length];
    private final long[] notFoundTotals = new long[OPERATIONS.length];
    private final long[] integrityTotals = new long[OPERATIONS.length];
    private final LongAdder injected = new LongAdder();
    private final AtomicReference<String> iterationFirstError = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean errorPrinted = new java.util.concurrent.atomic.AtomicBoolean();
    private String firstError;
    private final List<OperationExecutor> executors = new CopyOnWriteArrayList<>();
    private final List<Double> iterationThroughputs = new ArrayList<>();
    private final HistogramLogWriter log;
    private final PrintStream logStream;
    private final LoadResult load;
    private volatile long epoch;
    private volatile boolean finishPending;
    private long iterationStartMillis;
    private long iterationStartNanos;
    private final List<Unavailability> unavailable = new ArrayList<>();
    private long measuredNanos;
    private long injectedTotal;
    private long lateTotal;
    private long maxLagTotal;
    private EngineStats statsBefore;
    private EngineStats measuredStats;
    private long measuredStatsNanos;

    private ForkMeasurement(String engine, RunSettings settings, Path runDirectory, int threads) throws IOException {
        this.engine = engine;
        this.settings = settings;
        this.runDirectory = runDirectory;
        this.forkId = engine + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime() & 0xFFFFFF);
        this.dataDirectory = runDirectory.resolve("data").resolve(forkId);
        EngineRegistry registry = EngineRegistry.discover();
        EngineConfig config = settings.engineConfig(engine, dataDirectory, registry).withThreads(threads);
        WorkloadSpec spec = settings.workload();
        this.store = registry.open(engine, config);
        this.storeVersions = store.versions();
        try {
            if (spec.keys().size() > store.maxKeySize()) {
                throw new ConfigurationException(engine + ": keys of " + spec.keys().size()
                        + " bytes are too long; allowed: 1.." + store.maxKeySize() + " bytes (--key-size)");
            }
            this.verify = registry.provider(engine).capabilities().contains(Capability.RETAINS_DATA);
            for (int i = 0; i < OPERATIONS.length; i++) {
                measured[i] = new Histogram(SIGNIFICANT_DIGITS);
            }
            this.load = load(spec, threads);
            this.workloadRun = new WorkloadRun(spec, threads);
            Files.createDirectories(runDirectory.resolve("hdr"));
            this.logStream = new PrintStream(new FileOutputStream(runDirectory.resolve("hdr").resolve(forkId + ".hlog")
                    .toFile()), true, "UTF-8");
            this.log = new HistogramLogWriter(logStream);
            log.outputComment("StoreBench fork " + forkId + ": engine " + engine + ", workload " + spec.name()
                    + ", " + threads + " threads, latency in ns, one interval per operation type per iteration");
            log.outputLogFormatVersion();
            log.outputStartTime(System.currentTimeMillis());
            log.setBaseTime(System.currentTimeMillis());
            log.outputLegend();
            // JMH runs the trial set-up inside the first iteration, after the profiler's
            // beforeIteration: start that iteration here, once the data is loaded.
            beginIteration();
        } catch (IOException | RuntimeException e) {
            closeStore();
            throw e;
        }
    }

    /** Opens and loads the store of this fork; called from the benchmark's trial set-up. */
    public static ForkMeasurement start(String engine, String configFile, int threads) {
        try {
            Path runDirectory;
            RunSettings settings;
            EngineRegistry registry = EngineRegistry.discover();
            if (configFile == null || configFile.isEmpty()) {
                runDirectory = Files.createTempDirectory("storebench-jmh-");
                settings = RunSettings.parse(Map.of("engines", engine, "records", "100000"), registry);
                System.out.println("storebench: no run configuration; defaults, results in " + runDirectory);
            } else {
                Path file = Path.of(configFile);
                runDirectory = file.toAbsolutePath().getParent();
                settings = RunSettings.parse(RunFolder.readOptions(file), registry);
                // A fork whose run has gone (the parent was killed) stops instead of writing into a finished folder.
                ProcessHandle.current().parent().ifPresent(parent -> parent.onExit()
                        .thenRun(() -> Runtime.getRuntime().halt(3)));
            }
            ForkMeasurement fork = new ForkMeasurement(engine, settings, runDirectory, threads);
            CURRENT.set(fork);
            return fork;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ForkMeasurement current() {
        return CURRENT.get();
    }

    private LoadResult load(WorkloadSpec spec, int threads) {
        long records = spec.recordCount();
        System.out.printf(Locale.ROOT, "storebench: loading %,d records into %s with %d threads...%n", records,
                engine, threads);
        Recorder latency = new Recorder(SIGNIFICANT_DIGITS);
        LongAdder failed = new LongAdder();
        List<Thread> loaders = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread loader = new Thread(() -> {
                KeySpec keys = spec.keys();
                byte[] key = new byte[keys.size()];
                SplittableRandom random = new SplittableRandom(spec.seed() ^ (0x9E3779B97F4A7C15L * (thread + 1)));
                ValueGenerator values = new ValueGenerator(spec.values(), thread, random.split());
                for (long ordinal = thread; ordinal < records; ordinal += threads) {
                    keys.encode(ordinal, key);
                    int length = values.fill(key, random);
                    long begin = System.nanoTime();
                    try {
                        store.put(key, values.value(), length);
                    } catch (RuntimeException e) {
                        failed.increment();
                        failure.compareAndSet(null, e);
                    }
                    latency.recordValue(System.nanoTime() - begin);
                }
            }, "storebench-loader-" + t);
            loaders.add(loader);
            loader.start();
        }
        for (Thread loader : loaders) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.sum() > 0) {
            // Every fork must start from the same data set: one with holes is not a sample.
            throw new IllegalStateException(engine + ": " + failed.sum() + " of " + records
                    + " inserts of the load failed, the first: " + failure.get(), failure.get());
        }
        Histogram histogram = latency.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "storebench: loaded %s in %.2f s (%,.0f ops/s, %d errors)%n", engine, seconds,
                records / seconds, failed.sum());
        return new LoadResult(records, seconds, records / seconds, histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), failed.sum());
    }

    /** A thread's executor; called once per benchmark thread. */
    public OperationExecutor executor(int threadIndex) {
        Pacer pacer = settings.openLoop() ? new Pacer(settings.rate(), workloadRun.threads(), threadIndex) : null;
        OperationExecutor executor = new OperationExecutor(store, workloadRun.stream(threadIndex), this, pacer,
                settings.tail(), settings.workload().seed() * 31 + threadIndex, verify,
                settings.workload().values().size().max());
        executors.add(executor);
        return executor;
    }

    long epoch() {
        return epoch;
    }

    /** One histogram per operation type, for one thread's executor. */
    static Histogram[] threadHistograms() {
        Histogram[] histograms = new Histogram[OPERATIONS.length];
        for (int i = 0; i < histograms.length; i++) {
            histograms[i] = new Histogram(SIGNIFICANT_DIGITS);
        }
        return histograms;
    }

    void error(Operation operation, RuntimeException e) {
        errors[operation.ordinal()].increment();
        iterationFirstError.compareAndSet(null, operation.label() + ": " + e);
        if (errorPrinted.compareAndSet(false, true)) {
            System.err.println("storebench: " + engine + " " + operation.label() + " failed (errors are counted, the"
                    + " run goes on): " + e);
        }
    }

    void notFound(Operation operation) {
        notFound[operation.ordinal()].increment();
    }

    void integrityFailure(Operation operation) {
        integrity[operation.ordinal()].increment();
    }

    void injected() {
        injected.increment();
    }

    /** Discards what happened before this iteration and starts its clock. */
    public void beginIteration() {
        for (OperationExecutor executor : executors) {
            executor.resetIteration();
        }
        iterationFirstError.set(null);
        for (int i = 0; i < OPERATIONS.length; i++) {
            errors[i].reset();
            notFound[i].reset();
            integrity[i].reset();
        }
        injected.reset();
        statsBefore = store.stats();
        epoch++; // open-loop schedules re-anchor at their next operation
        iterationStartMillis = System.currentTimeMillis();
        iterationStartNanos = System.nanoTime();
    }

    /** Ends an iteration; for a measurement iteration, logs it and returns its secondary results. */
    public List<Result> endIteration(IterationType type) {
        EngineStats delta = store.stats().since(statsBefore); // before this fork writes anything itself
        long endMillis = System.currentTimeMillis();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (OperationExecutor executor : executors) {
            if (executor.firstStart() != 0) {
                first = Math.min(first, executor.firstStart());
                last = Math.max(last, executor.lastEnd());
            }
        }
        // Throughput is over the span of the operations themselves, not JMH's hand-over around them.
        long elapsed = first == Long.MAX_VALUE ? 0 : last - first;
        Histogram[] interval = new Histogram[OPERATIONS.length];
        for (int i = 0; i < OPERATIONS.length; i++) {
            interval[i] = new Histogram(SIGNIFICANT_DIGITS);
            for (OperationExecutor executor : executors) {
                interval[i].add(executor.histograms()[i]);
            }
        }
        if (type != IterationType.MEASUREMENT) {
            return List.of();
        }
        List<Result> results = new ArrayList<>();
        long operations = 0;
        for (int i = 0; i < OPERATIONS.length; i++) {
            Histogram histogram = interval[i];
            long errorCount = errors[i].sum();
            errorTotals[i] += errorCount;
            notFoundTotals[i] += notFound[i].sum();
            integrityTotals[i] += integrity[i].sum();
            if (histogram.getTotalCount() == 0) {
                continue;
            }
            operations += histogram.getTotalCount();
            String label = OPERATIONS[i].label();
            histogram.setTag(label);
            histogram.setStartTimeStamp(iterationStartMillis);
            histogram.setEndTimeStamp(endMillis);
            log.outputIntervalHistogram(histogram);
            measured[i].add(histogram);
            results.add(nanos(label + ".p50", histogram.getValueAtPercentile(50)));
            results.add(nanos(label + ".p99", histogram.getValueAtPercentile(99)));
            results.add(nanos(label + ".p99.9", histogram.getValueAtPercentile(99.9)));
            results.add(nanos(label + ".max", histogram.getMaxValue()));
            results.add(new ScalarResult(label + ".errors", errorCount, "ops", AggregationPolicy.SUM));
        }
        logStream.flush();
        if (elapsed <= 0) {
            return results; // no operation ran in this iteration
        }
        measuredNanos += elapsed;
        iterationThroughputs.add(operations / (elapsed / 1e9));
        if (firstError == null) {
            firstError = iterationFirstError.get();
        }
        List<FailureWindow> failures = new ArrayList<>();
        executors.forEach(executor -> failures.addAll(executor.failures()));
        long unavailableNanos = 0;
        for (FailureWindow window : FailureWindow.union(failures)) {
            long startMillis = iterationStartMillis + (window.startNanos() - iterationStartNanos) / 1_000_000;
            unavailable.add(new Unavailability(startMillis, window.endNanos() - window.startNanos(), window.closed()));
            unavailableNanos += window.endNanos() - window.startNanos();
        }
        if (unavailableNanos > 0) {
            results.add(new ScalarResult("unavailable-ms", unavailableNanos / 1e6, "ms", AggregationPolicy.SUM));
        }
        long integrityCount = sum(integrity);
        results.add(new ScalarResult("integrity-failures", integrityCount, "ops", AggregationPolicy.SUM));
        long injectedCount = injected.sum();
        injectedTotal += injectedCount;
        if (settings.tail() != null) {
            results.add(new ScalarResult("injected", injectedCount, "ops", AggregationPolicy.SUM));
        }
        measuredStats = measuredStats == null ? delta : measuredStats.plus(delta);
        measuredStatsNanos += elapsed;
        EngineMetrics metrics = metrics(delta, elapsed);
        if (metrics.cacheHitRatio() != null) {
            results.add(new ScalarResult("cache-hit-ratio", metrics.cacheHitRatio(), "ratio", AggregationPolicy.AVG));
        }
        if (metrics.logBytesPerSecond() != null) {
            results.add(new ScalarResult("log-bytes-per-s", metrics.logBytesPerSecond(), "B/s", AggregationPolicy.AVG));
        }
        if (metrics.writeAmplification() != null) {
            results.add(new ScalarResult("write-amplification", metrics.writeAmplification(), "x",
                    AggregationPolicy.AVG));
        }
        if (metrics.logSyncP99Nanos() != null) {
            results.add(new ScalarResult("log-sync-p99", metrics.logSyncP99Nanos(), "ns", AggregationPolicy.AVG));
        }
        if (metrics.commitP99Nanos() != null) {
            results.add(new ScalarResult("commit-p99", metrics.commitP99Nanos(), "ns", AggregationPolicy.AVG));
        }
        if (metrics.bytesOnDisk() != null) {
            results.add(new ScalarResult("bytes-on-disk", metrics.bytesOnDisk(), "B", AggregationPolicy.MAX));
        }
        if (settings.openLoop()) {
            long late = late();
            lateTotal += late;
            maxLagTotal = Math.max(maxLagTotal, maxLag());
            results.add(new ScalarResult("late-operations", late, "ops", AggregationPolicy.SUM));
        }
        return results;
    }

    private static ScalarResult nanos(String label, long value) {
        return new ScalarResult(label, value, "ns", AggregationPolicy.AVG);
    }

    private static EngineMetrics metrics(EngineStats stats, long nanos) {
        Map<String, String> sources = new LinkedHashMap<>();
        Double hitRatio = stats.cacheHitRatio().isPresent() ? stats.cacheHitRatio().getAsDouble() : null;
        if (hitRatio != null) {
            sources.put("cacheHitRatio", source(stats, Metric.CACHE_HITS) + " / (hits + misses)");
        }
        Double logRate = stats.get(Metric.LOG_BYTES_WRITTEN).map(r -> r.value() / (nanos / 1e9)).orElse(null);
        if (logRate != null) {
            sources.put("logBytesPerSecond", source(stats, Metric.LOG_BYTES_WRITTEN));
        }
        Double amplification = stats.writeAmplification().isPresent() ? stats.writeAmplification().getAsDouble() : null;
        if (amplification != null) {
            sources.put("writeAmplification", source(stats, Metric.ENGINE_BYTES_WRITTEN) + " / user bytes");
        }
        Long disk = stats.get(Metric.BYTES_ON_DISK).map(Reading::value).orElse(null);
        if (disk != null) {
            sources.put("bytesOnDisk", source(stats, Metric.BYTES_ON_DISK));
        }
        Double sync = gauge(stats, Metric.LOG_SYNC_P99_NANOS, "logSyncP99Nanos", sources);
        Double commit = gauge(stats, Metric.COMMIT_P99_NANOS, "commitP99Nanos", sources);
        return new EngineMetrics(hitRatio, logRate, amplification, disk, sync, commit, sources);
    }

    private static Double gauge(EngineStats stats, Metric metric, String field, Map<String, String> sources) {
        Double value = stats.get(metric).map(r -> (double) r.value()).orElse(null);
        if (value != null) {
            sources.put(field, source(stats, metric));
        }
        return value;
    }

    private static String source(EngineStats stats, Metric metric) {
        return stats.get(metric).map(r -> (r.proxy() ? "proxy: " : "") + r.source()).orElse("n/a");
    }

    private long late() {
        long late = 0;
        for (OperationExecutor executor : executors) {
            late += executor.pacer().late();
        }
        return late;
    }

    private long maxLag() {
        long lag = 0;
        for (OperationExecutor executor : executors) {
            lag = Math.max(lag, executor.pacer().maxLagNanos());
        }
        return lag;
    }

    private static long sum(LongAdder[] adders) {
        long total = 0;
        for (LongAdder adder : adders) {
            total += adder.sum();
        }
        return total;
    }

    private static LongAdder[] counters() {
        LongAdder[] counters = new LongAdder[OPERATIONS.length];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
        return counters;
    }

    /** Asks {@link LatencyProfiler} to {@link #finish()} once it has recorded the iteration that is ending. */
    void finishAfterLastIteration() {
        finishPending = true;
    }

    boolean finishPending() {
        return finishPending;
    }

    /** Writes {@code forks/<fork-id>.json}, closes the store and removes its data; called from the trial tear-down. */
    public void finish() {
        CURRENT.compareAndSet(this, null);
        try {
            if (measuredNanos > 0) {
                JsonFiles.write(runDirectory.resolve("forks").resolve(forkId + ".json"), result());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of fork " + forkId, e);
        } finally {
            log.close();
            closeStore();
        }
    }

    private ForkResult result() {
        List<OperationResult> operations = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < OPERATIONS.length; i++) {
            Histogram h = measured[i];
            if (h.getTotalCount() == 0 && errorTotals[i] == 0) {
                continue;
            }
            total += h.getTotalCount();
            LatencySummary latency = new LatencySummary(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50),
                    h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                    h.getMaxValue());
            operations.add(new OperationResult(OPERATIONS[i].label(), latency, h.getTotalCount() / (measuredNanos / 1e9),
                    errorTotals[i], notFoundTotals[i], integrityTotals[i]));
        }
        EngineMetrics metrics = measuredStats == null ? new EngineMetrics(null, null, null, null, null, null, Map.of())
                : metrics(measuredStats, measuredStatsNanos);
        return new ForkResult(engine, forkId, workloadRun.threads(),
                settings.engineConfig(engine, dataDirectory, EngineRegistry.discover()).durability().label(),
                workloadRun.fingerprint(), !settings.openLoop(), settings.rate(), load, total / (measuredNanos / 1e9),
                List.copyOf(iterationThroughputs), operations, metrics, lateTotal, maxLagTotal, injectedTotal,
                firstError, unavailable, storeVersions);
    }

    private void closeStore() {
        try {
            store.close();
        } finally {
            DataDirectory.delete(dataDirectory);
        }
    }
}
