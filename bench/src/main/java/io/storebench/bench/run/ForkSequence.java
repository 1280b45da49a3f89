package io.storebench.bench.run;

import io.storebench.stats.model.ForkFailure;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * A run's forks, engine after engine, each fork one JMH run of {@link WorkloadBenchmark} with one
 * fork, so that a failed fork costs that fork only: JMH, given all forks at once, ends the run at
 * the first failure (fail-on-error) or drops every result of the engine and its remaining forks
 * (without it). A fork that fails (killed, out of memory, an exception, a full disk) is recorded
 * with why ({@link ForkFailures}); what it left in the run folder (a partial log, its data, its
 * temporary files) is removed; the run goes on with the next fork.
 *
 * <p>{@link #stop} (Ctrl-C) starts no other fork; the one running is stopped by the caller, and
 * is neither a result nor a failure.
 */
final class ForkSequence {
    private final RunSettings settings;
    private final RunFolder folder;
    private final ForkConsole console;
    private final PrintStream err;
    private final Map<String, List<BenchmarkResult>> results = new LinkedHashMap<>();
    private final Map<String, List<ForkFailure>> failures = new LinkedHashMap<>();
    private volatile boolean stopping;

    ForkSequence(RunSettings settings, RunFolder folder, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.folder = folder;
        this.console = new ForkConsole(out);
        this.err = err;
    }

    /** Runs every fork of every engine, or until {@link #stop}. */
    void run() {
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        System.setOut(console.tee(systemOut)); // JMH writes the forks' own output there: keep their last lines
        System.setErr(console.tee(systemErr));
        try {
            runAll();
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
    }

    private void runAll() {
        int total = settings.engines().size() * settings.forks();
        int done = 0;
        long start = System.nanoTime();
        for (String engine : settings.engines()) {
            for (int fork = 1; fork <= settings.forks(); fork++) {
                if (stopping) {
                    return;
                }
                console.beginFork(fork == 1, "# Fork: " + fork + " of " + settings.forks(),
                        progress(done, total, System.nanoTime() - start));
                runFork(engine, fork);
                done++;
            }
            List<BenchmarkResult> mine = results(engine);
            if (!mine.isEmpty()) {
                console.endEngine(new RunResult(mine.get(0).getParams(), mine).getAggregatedResult());
            }
        }
        console.endAll(runResults());
    }

    private void runFork(String engine, int fork) {
        RunFolder.ForkFiles before = folder.forkFiles();
        try {
            folder.prepareTemporaryDirectory();
            Collection<RunResult> run = new Runner(JmhOptions.fork(settings, folder, engine).build(), console).run();
            synchronized (this) {
                List<BenchmarkResult> mine = results.computeIfAbsent(engine, e -> new ArrayList<>());
                run.forEach(r -> mine.addAll(r.getBenchmarkResults()));
            }
        } catch (RunnerException | RuntimeException e) { // JMH's, or anything else that cost this fork
            folder.removeSince(before); // a partial log, its data: every file is complete or absent
            if (stopping) {
                return; // interrupted: neither a result nor a failure
            }
            ForkFailure failure = ForkFailures.of(fork, e, console.exitCode(), console.lastLines());
            synchronized (this) {
                failures.computeIfAbsent(engine, x -> new ArrayList<>()).add(failure);
            }
            err.println("storebench: " + engine + ": fork " + fork + " of " + settings.forks() + " failed: "
                    + failure.why() + "; the run goes on");
        } finally {
            folder.removeTemporaryDirectory(); // what the fork extracted (native libraries), even when killed
        }
    }

    /** JMH's progress line, over the whole run. */
    private String progress(int done, int total, long elapsedNanos) {
        long forkMillis = settings.operations() > 0 ? 1000L * (settings.warmupIterations() + settings.iterations())
                : settings.warmupIterations() * settings.warmupMillis() + settings.iterations() * settings.iterationMillis();
        long eta = done == 0 ? TimeUnit.MILLISECONDS.toNanos(forkMillis) * total
                : elapsedNanos / done * (total - done);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(eta);
        return String.format(Locale.ROOT, "# Run progress: %.2f%% complete, ETA %02d:%02d:%02d", 100.0 * done / total,
                seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** Starts no other fork. */
    void stop() {
        stopping = true;
    }

    synchronized List<BenchmarkResult> results(String engine) {
        return List.copyOf(results.getOrDefault(engine, List.of()));
    }

    /** The forks that failed, by engine. */
    synchronized Map<String, List<ForkFailure>> failures() {
        Map<String, List<ForkFailure>> copy = new LinkedHashMap<>();
        failures.forEach((engine, list) -> copy.put(engine, List.copyOf(list)));
        return copy;
    }

    /** What JMH would have returned had it run every fork: one result per engine over its finished forks. */
    synchronized List<RunResult> runResults() {
        List<RunResult> all = new ArrayList<>();
        results.forEach((engine, list) -> {
            if (!list.isEmpty()) {
                all.add(new RunResult(list.get(0).getParams(), list));
            }
        });
        return all;
    }
}
