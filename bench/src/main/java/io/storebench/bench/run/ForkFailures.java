package io.storebench.bench.run;

import io.storebench.engine.server.Signals;
import io.storebench.stats.model.ForkFailure;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Why a fork failed, from what JMH knows of it: the exit code of its JVM (a signal when the JVM
 * reports 128 + N), the exception it sent back (JMH wraps it in its own), and its last lines.
 */
final class ForkFailures {
    /** What JMH's host says when the fork's JVM ended badly and sent no exception: the exit code is all there is. */
    private static final Pattern NO_EXCEPTION = Pattern.compile("Forked VM failed with exit code (\\d+)");
    /**
     * An exception the fork's JVM printed but could not send, such as {@code Exception:
     * java.lang.OutOfMemoryError thrown from the UncaughtExceptionHandler in thread ...}.
     */
    private static final Pattern PRINTED = Pattern.compile(
            "((?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Error|Exception))(?:: (.*?))?(?: thrown from .*|$)");

    private ForkFailures() {
    }

    /**
     * The failure of fork {@code fork}.
     *
     * @param thrown what {@code Runner.run()} threw for it
     * @param exitCode the exit code {@link ForkConsole} saw, or null
     * @param lastLines what the fork printed last
     */
    static ForkFailure of(int fork, Throwable thrown, Integer exitCode, List<String> lastLines) {
        Throwable cause = forkCause(thrown);
        Matcher noException = NO_EXCEPTION.matcher(String.valueOf(cause.getMessage()));
        boolean killed = cause instanceof IllegalStateException && noException.matches();
        Integer exit = exitCode != null ? exitCode : killed ? Integer.valueOf(noException.group(1)) : null;
        String signal = exit == null ? null : Signals.fromExitCode(exit);
        // A JVM ended by a signal printed nothing worth quoting; one that exited may have printed why.
        String exception = !killed ? oneLine(cause) : signal == null ? printed(lastLines) : null;
        String why = (signal != null ? "killed by " + signal + " (exit code " + exit + ")"
                : exit != null ? "exit code " + exit : "")
                + (exception == null ? "" : (exit != null ? ": " : "") + exception);
        return new ForkFailure(fork, exit, signal, exception, lastLines, why.isEmpty() ? "no reason given" : why);
    }

    /** The last exception named in the fork's output, when it printed one it could not send, or null. */
    static String printed(List<String> lastLines) {
        for (int i = lastLines.size() - 1; i >= 0; i--) {
            Matcher matcher = PRINTED.matcher(lastLines.get(i).strip());
            if (matcher.find()) {
                return matcher.group(1) + (matcher.group(2) == null ? "" : ": " + matcher.group(2));
            }
        }
        return null;
    }

    /** The fork's own exception inside JMH's wrappers (the host's RunnerException, BenchmarkException...). */
    private static Throwable forkCause(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; depth < 20; depth++) {
            if (t instanceof BenchmarkException && t.getSuppressed().length > 0) {
                t = t.getSuppressed()[0]; // JMH keeps the real errors as suppressed exceptions
            } else if ((t instanceof RunnerException || t instanceof ExecutionException
                    || t instanceof InvocationTargetException) && t.getCause() != null) {
                t = t.getCause();
            } else {
                break;
            }
        }
        return t;
    }

    /** {@code class: message} on one line, with the root cause when it is another exception. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = describe(e);
        return root == e || line.contains(String.valueOf(root.getMessage())) ? line
                : line + " (caused by " + describe(root) + ")";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        return e.getClass().getName() + message;
    }
}
