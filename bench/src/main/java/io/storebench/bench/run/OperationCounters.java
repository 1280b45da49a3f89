package io.storebench.bench.run;

import io.storebench.workloads.Operation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fork's counts of what went wrong or was special, per operation type: failed operations,
 * reads that found nothing, reads whose value failed its check, and injected delays. Benchmark
 * threads count into the current iteration ({@link LongAdder}s: contended increments stay
 * cheap); between iterations {@link #endIteration} adds a measurement iteration's counts to the
 * fork's totals and {@link #reset} starts the next.
 */
final class OperationCounters {
    private static final int OPERATIONS = Operation.values().length;

    private final String engine;
    private final LongAdder[] errors = adders();
    private final LongAdder[] notFound = adders();
    private final LongAdder[] integrity = adders();
    private final LongAdder injected = new LongAdder();
    private final long[] errorTotals = new long[OPERATIONS];
    private final long[] notFoundTotals = new long[OPERATIONS];
    private final long[] integrityTotals = new long[OPERATIONS];
    private long injectedTotal;
    private final AtomicReference<String> iterationFirstError = new AtomicReference<>();
    private final AtomicBoolean errorPrinted = new AtomicBoolean();
    private String firstError;

    OperationCounters(String engine) {
        this.engine = engine;
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
        }
        injected.reset();
    }

    /** Adds the current (measurement) iteration's counts to the fork's totals; only between iterations. */
    void endIteration(boolean operationsRan) {
        for (int i = 0; i < OPERATIONS; i++) {
            errorTotals[i] += errors[i].sum();
            notFoundTotals[i] += notFound[i].sum();
            integrityTotals[i] += integrity[i].sum();
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
