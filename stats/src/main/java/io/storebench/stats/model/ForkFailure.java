package io.storebench.stats.model;

import java.util.List;

/**
 * A fork that failed: its JVM crashed, was killed, ran out of memory or threw. The run went on
 * without it; it is not a sample, and {@code run.json} says why it failed.
 *
 * @param fork its number among its engine's forks, from 1
 * @param exitCode the fork JVM's exit code, or null when it did not start
 * @param signal the signal that ended it ({@code SIGKILL} for exit code 137: 128 + 9), or null
 * @param exception the exception it ended with, one line ({@code class: message}, and its root
 *     cause), or null when it ended without one (killed)
 * @param lastLines the last lines it printed (stack frames left out), oldest first
 * @param why all of that in one line, as the console said it
 */
public record ForkFailure(int fork, Integer exitCode, String signal, String exception, List<String> lastLines,
        String why) {

    public ForkFailure {
        lastLines = lastLines == null ? List.of() : List.copyOf(lastLines);
    }
}
