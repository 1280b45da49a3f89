package io.storebench.workloads;

import io.storebench.workloads.distribution.KeyDistribution;
import java.util.SplittableRandom;

/**
 * One thread's operations. {@link #next()} chooses the next operation and fills the reused key
 * and value arrays; it allocates nothing. Not thread-safe: one stream per thread, from
 * {@link WorkloadRun#stream(int)}.
 *
 * <pre>{@code
 * OperationStream ops = run.stream(threadIndex);
 * while (running) {
 *     switch (ops.next()) {
 *         case READ -> store.get(ops.key(), buffer);
 *         case UPDATE, INSERT -> store.put(ops.key(), ops.value(), ops.valueLength());
 *         case SCAN -> store.scan(ops.key(), ops.scanLength(), visitor);
 *         ...
 *     }
 * }
 * }</pre>
 * Calling {@code next()} again marks the previous operation done (an insert's record then
 * becomes available to every thread's reads).
 */
public final class OperationStream {
    private final WorkloadRun run;
    private final int thread;
    private final SplittableRandom random;
    private final OperationMix.Chooser operations;
    private final KeySpec keys;
    private final KeyDistribution distribution;
    private final LengthSpec.Sampler scanLengths;
    private final ValueGenerator values;
    private final byte[] key;

    private Operation operation;
    private long ordinal;
    private int valueLength;
    private int scanLength;
    private long insertsStarted;
    private boolean insertPending;

    OperationStream(WorkloadRun run, int thread, SplittableRandom random) {
        WorkloadSpec spec = run.spec();
        this.run = run;
        this.thread = thread;
        this.random = random;
        this.operations = spec.mix().chooser();
        this.keys = spec.keys();
        this.distribution = spec.distribution().create(spec.recordCount());
        this.scanLengths = spec.scanLength().sampler();
        this.values = new ValueGenerator(spec.values(), thread, random.split());
        this.key = new byte[keys.size()];
    }

    /** Chooses the next operation and fills its key, value and scan length. */
    public Operation next() {
        if (insertPending) {
            insertPending = false;
            run.insertCompleted(thread, insertsStarted);
        }
        operation = operations.choose(random.nextDouble());
        if (operation == Operation.INSERT) {
            ordinal = run.insertOrdinal(thread, insertsStarted++);
            insertPending = true;
        } else {
            ordinal = distribution.next(random, run.available());
        }
        keys.encode(ordinal, key);
        valueLength = writes() ? values.fill(key, random) : 0;
        scanLength = operation == Operation.SCAN ? scanLengths.next(random) : 0;
        return operation;
    }

    public Operation operation() {
        return operation;
    }

    /** Whether the current operation writes a value (insert, update, read-modify-write). */
    public boolean writes() {
        return operation == Operation.INSERT || operation == Operation.UPDATE
                || operation == Operation.READ_MODIFY_WRITE;
    }

    /** The record ordinal of the current operation (the first record of a scan). */
    public long ordinal() {
        return ordinal;
    }

    /** The current key; the array is reused by the next call. */
    public byte[] key() {
        return key;
    }

    /** The value to write; its first {@link #valueLength()} bytes count. Reused by the next call. */
    public byte[] value() {
        return values.value();
    }

    public int valueLength() {
        return valueLength;
    }

    /** Records the current scan asks for; 0 when it is not a scan. */
    public int scanLength() {
        return scanLength;
    }

    public int thread() {
        return thread;
    }
}
