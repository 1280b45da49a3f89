package io.storebench.bench.run;

import io.storebench.bench.doctor.MountPoint;
import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ServerDeath;
import io.storebench.stats.model.BoundaryCost;
import io.storebench.stats.model.LoadResult;
import io.storebench.stats.model.ServerDeathRecord;
import io.storebench.workloads.Operation;
import io.storebench.workloads.WorkloadRun;
import io.storebench.workloads.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

/**
 * The coordinator of one fork (one JMH JVM) of a run: it opens the store, has it loaded
 * ({@link StoreLoader}), hands each benchmark thread an {@link OperationExecutor}, and between
 * iterations merges the threads' histograms, writes them to the {@link IntervalLog}, reports them
 * as JMH results ({@link IterationResults}) and adds them to the {@link ForkTotals}, from which
 * the fork's {@code forks/<fork-id>.json} is assembled when it ends. Errors and other counts are
 * kept by {@link OperationCounters}; engine metrics derived by {@link DerivedMetrics} from the
 * engine's stats and the JVM's ({@link JvmGcMeter}), taken together at each iteration's ends. For an
 * engine behind a language boundary, the fork measures the boundary's cost when it finishes
 * ({@link BoundaryProbe}). After every iteration it asks the store whether a server it started died
 * ({@link KeyValueStore#serverDeaths()}), says each death in one line and records it.
 *
 * <p>{@link LatencyProfiler} calls {@link #beginIteration} and {@link #endIteration} around each
 * JMH iteration; warm-up iterations are recorded and then discarded. The threads' histograms are
 * plain ones (no atomic operation per record): they are read and reset only between iterations,
 * when JMH has stopped every benchmark thread, and JMH's iteration hand-over orders those reads
 * after the threads' writes.
 */
public final class ForkMeasurement {
    static final int SIGNIFICANT_DIGITS = 3;
    private static final AtomicReference<ForkMeasurement> CURRENT = new AtomicReference<>();
    private static final Operation[] OPERATIONS = Operation.values();

    private final String engine;
    private final String forkId;
    private final RunSettings settings;
    private final Path runDirectory;
    private final Path dataDirectory;
    private final EngineRegistry registry;
    private KeyValueStore store;
    private final Map<String, String> versions;
    private final WorkloadRun workloadRun;
    /** The workload's fingerprint ({@link WorkloadRun#fingerprint()}, a dry run of its first operations), once. */
    private final String workloadFingerprint;
    private final boolean verify;
    private final OperationCounters counters;
    private final ForkTotals totals = new ForkTotals();
    private final List<OperationExecutor> executors = new CopyOnWriteArrayList<>();
    private final IntervalLog log;
    private final LoadResult load;
    private final JvmGcMeter jvmGc;
    /** The data directory's device, {@code major:minor}, for its I/O counters; null when it has none. */
    private final String dataDevice;
    private volatile long epoch;
    private volatile boolean finishPending;
    private long iterationStartMillis;
    private long iterationStartNanos;
    private SpanStats statsBefore;
    private final long openedMillis;
    private int warmupIterations;
    private int measurementIterations;
    /** Whether the last iteration that ended was a measurement one: a window of failure open then goes on. */
    private boolean lastMeasured;
    private int deathsSeen;

    ForkMeasurement(String engine, RunSettings settings, Path runDirectory, int threads) throws IOException {
        this.engine = engine;
        this.settings = settings;
        this.runDirectory = runDirectory;
        this.forkId = engine + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime() & 0xFFFFFF);
        this.dataDirectory = runDirectory.resolve("data").resolve(forkId);
        this.dataDevice = MountPoint.blockDevice(runDirectory).orElse(null);
        this.registry = EngineRegistry.discover();
        EngineConfig config = settings.engineConfig(engine, dataDirectory, registry).withThreads(threads);
        WorkloadSpec spec = settings.workload();
        this.workloadRun = new WorkloadRun(spec, threads);
        this.workloadFingerprint = workloadRun.fingerprint();
        EngineProvider provider = registry.provider(engine);
        LoadImage image = provider.capabilities().contains(Capability.PERSISTENT)
                ? LoadImage.of(runDirectory, settings.dataCache(), new LoadImage.Manifest(engine, String.format(
                        Locale.ROOT, "%s, %d records, %d loading threads", workloadFingerprint, spec.recordCount(),
                        threads), config.durability().label(), config.options(),
                        provider.versions(), null, null, null)) : null;
        Optional<LoadImage.Manifest> loaded = image == null ? Optional.empty() : image.usable();
        double copySeconds = 0;
        if (loaded.isPresent()) {
            copySeconds = image.copyInto(dataDirectory);
        }
        this.store = registry.open(engine, config);
        this.openedMillis = System.currentTimeMillis();
        this.counters = new OperationCounters(engine, ThreadRetries.retrying(store));
        JvmGcMeter meter = null;
        try {
            this.versions = versions(registry.provider(engine), store);
            if (spec.keys().size() > store.maxKeySize()) {
                throw new ConfigurationException(engine + ": keys of " + spec.keys().size()
                        + " bytes are too long; allowed: 1.." + store.maxKeySize() + " bytes (--key-size)");
            }
            this.verify = registry.provider(engine).capabilities().contains(Capability.RETAINS_DATA);
            if (loaded.isPresent()) {
                this.load = loaded.get().load().copiedFrom(loaded.get().loadedBy(), copySeconds);
                System.out.println(image.copied(loaded.get(), copySeconds, DataDirectory.sizeOf(dataDirectory)));
            } else {
                this.load = StoreLoader.load(store, engine, spec, threads);
                if (image != null) { // the engine's next forks start from a copy of this one's closed files
                    store.close();
                    image.save(dataDirectory, forkId, load);
                    store = registry.open(engine, config);
                }
            }
            meter = new JvmGcMeter();
            this.jvmGc = meter;
            this.log = new IntervalLog(runDirectory, forkId, "StoreBench fork " + forkId + ": engine " + engine
                    + ", workload " + spec.name() + ", " + threads + " threads, latency in ns, one interval per"
                    + " operation type per iteration");
            // JMH runs the trial set-up inside the first iteration, after the profiler's
            // beforeIteration: start that iteration here, once the data is loaded.
            beginIteration();
        } catch (IOException | RuntimeException e) {
            if (meter != null) {
                meter.close();
            }
            String closeError = closeStore(); // said in one line: the fork fails with what went wrong first
            if (closeError != null) {
                e.addSuppressed(new IllegalStateException(closeError));
            }
            throw e;
        }
    }

    /**
     * What this fork ran: the engine's libraries ({@link EngineProvider#versions()}) and what the
     * open store learned ({@link KeyValueStore#versions()}, a server's version). A lookup that fails
     * is recorded as such; it never fails the fork.
     */
    static Map<String, String> versions(EngineProvider provider, KeyValueStore store) {
        Map<String, String> versions = new TreeMap<>();
        try {
            versions.putAll(provider.versions());
            versions.putAll(store.versions());
        } catch (RuntimeException | LinkageError e) {
            versions.put(provider.name(), "unknown (" + e + ")");
        }
        return versions;
    }

    /**
     * Opens and loads the store of this fork; called from the benchmark's trial set-up.
     *
     * @param settingsFile the run folder's {@code settings.json}, or empty for the defaults
     */
    public static ForkMeasurement start(String engine, String settingsFile, int threads) {
        try {
            Path runDirectory;
            RunSettings settings;
            if (settingsFile == null || settingsFile.isEmpty()) {
                runDirectory = Files.createTempDirectory("storebench-jmh-");
                settings = RunCommand.settings(List.of("--engines", engine, "--records", "100000"),
                        EngineRegistry.discover());
                System.out.println("storebench: no run configuration; defaults, results in " + runDirectory);
            } else {
                Path file = Path.of(settingsFile);
                runDirectory = file.toAbsolutePath().getParent();
                settings = SettingsFile.read(file);
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

    /** A thread's executor; called once per benchmark thread. */
    public OperationExecutor executor(int threadIndex) {
        Pacer pacer = settings.openLoop() ? new Pacer(settings.rate(), workloadRun.threads(), threadIndex) : null;
        OperationExecutor executor = new OperationExecutor(store, workloadRun.stream(threadIndex), this, counters,
                pacer, settings.tail(), settings.workload().seed() * 31 + threadIndex, verify,
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

    /** Discards what happened before this iteration and starts its clock. */
    public void beginIteration() {
        for (OperationExecutor executor : executors) {
            executor.resetIteration(lastMeasured);
        }
        counters.reset();
        statsBefore = SpanStats.take(store, jvmGc, dataDevice);
        epoch++; // open-loop schedules re-anchor at their next operation
        iterationStartMillis = System.currentTimeMillis();
        iterationStartNanos = System.nanoTime();
    }

    /** Ends an iteration; for a measurement iteration, logs it and returns its secondary results. */
    public List<Result> endIteration(IterationType type) {
        SpanStats delta = SpanStats.take(store, jvmGc, dataDevice).since(statsBefore); // before this fork writes anything itself
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
        boolean measurement = type == IterationType.MEASUREMENT;
        lastMeasured = measurement;
        String phase = measurement ? "measurement iteration " + ++measurementIterations
                : "warm-up iteration " + ++warmupIterations;
        checkServers(phase);
        if (!measurement) {
            return List.of();
        }
        IterationResults results = new IterationResults();
        long operations = 0;
        long failed = 0;
        for (int i = 0; i < OPERATIONS.length; i++) {
            Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
            for (OperationExecutor executor : executors) {
                histogram.add(executor.histograms()[i]);
            }
            if (histogram.getTotalCount() == 0) {
                continue;
            }
            operations += histogram.getTotalCount();
            failed += counters.errors(i);
            String label = OPERATIONS[i].label();
            log.write(histogram, label, iterationStartMillis, endMillis);
            totals.addLatency(i, histogram);
            results.operation(label, histogram, counters.errors(i), counters.retries(i));
        }
        log.flush();
        counters.endIteration(elapsed > 0);
        if (elapsed <= 0) {
            return results.list(); // no operation ran in this iteration
        }
        long succeeded = Math.max(0, operations - failed); // a failed call is timed, not counted as throughput
        totals.addIteration(succeeded, elapsed, delta);
        addOutsideEngine(results);
        results.succeeded(succeeded / (elapsed / 1e9));
        results.unavailable(unavailable()).integrityFailures(counters.integrityFailures());
        if (settings.tail() != null) {
            results.injected(counters.injectedCount());
        }
        results.metrics(DerivedMetrics.of(delta, elapsed, succeeded, load.userBytes()));
        if (settings.openLoop()) {
            long late = 0;
            long maxLag = 0;
            for (OperationExecutor executor : executors) {
                late += executor.pacer().late();
                maxLag = Math.max(maxLag, executor.pacer().maxLagNanos());
            }
            totals.addLag(late, maxLag);
            results.lateOperations(late);
        }
        return results.list();
    }

    /** For a store that times itself, adds the threads' time outside the engine to the totals and the results. */
    private void addOutsideEngine(IterationResults results) {
        long nanos = 0;
        long operations = 0;
        for (OperationExecutor executor : executors) {
            SelfTiming timing = executor.selfTiming();
            if (timing != null) {
                nanos += timing.outsideNanos();
                operations += timing.operations();
            }
        }
        if (operations > 0) {
            totals.addOutsideEngine(nanos, operations);
            results.outsideEngine(nanos, operations);
        }
    }

    /**
     * Adds the iteration's merged windows of failure to the fork's and returns how long they lasted in
     * this iteration (a window carried over from the previous one counts from this one's start).
     */
    private long unavailable() {
        List<FailureWindow> failures = new ArrayList<>();
        executors.forEach(executor -> failures.addAll(executor.failures()));
        long nanos = 0;
        for (FailureWindow window : FailureWindow.union(failures)) {
            nanos += Math.max(0, window.endNanos() - Math.max(window.startNanos(), iterationStartNanos));
        }
        totals.addFailures(failures);
        return nanos;
    }

    /**
     * Says and records each server of the store that died since the last check; a store that cannot
     * tell is taken as having none die.
     *
     * @param phase the iteration that just ended, e.g. {@code measurement iteration 3}
     */
    private void checkServers(String phase) {
        List<ServerDeath> deaths;
        try {
            deaths = store.serverDeaths();
        } catch (RuntimeException e) {
            return;
        }
        for (int i = deathsSeen; i < deaths.size(); i++) {
            ServerDeathRecord death = record(deaths.get(i), phase, openedMillis);
            totals.addServerDeath(death);
            System.err.println("storebench: " + engine + ": " + death.why() + "; the fork goes on (its operations"
                    + " fail and count as errors, not as throughput) and the run will end incomplete");
        }
        deathsSeen = Math.max(deathsSeen, deaths.size());
    }

    /** A server's death as the fork records it, with its one-line {@code why}. */
    static ServerDeathRecord record(ServerDeath death, String phase, long openedMillis) {
        String log = death.logLastLine() == null ? ""
                : "; its log ends: " + (death.logLastLine().length() > 200 ? death.logLastLine().substring(0, 197) + "..."
                        : death.logLastLine());
        String why = String.format(Locale.ROOT, "%s (pid %d) died %.1f s after the store opened, in %s: %s%s",
                death.server(), death.pid(), (death.epochMillis() - openedMillis) / 1000.0, phase, death.how(), log);
        return new ServerDeathRecord(death.server(), death.pid(), death.exitCode(), death.signal(), death.epochMillis(),
                phase, death.logLastLine(), why);
    }

    /** Asks {@link LatencyProfiler} to {@link #finish()} once it has recorded the iteration that is ending. */
    void finishAfterLastIteration() {
        finishPending = true;
    }

    boolean finishPending() {
        return finishPending;
    }

    /**
     * Closes the store and removes its data, then, for a fork that measured, measures the engine's
     * boundary when it has one ({@link BoundaryProbe}: after the store is closed, so that nothing of
     * the engine runs beside it) and writes {@code forks/<fork-id>.json}; called from the trial
     * tear-down. A store that fails to close (RocksDB after a full disk: {@code close failed: Seen
     * error}) is said in one line and recorded in the result as its {@code closeError}: the
     * measurement had ended, and stands.
     */
    public void finish() {
        CURRENT.compareAndSet(this, null);
        String closeError = null;
        try {
            try {
                jvmGc.close();
                log.close();
            } finally {
                closeError = closeStore();
            }
        } finally {
            writeResult(closeError);
        }
    }

    private void writeResult(String closeError) {
        if (!totals.measured()) {
            return;
        }
        try {
            JsonFiles.write(runDirectory.resolve("forks").resolve(forkId + ".json"), totals.result(
                    new ForkTotals.ForkIdentity(engine, forkId, workloadRun.threads(),
                            settings.engineConfig(engine, dataDirectory, registry).durability().label(),
                            workloadFingerprint, settings.rate(), versions),
                    counters, load, boundary(), closeError));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of fork " + forkId, e);
        }
    }

    /**
     * What the engine's boundary cost in this fork, printed on the fork's console; null for an engine
     * without one. A probe that fails is reported on the console and leaves the cost out: it never
     * costs the fork its measurement.
     */
    private BoundaryCost boundary() {
        EngineProvider provider = registry.provider(engine);
        if (provider.boundaryBaseline().isEmpty()) {
            return null;
        }
        try {
            BoundaryCost cost = BoundaryProbe.measure(registry, provider,
                    dataDirectory.resolveSibling(forkId + "-boundary"), totals.outsideEngineNanosPerOperation());
            System.out.println("storebench: " + engine + ": " + BoundaryProbe.line(cost));
            return cost;
        } catch (RuntimeException e) {
            System.err.println("storebench: " + engine + ": the boundary probe failed; the fork's result has no"
                    + " boundary cost: " + e);
            return null;
        }
    }

    /**
     * Closes the store and removes its data; returns why closing failed, in one line (also printed
     * on the fork's console), or null.
     */
    private String closeStore() {
        try {
            store.close();
            return null;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
            String line = message.startsWith(engine + ": ") ? message : engine + ": close failed: " + message;
            System.err.println("storebench: " + line);
            return line;
        } finally {
            DataDirectory.delete(dataDirectory);
        }
    }
}
