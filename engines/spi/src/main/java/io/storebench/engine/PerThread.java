package io.storebench.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * A resource per thread (a SQLite connection, an LMDB read transaction, a RocksDB write batch),
 * created on the thread's first {@link #get()} and closed, for every thread, by {@link #close()}.
 *
 * <p>{@code close} must run after the threads have stopped using their resources, as
 * {@link KeyValueStore#close()} requires.
 *
 * @param <T> the resource
 */
public final class PerThread<T> implements AutoCloseable {
    /** Releases one resource. */
    @FunctionalInterface
    public interface Closer<T> {
        void close(T resource) throws Exception;
    }

    private final ThreadLocal<T> local = new ThreadLocal<>();
    private final Queue<T> created = new ConcurrentLinkedQueue<>();
    private final Supplier<T> factory;
    private final Closer<T> closer;

    public PerThread(Supplier<T> factory, Closer<T> closer) {
        this.factory = factory;
        this.closer = closer;
    }

    /**
     * Closes the calling thread's resource, if it has one, so that its next {@link #get()} makes a
     * new one (a connection the server dropped). A failure to close it is ignored: it is being
     * thrown away.
     */
    public void discard() {
        T resource = local.get();
        if (resource == null) {
            return;
        }
        local.remove();
        created.remove(resource);
        try {
            closer.close(resource);
        } catch (Exception ignored) {
            // already broken
        }
    }

    public T get() {
        T resource = local.get();
        if (resource == null) {
            resource = factory.get();
            created.add(resource);
            local.set(resource);
        }
        return resource;
    }

    /**
     * Closes every thread's resource; the first failure is thrown (as a {@link StoreException})
     * after all were tried, with later ones suppressed.
     */
    @Override
    public void close() {
        StoreException failure = null;
        for (T resource; (resource = created.poll()) != null;) {
            try {
                closer.close(resource);
            } catch (Exception e) {
                if (failure == null) {
                    failure = new StoreException("closing a per-thread resource failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        local.remove();
        if (failure != null) {
            throw failure;
        }
    }
}
