package io.storebench.engine.sql;

import io.storebench.engine.Retrying;

/**
 * One thread's count of retries, kept apart from its session so that reading it never opens a
 * connection. Used only by its own thread.
 */
final class RetryCounter implements Retrying.RetryCount {
    private long retries;

    void increment() {
        retries++;
    }

    @Override
    public long count() {
        return retries;
    }
}
