package io.storebench.engine.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a managed server is stopped: by its owner's {@code close}, or by a JVM shutdown hook on
 * Ctrl-C, whichever comes first, and only once, so the two never stop and remove it together.
 * Thread-safe.
 */
public final class StopOnce {
    private final Runnable stop;
    private final Thread hook;
    private final AtomicBoolean stopped = new AtomicBoolean();

    /**
     * @param name the hook thread's name
     * @param stop what stops the server and removes its files
     */
    public StopOnce(String name, Runnable stop) {
        this.stop = stop;
        this.hook = new Thread(this::stop, name);
    }

    /** Makes the JVM's shutdown stop the server, unless it was stopped before. */
    public void register() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Stops the server now, unless it was stopped before, and takes the shutdown hook back; idempotent. */
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run; stop() below does nothing then, or the hook does nothing
        }
        stop();
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            stop.run();
        }
    }
}
