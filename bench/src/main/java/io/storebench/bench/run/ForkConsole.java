package io.storebench.bench.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The console of a run whose forks are one JMH run each ({@link ForkSequence}): JMH's own text
 * output, as one JMH run over every fork would print it. The header is printed once per engine,
 * {@code # Fork: 1 of 1} and JMH's progress are the run's ({@code # Fork: 3 of 5}), and the
 * summaries that JMH prints at the end of each of its runs are printed once, per engine and at
 * the end. JMH's dump of a failed fork's last lines is left out (they were printed as the fork
 * printed them); instead this keeps the fork's last lines, without stack frames, and the exit
 * code JMH saw, for its {@link io.storebench.stats.model.ForkFailure}. What the fork prints
 * itself reaches the host's {@code System.out} and {@code System.err} ({@link #tee}).
 *
 * <p>JMH calls it from its runner's thread and its link server's threads, never at once.
 */
final class ForkConsole implements OutputFormat {
    static final int TAIL_LINES = 20;
    private static final Pattern EXIT_CODE = Pattern.compile("<forked VM failed with exit code (\\d+)>");
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at .*|\\.\\.\\. \\d+ more)");
    /** Lines of JMH's that a run of one JMH run per fork would repeat or get wrong: said once by {@link ForkSequence}. */
    private static final List<String> DROPPED = List.of("# Run complete. Total time:",
            "# WARNING: JMH lock is ignored by user request", // the run holds the lock itself: RunLock
            "Benchmark had encountered error, and fail on error was requested");

    private final OutputFormat text;
    private final Deque<String> tail = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String forkLine = "";
    private String progressLine = "";
    private boolean headerShown;
    private boolean failureDump;
    private Integer exitCode;

    ForkConsole(PrintStream out) {
        this.text = OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL);
    }

    /** A fork begins: its lines and JMH's progress line, e.g. {@code # Fork: 3 of 5}; the tail restarts. */
    synchronized void beginFork(boolean firstOfEngine, String fork, String progress) {
        if (firstOfEngine) {
            headerShown = false;
        }
        forkLine = fork;
        progressLine = progress;
        tail.clear();
        line.reset();
        failureDump = false;
        exitCode = null;
    }

    /** The exit code JMH printed for the fork's JVM when it failed, or null. */
    synchronized Integer exitCode() {
        return exitCode;
    }

    /** The fork's last lines, oldest first, stack frames left out. */
    synchronized List<String> lastLines() {
        if (line.size() > 0) {
            keep(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        return List.copyOf(tail);
    }

    /**
     * {@code target}, whose bytes are also kept in the fork's tail: JMH's host writes what the fork
     * prints on its {@code System.out} and {@code System.err} to its own, not to this console, so
     * the run puts these in their place while its forks run.
     */
    PrintStream tee(PrintStream target) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (ForkConsole.this) {
                    target.write(b, off, len);
                    feed(Arrays.copyOfRange(b, off, off + len));
                }
            }

            @Override
            public void flush() {
                target.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** JMH's summary of an engine's forks (all of them: JMH saw one at a time). */
    synchronized void endEngine(BenchmarkResult merged) {
        text.endBenchmark(merged);
    }

    /** JMH's summary table of the whole run. */
    synchronized void endAll(Collection<RunResult> results) {
        if (!results.isEmpty()) {
            text.endRun(results);
        }
        text.flush();
    }

    /** Something printed, raw or by line: to the console, and the fork's tail. */
    private void feed(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                keep(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }

    private void keep(String kept) {
        if (failureDump || STACK_FRAME.matcher(kept).matches()) {
            return;
        }
        tail.addLast(kept);
        while (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    @Override
    public synchronized void println(String printed) {
        String s = String.valueOf(printed);
        Matcher exit = EXIT_CODE.matcher(s);
        if (exit.matches()) {
            exitCode = Integer.valueOf(exit.group(1));
            failureDump = true;
            return;
        }
        if (failureDump) {
            failureDump = !s.equals("</stderr>");
            return;
        }
        if (s.startsWith("# Fork: ")) {
            text.println(forkLine);
            return;
        }
        if (s.startsWith("# Run progress: ")) {
            text.println(progressLine);
            return;
        }
        if (DROPPED.stream().anyMatch(s::startsWith)) {
            return;
        }
        text.println(s);
        feed((s + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void print(String s) {
        text.print(s);
        feed(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) {
        text.write(b);
        feed(new byte[] {(byte) b});
    }

    @Override
    public synchronized void write(byte[] b) throws java.io.IOException {
        text.write(b);
        feed(b);
    }

    @Override
    public synchronized void startBenchmark(BenchmarkParams params) {
        if (!headerShown) {
            text.startBenchmark(params);
            headerShown = true;
        }
    }

    @Override
    public synchronized void endBenchmark(BenchmarkResult result) {
        // one fork's: endEngine prints the engine's
    }

    @Override
    public void startRun() {
        // JMH prints nothing here
    }

    @Override
    public synchronized void endRun(Collection<RunResult> result) {
        // one fork's: endAll prints the run's
    }

    @Override
    public synchronized void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        text.iteration(benchParams, params, iteration);
        String label = params.getType() == org.openjdk.jmh.runner.IterationType.WARMUP ? "# Warmup Iteration %3d: "
                : "Iteration %3d: ";
        feed(String.format(java.util.Locale.ROOT, label, iteration).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
            IterationResult data) {
        text.iterationResult(benchParams, params, iteration, data);
        feed((data.getPrimaryResult().toString() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() {
        text.flush();
    }

    @Override
    public void close() {
        // JMH closes its output at the end of each of its runs: this one serves the whole run
    }

    @Override
    public synchronized void verbosePrintln(String s) {
        text.verbosePrintln(s);
    }
}
