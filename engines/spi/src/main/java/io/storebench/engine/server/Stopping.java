package io.storebench.engine.server;

import io.storebench.engine.DataDirectory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The end of a managed server: waiting for its processes to exit, then removing its folder. */
public final class Stopping {
    private Stopping() {
    }

    /**
     * Waits up to {@code grace} for {@code process}, already asked to stop, to exit; then kills it
     * (SIGKILL) and waits as long again. An interrupt kills it at once and is kept.
     */
    public static void awaitExit(Process process, Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Removes {@code root} and everything under it, trying once more after 200 ms when a file
     * vanished or appeared under the walk (a killed server's last child still ending).
     */
    public static void removeFolder(Path root) {
        try {
            DataDirectory.delete(root);
        } catch (UncheckedIOException e) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            DataDirectory.delete(root);
        }
    }
}
