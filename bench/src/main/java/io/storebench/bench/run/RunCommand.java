package io.storebench.bench.run;

import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.bench.analysis.ComparisonTable;
import io.storebench.bench.analysis.RunReport;
import io.storebench.stats.model.RunRecord;
import io.storebench.workloads.Preset;
import io.storebench.workloads.distribution.DistributionKind;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code run}: benchmarks engines under a workload with JMH, one folder per run, and ends with the
 * comparison table. With no arguments at all, {@code benchmarks.jar} runs this with its defaults.
 */
public final class RunCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERRUPTED = 130;

    /** Room the run needs on the results disk, as a multiple of the user data: engine overheads and LSM garbage. */
    static final int DISK_HEADROOM = 4;

    static final String USAGE = """
            Usage: java -jar bench/target/benchmarks.jar run [options]

            Benchmarks engines under a workload: each fork (a fresh JVM) loads the records into a
            fresh directory (timed: the load result), runs the workload, and records latency per
            operation in HdrHistograms. Results go to a run folder; the run ends with a table of
            throughput and p50/p99/p99.9 per operation with 95 %% confidence intervals across forks.

            Engines and data
              --engines a,b          %s [rocksdb,lmdb,sqlite]
              --durability P         strict | buffered (baselines always run with none) [buffered]
              --cache-mb N           cache budget per engine in MiB, 1..1048576 [64]
              --engine-options L     ENGINE.OPTION=VALUE,... e.g. rocksdb.compression=lz4 (see list)
              --ENGINE-OPTION V      one engine option, its value taken whole, e.g.
                                     --etcd-endpoints h1:2379,h2:2379  --etcd-members 3
                                     --etcd-connections 4  --etcd-binary PATH  --etcd-cacert FILE
                                     --etcd-cert FILE --etcd-key FILE  --etcd-user NAME (password
                                     from $STOREBENCH_ETCD_PASSWORD or --etcd-password-file FILE)
            Workload
              --workload NAME|FILE   %s, or a YCSB workload file [ycsb-a]
              --records N            records loaded before the run [the workload's: 100000]
              --distribution NAME    %s
              --theta T              Zipf exponent, any T > 0 [0.99]
              --hot-set F --hot-ops F  hotspot fractions [0.2, 0.8]
              --read P --update P --insert P --scan P --rmw P --delete P
                                     operation proportions; when any is given they must sum to 1
              --key-size N           key bytes, 1..1024 [the workload's: 23 for YCSB keys]
              --value-size N         value bytes, 16..16777216 [the workload's: 1000]
              --seed S               master seed [the workload's]
            Load and timing
              --threads N            benchmark threads per fork, 1..1024 [2]
              --rate N               open loop: N operations per second over all threads; latency is
                                     measured from each operation's intended start [closed loop]
              --inject-tail P:DELAY  delay a fraction P of operations by DELAY, e.g. 0.005:200ms
              --profile NAME         smoke | quick | ci | thorough [quick]
              --forks N  --warmup-iterations N  --warmup-time D  --iterations N  --iteration-time D
                                     override the profile (durations: 500ms, 1s, 2m)
              --time D               measurement time per fork, split over the iterations
              --operations N         measurement operations per fork instead of a time
            Output
              --out DIR              the run folder [results/<date-time>-<workload>]
              --jfr                  add JMH's flight-recorder profiler
              --prof NAME[,NAME]     add JMH profilers (see java -jar benchmarks.jar -lprof)
              --help                 this text

            Exit codes: 0 done, 1 a fork failed or forks are missing (the run folder says which),
            2 bad input (nothing is run), 130 interrupted (finished forks are kept).
            """.formatted(String.join(", ", EngineRegistry.discover().names()), Preset.names(),
            DistributionKind.allowedNames());

    private RunCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> command = new java.util.ArrayList<>(List.of("run"));
        command.addAll(args);
        if (args.contains("--help")) {
            out.print(USAGE);
            return EXIT_OK;
        }
        EngineRegistry registry = EngineRegistry.discover();
        RunSettings settings;
        RunFolder folder = null;
        try {
            settings = RunSettings.fromArguments(args, registry);
            folder = RunFolder.create(settings);
            checkDiskSpace(settings, folder);
            checkRemoteEngines(settings, folder, registry);
            folder.writeStart(command, settings);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            if (folder != null) {
                folder.discardIfEmpty();
            }
            String message = e.getMessage();
            err.println(message.startsWith("run:") ? "storebench " + message : "storebench run: " + message);
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("storebench run: cannot write the run folder: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        out.printf(Locale.ROOT, "storebench: %s on %s, %,d records, %d threads, %s; profile %s (%d forks, %d x %d ms"
                + " warm-up, %d x %s measurement)%nstorebench: run folder %s%n", String.join(", ", settings.engines()),
                settings.workload().name(), settings.workload().recordCount(), settings.threads(),
                settings.openLoop() ? "open loop at " + settings.rate() + " ops/s" : "closed loop",
                settings.profile().label(), settings.forks(), settings.warmupIterations(), settings.warmupMillis(),
                settings.iterations(), settings.operations() > 0 ? settings.operations() / settings.iterations()
                        + " operations" : settings.iterationMillis() + " ms", folder.directory());

        AtomicBoolean finished = new AtomicBoolean();
        CountDownLatch recorded = new CountDownLatch(1);
        RunSettings running = settings;
        RunFolder runFolder = folder;
        Thread onInterrupt = new Thread(() -> {
            if (finished.compareAndSet(false, true)) {
                stopForks(); // a fork left running would write into the folder after run.json
                RunRecord record = finish(runFolder, command, running, registry, err);
                err.println("storebench: interrupted; " + (record == null ? "nothing recorded"
                        : "what finished is in " + runFolder.directory().resolve("run.json")));
            } else {
                awaitQuietly(recorded); // the main thread is writing the results: let it finish
            }
        }, "storebench-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean failed = false;
        try {
            new Runner(jmhOptions(settings, folder).build()).run();
        } catch (RunnerException e) {
            failed = true;
            err.println("storebench: a benchmark failed: " + e.getMessage());
        } finally {
            if (!finished.compareAndSet(false, true)) {
                return EXIT_INTERRUPTED; // the shutdown hook is finishing the run
            }
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has the run
            }
        }
        RunRecord record;
        try {
            record = finish(folder, command, settings, registry, err);
        } finally {
            recorded.countDown();
        }
        if (record == null) {
            return EXIT_FAILED;
        }
        out.println();
        out.print(ComparisonTable.text(record));
        out.println();
        out.println("storebench: run folder " + folder.directory() + " (run.json, report.md, report.html, hdr/, jmh.json)");
        return failed || !record.complete() ? EXIT_FAILED : EXIT_OK;
    }

    /** Stops the JMH forks of this JVM and waits for them, so that nothing writes into the run folder afterwards. */
    private static void stopForks() {
        List<ProcessHandle> forks = ProcessHandle.current().descendants().toList();
        forks.forEach(ProcessHandle::destroy);
        for (ProcessHandle fork : forks) {
            try {
                fork.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                fork.destroyForcibly();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes run.json, report.md and report.html from whatever forks finished, and removes leftover data. */
    private static RunRecord finish(RunFolder folder, List<String> args, RunSettings settings, EngineRegistry registry,
            PrintStream err) {
        try {
            folder.removeLeftoverData();
            RunRecord record = folder.writeRecord(args, settings, registry, RunFolder.effectiveSettings(settings));
            RunReport.write(folder.directory(), record, RunReport.DEFAULT_RANKING);
            return record;
        } catch (IOException | RuntimeException e) {
            err.println("storebench: cannot write the run's results: " + e.getMessage());
            return null;
        }
    }

    static ChainedOptionsBuilder jmhOptions(RunSettings settings, RunFolder folder) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(WorkloadBenchmark.class.getName() + ".operation$")
                .param("engine", settings.engines().toArray(String[]::new))
                .param("config", folder.optionsFile().toAbsolutePath().toString())
                .forks(settings.forks())
                .threads(settings.threads())
                .warmupIterations(settings.warmupIterations())
                .measurementIterations(settings.iterations())
                .addProfiler(LatencyProfiler.class)
                .shouldFailOnError(true)
                .jvmArgsAppend("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
                        "java.base/sun.nio.ch=ALL-UNNAMED")
                .resultFormat(ResultFormatType.JSON)
                .result(folder.directory().resolve("jmh.json").toString());
        if (settings.operations() > 0) {
            options.mode(Mode.SingleShotTime).measurementBatchSize(settings.batchSize())
                    .warmupBatchSize(settings.batchSize());
        } else {
            options.warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                    .measurementTime(TimeValue.milliseconds(settings.iterationMillis()));
        }
        if (settings.jfr()) {
            options.addProfiler("jfr", "dir=" + folder.directory().resolve("jfr").toAbsolutePath());
        }
        settings.profilers().forEach(options::addProfiler);
        return options;
    }

    /**
     * Opens and closes each remote engine once before any fork starts, so that an unreachable
     * cluster (or a managed server that cannot start) is one line and exit 2 within the engine's
     * connect timeout, not a failed fork per engine.
     */
    static void checkRemoteEngines(RunSettings settings, RunFolder folder, EngineRegistry registry) {
        for (String engine : settings.engines()) {
            if (!registry.provider(engine).capabilities().contains(Capability.REMOTE)) {
                continue;
            }
            java.nio.file.Path data = folder.directory().resolve("data").resolve("preflight-" + engine);
            try (KeyValueStore store = registry.open(engine, settings.engineConfig(engine, data, registry))) {
                store.stats(); // the first request: the cluster answers
            } catch (ConfigurationException e) {
                throw e;
            } catch (RuntimeException e) { // a StoreException, or whatever the client library throws
                throw new ConfigurationException(engine + " cannot be reached: " + e.getMessage());
            } finally {
                DataDirectory.delete(folder.directory().resolve("data"));
            }
        }
    }

    /** Refuses a run whose data cannot fit on the disk of the run folder, before anything is loaded. */
    static void checkDiskSpace(RunSettings settings, RunFolder folder) throws IOException {
        long userBytes = settings.userBytes();
        long needed = userBytes > (Long.MAX_VALUE - (64L << 20)) / DISK_HEADROOM ? Long.MAX_VALUE
                : userBytes * DISK_HEADROOM + (64L << 20);
        long free = Files.getFileStore(folder.directory()).getUsableSpace();
        if (free < needed) {
            throw new ConfigurationException(String.format(Locale.ROOT, "too little free disk for the data set: %,d MiB"
                    + " free at %s, about %,d MiB needed (%,d records x %d bytes x %d for engine overhead)",
                    free >> 20, folder.directory(), needed >> 20, settings.workload().recordCount(),
                    settings.workload().keys().size() + settings.workload().values().size().max(), DISK_HEADROOM));
        }
    }
}
