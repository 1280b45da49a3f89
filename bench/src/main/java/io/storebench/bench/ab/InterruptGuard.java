package io.storebench.bench.ab;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) on {@code ab} or {@code calibrate}: a shutdown hook stops the fork running
 * and starts no other, then waits until the command has finished writing (it closes the guard),
 * so the JVM does not exit half-way through a side's folder, {@code gate.md} and {@code gate.json},
 * or {@code ab.json}. As {@code run}'s own lifecycle does.
 */
final class InterruptGuard implements AutoCloseable {
    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);

    InterruptGuard(ForkLauncher launcher, String name) {
        this.hook = new Thread(() -> {
            launcher.stop();
            try {
                written.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has written what it will write: the hook, if running, may let the JVM exit. */
    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waited for this
        }
    }
}
