package io.storebench.bench.run;

import io.storebench.bench.analysis.ComparisonTable;
import io.storebench.bench.analysis.CostSection;
import io.storebench.bench.analysis.RunReport;
import io.storebench.engine.EngineRegistry;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkFailure;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A checked run from its first fork to its finished folder: runs the forks ({@link ForkSequence}:
 * one failing costs that fork only), and whether the run ends or is interrupted (a shutdown hook:
 * Ctrl-C, SIGTERM), stops the forks and writes {@code run.json}, {@code report.md},
 * {@code report.html} and {@code jmh.json} from what finished, exactly once.
 */
final class RunLifecycle {
    private final RunFolder folder;
    private final List<String> command;
    private final RunSettings settings;
    private final EngineRegistry registry;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CountDownLatch recorded = new CountDownLatch(1);
    private final CountDownLatch forksDone = new CountDownLatch(1);
    private ForkSequence forks;

    RunLifecycle(RunFolder folder, List<String> command, RunSettings settings, EngineRegistry registry) {
        this.folder = folder;
        this.command = command;
        this.settings = settings;
        this.registry = registry;
    }

    /** Runs the forks and finishes the folder; returns the exit code of {@code run}. */
    int run(PrintStream out, PrintStream err) {
        forks = new ForkSequence(settings, folder, out, err);
        Thread onInterrupt = new Thread(() -> {
            if (finished.compareAndSet(false, true)) {
                forks.stop(); // no fork starts after this
                stopForks(); // a fork left running would write into the folder after run.json
                RunRecord record = finish(err);
                err.println("storebench: interrupted; " + (record == null ? "nothing recorded"
                        : "what finished is in " + folder.directory().resolve("run.json")));
            } else {
                awaitQuietly(recorded, 60); // the main thread is writing the results: let it finish
            }
        }, "storebench-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            forks.run();
        } finally {
            forksDone.countDown();
            if (!finished.compareAndSet(false, true)) {
                return RunCommand.EXIT_INTERRUPTED; // the shutdown hook is finishing the run
            }
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has the run
            }
        }
        RunRecord record;
        try {
            record = finish(err);
        } finally {
            recorded.countDown();
        }
        if (record == null) {
            return RunCommand.EXIT_FAILED;
        }
        out.println();
        out.print(ComparisonTable.text(record));
        out.println();
        String cost = CostSection.text(record);
        if (!cost.isEmpty()) {
            out.print(cost);
            out.println();
        }
        for (EngineRun engine : record.engines()) {
            if (!engine.failedForks().isEmpty()) {
                err.println("storebench: " + engine.engine() + ": " + engine.failedForks().size() + " of "
                        + settings.forks() + " forks failed: " + engine.failedForks().stream()
                        .map(f -> "fork " + f.fork() + " " + f.why()).collect(Collectors.joining("; ")));
            }
        }
        out.println("storebench: run folder " + folder.directory() + " (" + String.join(", ", folder.written()) + ")");
        return record.complete() ? RunCommand.EXIT_OK : RunCommand.EXIT_FAILED;
    }

    /**
     * Writes run.json, report.md, report.html and jmh.json from whatever forks finished (and those
     * that failed), and removes leftover data and temporary files. Interrupted, it first waits
     * (30 s at most) for the fork loop to leave the fork it was running.
     */
    RunRecord finish(PrintStream err) {
        Map<String, List<ForkFailure>> failures = Map.of();
        if (forks != null) {
            stopForksUntil(forksDone);
            failures = forks.failures();
        }
        try {
            folder.removeLeftoverData();
            RunRecord record = folder.writeRecord(command, settings, registry, failures);
            RunReport.write(folder.directory(), record, RunReport.DEFAULT_RANKING);
            if (forks != null) {
                folder.writeJmhResults(forks.runResults());
            }
            return record;
        } catch (IOException | RuntimeException e) {
            err.println("storebench: cannot write the run's results: " + e.getMessage());
            return null;
        }
    }

    /** Stops forks until the fork loop has ended: one that started as the loop was told to stop is stopped too. */
    private static void stopForksUntil(CountDownLatch done) {
        for (int second = 0; second < 30 && !awaitQuietly(done, 1); second++) {
            stopForks();
        }
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

    private static boolean awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
