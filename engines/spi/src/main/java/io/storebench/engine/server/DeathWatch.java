package io.storebench.engine.server;

import io.storebench.engine.ServerDeath;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches the processes of a managed server and keeps each one that ends before its owner stops it
 * ({@link #stopping}), with how and when it ended and its log's last line (read at once: the log is
 * removed with the server). What {@link io.storebench.engine.KeyValueStore#serverDeaths()} answers
 * for a store that started a server. Thread-safe.
 */
public final class DeathWatch {
    private final List<ServerDeath> deaths = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    /**
     * Watches {@code process}.
     *
     * @param server what a console line calls it, e.g. {@code managed member m0}
     * @param log its log, or null
     */
    public void watch(String server, Process process, Path log) {
        process.onExit().thenAccept(ended -> {
            if (stopping) {
                return;
            }
            int exit = ended.exitValue();
            String last = log == null ? null : ServerLog.lastLine(log);
            deaths.add(new ServerDeath(server, ended.pid(), exit, Signals.fromExitCode(exit), System.currentTimeMillis(),
                    last == null || last.equals(ServerLog.EMPTY) ? null : last));
        });
    }

    /** The owner is stopping the server: what ends from now on is no death. */
    public void stopping() {
        stopping = true;
    }

    /** The processes that died so far, in the order they were seen to end. */
    public List<ServerDeath> deaths() {
        return List.copyOf(deaths);
    }
}
