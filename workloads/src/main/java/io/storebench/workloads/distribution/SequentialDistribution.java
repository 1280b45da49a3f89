package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/**
 * {@code sequential}: 0, 1, 2, ... up to the newest available item, then 0 again. Items
 * inserted while the cursor is below them are visited before it wraps. Each instance has its
 * own cursor, starting at 0; the random stream is not used.
 */
final class SequentialDistribution implements KeyDistribution {

    private final long items;
    private long cursor;

    SequentialDistribution(long items) {
        this.items = items;
    }

    @Override
    public long next(SplittableRandom random, long available) {
        assert available >= items : "available " + available + " < items " + items;
        if (cursor >= available) {
            cursor = 0;
        }
        return cursor++;
    }

    @Override
    public long rankOf(long item, long available) {
        return item >= 0 && item < items ? item : -1;
    }

    @Override
    public long items() {
        return items;
    }
}
