package io.storebench.engine.server;

import io.storebench.engine.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A shell that waits for this JVM to end and then kills a server's processes and removes its
 * files: the cleanup for a JVM that ends without running its shutdown hooks ({@code Runtime.halt},
 * SIGKILL). {@link #stop} ends the shell once the server was stopped the normal way.
 */
public final class Watchdog {
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Process shell;

    private Watchdog(Process shell) {
        this.shell = shell;
    }

    /**
     * Starts the shell.
     *
     * @param server the server's name, for the error message
     * @param pids the server's processes, killed with SIGKILL when the JVM is gone
     * @param root the folder removed after them
     */
    public static Watchdog start(String server, List<Long> pids, Path root) {
        return start(server, pids, root, true);
    }

    /**
     * Starts the shell.
     *
     * @param server the server's name, for the error message
     * @param pids the server's processes, killed with SIGKILL when the JVM is gone
     * @param root the server's folder
     * @param removeRoot whether the folder is removed after them; false keeps the data (a server
     *     whose data must outlive it, for crash checks)
     */
    public static Watchdog start(String server, List<Long> pids, Path root, boolean removeRoot) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c",
                "while kill -0 \"$STOREBENCH_JVM\" 2>/dev/null; do sleep 1; done;"
                        + " kill -9 $STOREBENCH_MEMBERS 2>/dev/null"
                        + (removeRoot ? "; sleep 1; rm -rf \"$STOREBENCH_ROOT\"" : ""))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("STOREBENCH_JVM", Long.toString(ProcessHandle.current().pid()));
        builder.environment().put("STOREBENCH_MEMBERS", pids.stream().map(String::valueOf)
                .collect(Collectors.joining(" ")));
        builder.environment().put("STOREBENCH_ROOT", root.toString());
        try {
            return new Watchdog(builder.start());
        } catch (IOException e) {
            throw new StoreException(server + ": cannot start the watchdog shell /bin/sh: " + e.getMessage(), e);
        }
    }

    /** Ends the shell (and its sleep) without letting it kill or remove anything. */
    public void stop() {
        shell.descendants().forEach(ProcessHandle::destroyForcibly);
        shell.destroyForcibly();
        try {
            shell.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
