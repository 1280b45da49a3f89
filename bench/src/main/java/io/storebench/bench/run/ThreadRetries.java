package io.storebench.bench.run;

import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Retrying;

/**
 * One benchmark thread's retries for a {@link Retrying} store (the SQL engines retry serialization
 * failures and deadlocks): an operation's retries are the delta of the thread's
 * {@link Retrying.RetryCount} over it, read before the clock starts and after it stops, and counted
 * per operation type in {@link OperationCounters}. Single writer: only the executor's thread reads
 * the count; {@link #reset} runs between iterations.
 *
 * <p>The count is taken on the executor's thread at the first operation of each iteration, and
 * again after each {@link #reset}, for the reason {@link SelfTiming} gives: JMH allows a thread's
 * state to move to another thread between iterations.
 *
 * <pre>
 * long retriesBefore = retries.count();
 * ... the timed engine call(s) ...
 * counters.retried(operation, retries.count() - retriesBefore);
 * </pre>
 */
final class ThreadRetries {
    private final Retrying store;
    private Retrying.RetryCount count;

    private ThreadRetries(Retrying store) {
        this.store = store;
    }

    /** The retries of {@code store} when it retries; null when it does not. */
    static ThreadRetries of(KeyValueStore store) {
        return retrying(store) ? new ThreadRetries((Retrying) store) : null;
    }

    /** Whether {@code store} retries, so that its operations' results carry their retries. */
    static boolean retrying(KeyValueStore store) {
        return store instanceof Retrying;
    }

    /** This thread's retries so far. */
    long count() {
        if (count == null) {
            count = store.threadRetries();
        }
        return count.count();
    }

    /** Lets the next operation take its thread's count; only between iterations. */
    void reset() {
        count = null;
    }
}
