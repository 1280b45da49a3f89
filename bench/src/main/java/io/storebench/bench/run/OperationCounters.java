package io.storebench.bench.run;

import io.storebench.workloads.Operation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fork's counts of what went wrong or was special, per operation type: failed operations,
 * reads that found nothing, reads whose value failed its check, the retries of a store that
 * retries ({@link ThreadRetries}), and injected delays. Benchmark threads count into the current
 * iteration ({@link LongAdder}s: contended increments stay cheap); between iterations
 * {@link #endIteration} adds a measurement iteration's counts to the fork's totals and
 * {@link #reset} starts the next.
 */
final class OperationCounters {
    private static final int OPERATIONS = Operation.values().length;

    private final String engine;
    private final boolean retrying;
    private final LongAdder[] errors = adders();
    private final LongAdder[] notFound = adders();
    private final LongAdder[] integrity = adders();
    private final LongAdder[] retries = adders();
    private final LongAdder injected = new LongAdder();
    private final long[] errorTotals = new long[OPERATIONS];
    private final long[] notFoundTotals = new long[OPERATIONS];
    private final long[] integrityTotals = new long[OPERATIONS];
    private final long[] retryTotals = new long[OPERATIONS];
    private long injectedTotal;
    private final AtomicReference<String> iterationFirstError = new AtomicReference<>();
    private final AtomicBoolean errorPrinted = new AtomicBoolean();
    private String firstError;

    /** The counters of a store that does not retry. */
    OperationCounters(String engine) {
        this(engine, false);
    }

    /**
     * The counters of a store that retries or does not.
     *
     * @param retrying whether the store retries ({@link ThreadRetries#retrying}): only then are
     *     there retries to report
     */
    OperationCounters(String engine, boolean retrying) {
        this.engine = engine;
        this.retrying = retrying;
    }

    /** Counts a failed operation; the fork's first failure is printed once (the run goes on). */
    void error(Operation operation, RuntimeException e) {
        errors[operation.ordinal()].increment();
        iterationFirstError.compareAndSet(null, operation.label() + ": " + e);
        if (errorPrinted.compareAndSet(false, true)) {
            System.err.println("storebench: " + engine + " " + operation.label() + " failed (errors are counted, the"
                    + " run goes on): " + e);
        }
    }

    void notFound(Operation operation) {
        notFound[operation.ordinal()].increment();
    }

    void integrityFailure(Operation operation) {
        integrity[operation.ordinal()].increment();
    }

    /** Counts an operation's {@code count} retries (for a store that retries, every operation's, often 0). */
    void retried(Operation operation, long count) {
        if (count != 0) {
            retries[operation.ordinal()].add(count);
        }
    }

    void injected() {
        injected.increment();
    }

    /** Clears the current iteration's counts; only between iterations. */
    void reset() {
        iterationFirstError.set(null);
        for (int i = 0; i < OPERATIONS; i++) {
            errors[i].reset();
            notFound[i].reset();
            integrity[i].reset();
            retries[i].reset();
        }
        injected.reset();
    }

    /** Adds the current (measurement) iteration's counts to the fork's totals; only between iterations. */
    void endIteration(boolean operationsRan) {
        for (int i = 0; i < OPERATIONS; i++) {
            errorTotals[i] += errors[i].sum();
            notFoundTotals[i] += notFound[i].sum();
            integrityTotals[i] += integrity[i].sum();
            retryTotals[i] += retries[i].sum();
        }
        if (operationsRan) {
            injectedTotal += injected.sum();
            if (firstError == null) {
                firstError = iterationFirstError.get();
            }
        }
    }

    /** The current iteration's failed operations of type {@code ordinal}. */
    long errors(int ordinal) {
        return errors[ordinal].sum();
    }

    /** The current iteration's retries of operations of type {@code ordinal}; null when the store does not retry. */
    Long retries(int ordinal) {
        return retrying ? retries[ordinal].sum() : null;
    }

    /** The current iteration's integrity failures over all operation types. */
    long integrityFailures() {
        long total = 0;
        for (LongAdder adder : integrity) {
            total += adder.sum();
        }
        return total;
    }

    /** The current iteration's injected delays. */
    long injectedCount() {
        return injected.sum();
    }

    long errorTotal(int ordinal) {
        return errorTotals[ordinal];
    }

    long notFoundTotal(int ordinal) {
        return notFoundTotals[ordinal];
    }

    long integrityTotal(int ordinal) {
        return integrityTotals[ordinal];
    }

    /** The fork's retries of operations of type {@code ordinal}; null when the store does not retry. */
    Long retryTotal(int ordinal) {
        return retrying ? retryTotals[ordinal] : null;
    }

    long injectedTotal() {
        return injectedTotal;
    }

    /** The first failure of the fork's measurement iterations, or null. */
    String firstError() {
        return firstError;
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[OPERATIONS];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
