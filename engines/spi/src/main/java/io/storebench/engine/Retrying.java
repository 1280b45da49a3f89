package io.storebench.engine;

/**
 * A store that retries an operation the engine refused for a reason that a second attempt can
 * fix: a serialization failure or a deadlock (SQLSTATE {@code 40001}, MySQL errors 1213 and
 * 1205). The harness reads the calling thread's count before and after each operation and
 * records the retries per operation type, beside its errors; an operation whose retries ran out
 * throws, and is an error.
 */
public interface Retrying {

    /**
     * The calling thread's count of retries, cumulative. Take it once per thread, on that thread,
     * and read it before and after each operation.
     */
    RetryCount threadRetries();

    /** One thread's cumulative retries. Not thread-safe: read it only on its own thread. */
    interface RetryCount {
        /** Retries of this thread's operations so far. */
        long count();
    }
}
