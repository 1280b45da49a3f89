package io.storebench.engine;

import java.util.Objects;

/**
 * A server process that a store started and that ended while the store was open, without the store
 * stopping it: a managed etcd member, PostgreSQL or MariaDB killed or crashed under the benchmark.
 * Reported by {@link KeyValueStore#serverDeaths()}.
 *
 * @param server which server, as a console line names it: {@code managed member m0}, {@code managed server}
 * @param pid its process id
 * @param exitCode its exit code as the JVM saw it: 128 + N for a process ended by signal N
 * @param signal the signal that ended it ({@code SIGKILL} for exit code 137), or null when it exited
 * @param epochMillis when the store saw it end, wall clock
 * @param logLastLine the last non-blank line of its log, or null when it has no log or an empty one
 */
public record ServerDeath(String server, long pid, int exitCode, String signal, long epochMillis,
        String logLastLine) {
    public ServerDeath {
        Objects.requireNonNull(server, "server");
    }

    /** How it ended: {@code killed by SIGKILL (exit code 137)} or {@code exited with code 1}. */
    public String how() {
        return signal != null ? "killed by " + signal + " (exit code " + exitCode + ")" : "exited with code " + exitCode;
    }
}
