package io.storebench.bench.run;

import io.storebench.bench.analysis.ComparisonTable;
import io.storebench.bench.analysis.RunReport;
import io.storebench.engine.EngineRegistry;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * A checked run from its first fork to its finished folder: runs JMH, and whether the run ends or
 * is interrupted (a shutdown hook: Ctrl-C, SIGTERM), stops the forks, writes {@code run.json},
 * {@code report.md} and {@code report.html} from what finished, exactly once.
 */
final class RunLifecycle {
    private final RunFolder folder;
    private final List<String> command;
    private final RunSettings settings;
    private final EngineRegistry registry;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CountDownLatch recorded = new CountDownLatch(1);

    RunLifecycle(RunFolder folder, List<String> command, RunSettings settings, EngineRegistry registry) {
        this.folder = folder;
        this.command = command;
        this.settings = settings;
        this.registry = registry;
    }

    /** Runs the forks and finishes the folder; returns the exit code of {@code run}. */
    int run(PrintStream out, PrintStream err) {
        Thread onInterrupt = new Thread(() -> {
            if (finished.compareAndSet(false, true)) {
                stopForks(); // a fork left running would write into the folder after run.json
                RunRecord record = finish(err);
                err.println("storebench: interrupted; " + (record == null ? "nothing recorded"
                        : "what finished is in " + folder.directory().resolve("run.json")));
            } else {
                awaitQuietly(recorded); // the main thread is writing the results: let it finish
            }
        }, "storebench-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean failed = false;
        try {
            new Runner(JmhOptions.of(settings, folder).build()).run();
        } catch (RunnerException e) {
            failed = true;
            err.println("storebench: a benchmark failed: " + e.getMessage());
        } finally {
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
        out.println("storebench: run folder " + folder.directory() + " (run.json, report.md, report.html, hdr/, jmh.json)");
        return failed || !record.complete() ? RunCommand.EXIT_FAILED : RunCommand.EXIT_OK;
    }

    /** Writes run.json, report.md and report.html from whatever forks finished, and removes leftover data. */
    RunRecord finish(PrintStream err) {
        try {
            folder.removeLeftoverData();
            RunRecord record = folder.writeRecord(command, settings, registry);
            RunReport.write(folder.directory(), record, RunReport.DEFAULT_RANKING);
            return record;
        } catch (IOException | RuntimeException e) {
            err.println("storebench: cannot write the run's results: " + e.getMessage());
            return null;
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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
