package io.storebench.stats.model;

/**
 * A server process that the fork's store started and that ended during the fork without the store
 * stopping it (a managed etcd member, PostgreSQL or MariaDB killed or crashed): the fork's figures
 * after it are of a dead server, and the run is incomplete.
 *
 * @param server which server: {@code managed member m0}, {@code managed server}
 * @param pid its process id
 * @param exitCode its exit code: 128 + N when signal N ended it
 * @param signal that signal ({@code SIGKILL}), or null when it exited
 * @param epochMillis when the fork saw it end, wall clock, on the clock of the {@code hdr/} time stamps
 * @param phase the iteration it ended in, e.g. {@code measurement iteration 3}, {@code warm-up iteration 1}
 * @param logLastLine the last line of its log, or null
 * @param why all of that in one line, as the console said it
 */
public record ServerDeathRecord(String server, long pid, int exitCode, String signal, long epochMillis, String phase,
        String logLastLine, String why) {
}
