package io.storebench.bench.run;

import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Retrying;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.SelfTimed;
import io.storebench.engine.ValueBuffer;
import io.storebench.workloads.Operation;
import io.storebench.workloads.OperationStream;
import io.storebench.workloads.ValueCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.HdrHistogram.Histogram;

/**
 * Runs one thread's operations: the measured path is one engine call
 * between two {@link System#nanoTime()} reads, and one histogram record. Choosing the operation
 * happens before the clock starts; verifying what a read returned, after it stops.
 *
 * <p>For a store that times its own calls beyond a language boundary ({@link SelfTimed}), the
 * latency recorded is the pacing wait, the injected delay and the engine's own time, read from the
 * thread's engine clock before and after the call(s) ({@link SelfTiming}); the time around the call
 * outside the engine is summed apart, per iteration. For any other store, the time around the call.
 * For a store that retries ({@link Retrying}), the thread's retries over each operation, read
 * outside the clock, are counted for its type ({@link ThreadRetries}).
 */
public final class OperationExecutor {
    private static final ScanVisitor COUNT_ONLY = (key, value) -> { };

    private final KeyValueStore store;
    private final OperationStream operations;
    private final ForkMeasurement measurement;
    private final OperationCounters counters;
    private final Pacer pacer;
    private final TailInjection tail;
    private final SplittableRandom tailRandom;
    private final boolean verify;
    private final ValueBuffer buffer;
    private final CRC32C crc = new CRC32C();
    private final Histogram[] histograms = ForkMeasurement.threadHistograms();
    /** The store's own timing when it is {@link SelfTimed}, else null. */
    private final SelfTiming selfTiming;
    /** The store's retries when it is {@link Retrying}, else null. */
    private final ThreadRetries retries;
    private long epoch = -1;
    /** This iteration's first operation start and last operation end ({@link System#nanoTime()}); 0 before any. */
    private long firstStart;
    private long lastEnd;
    /** When the last operation that succeeded ended; 0 before any in this iteration. */
    private long lastSuccessEnd;
    /** Since when this thread's operations have been failing (the start of a window), or 0 while they succeed. */
    private long failingSince;
    /** This iteration's closed windows of failure. */
    private final List<FailureWindow> failures = new ArrayList<>();

    OperationExecutor(KeyValueStore store, OperationStream operations, ForkMeasurement measurement,
            OperationCounters counters, Pacer pacer, TailInjection tail, long tailSeed, boolean verify,
            int valueCapacity) {
        this.store = store;
        this.operations = operations;
        this.measurement = measurement;
        this.counters = counters;
        this.pacer = pacer;
        this.tail = tail;
        this.tailRandom = new SplittableRandom(tailSeed);
        this.verify = verify;
        this.buffer = new ValueBuffer(valueCapacity);
        this.selfTiming = SelfTiming.of(store);
        this.retries = ThreadRetries.of(store);
    }

    public void executeOne() {
        if (pacer != null && epoch != measurement.epoch()) {
            epoch = measurement.epoch();
            pacer.restart(System.nanoTime());
        }
        Operation operation = operations.next();
        boolean injected = tail != null && tailRandom.nextDouble() < tail.fraction();
        long origin = pacer == null ? Pacer.FROM_ACTUAL_START : pacer.awaitNext();
        long retriesBefore = retries == null ? 0 : retries.count();
        long engineBefore = selfTiming == null ? 0 : selfTiming.clockNanos();
        long start = System.nanoTime();
        if (firstStart == 0) {
            firstStart = start;
        }
        boolean found = false;
        RuntimeException error = null;
        try {
            if (injected) {
                PreciseWait.until(start + tail.delayNanos());
            }
            found = execute(operation);
        } catch (RuntimeException e) {
            error = e;
        }
        long end = System.nanoTime();
        histograms[operation.ordinal()].recordValue(selfTiming == null
                ? end - (origin == Pacer.FROM_ACTUAL_START ? start : origin)
                : selfTiming.latency(origin, start, end, injected ? tail.delayNanos() : 0, engineBefore,
                        error == null));
        lastEnd = end;
        if (retries != null) {
            counters.retried(operation, retries.count() - retriesBefore);
        }
        if (injected) {
            counters.injected();
        }
        if (error != null) {
            if (failingSince == 0) {
                failingSince = lastSuccessEnd != 0 ? lastSuccessEnd : start;
            }
            counters.error(operation, error);
            return;
        }
        if (failingSince != 0) {
            failures.add(new FailureWindow(failingSince, end, true));
            failingSince = 0;
        }
        lastSuccessEnd = end;
        if (operation == Operation.READ || operation == Operation.READ_MODIFY_WRITE) {
            if (!found) {
                counters.notFound(operation);
            } else if (verify && !ValueCheck.verify(operations.key(), buffer.array(), buffer.length(), crc)) {
                counters.integrityFailure(operation);
            }
        }
    }

    private boolean execute(Operation operation) {
        byte[] key = operations.key();
        return switch (operation) {
            case READ -> store.get(key, buffer);
            case UPDATE, INSERT -> {
                store.put(key, operations.value(), operations.valueLength());
                yield true;
            }
            case SCAN -> store.scan(key, operations.scanLength(), COUNT_ONLY) > 0;
            case READ_MODIFY_WRITE -> store.readModifyWrite(key, buffer, operations.value(), operations.valueLength());
            case DELETE -> {
                store.delete(key);
                yield true;
            }
        };
    }

    /**
     * Clears this iteration's counters; only between iterations.
     *
     * @param carryOpenWindow whether a window of failure still open goes on into the next iteration
     *     (between measurement iterations: no operation succeeded in between), so that a window that
     *     lasts to the end of the fork is one window, not one per iteration
     */
    void resetIteration(boolean carryOpenWindow) {
        for (Histogram histogram : histograms) {
            histogram.reset();
        }
        firstStart = 0;
        lastEnd = 0;
        lastSuccessEnd = 0;
        if (!carryOpenWindow) {
            failingSince = 0;
        }
        failures.clear();
        if (selfTiming != null) {
            selfTiming.reset();
        }
        if (retries != null) {
            retries.reset();
        }
    }

    /**
     * This iteration's windows of failure, one still open ending with the last operation (it may have
     * begun in an earlier iteration: {@link #resetIteration}); only between iterations.
     */
    List<FailureWindow> failures() {
        if (failingSince == 0 || lastEnd == 0) {
            return failures; // no failure open, or one carried over a thread that ran nothing since
        }
        List<FailureWindow> all = new ArrayList<>(failures);
        all.add(new FailureWindow(failingSince, lastEnd, false));
        return all;
    }

    long firstStart() {
        return firstStart;
    }

    long lastEnd() {
        return lastEnd;
    }

    /** This thread's histograms, by operation ordinal; read and reset only between iterations. */
    Histogram[] histograms() {
        return histograms;
    }

    Pacer pacer() {
        return pacer;
    }

    /** The store's own timing of this thread's operations, or null when the store is not {@link SelfTimed}. */
    SelfTiming selfTiming() {
        return selfTiming;
    }
}
