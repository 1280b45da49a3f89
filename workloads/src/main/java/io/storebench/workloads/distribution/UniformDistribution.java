package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/** {@code uniform}: every available item, inserts included, equally likely. Stateless. */
final class UniformDistribution implements KeyDistribution {

    private final long items;

    UniformDistribution(long items) {
        this.items = items;
    }

    @Override
    public long next(SplittableRandom random, long available) {
        assert available >= items : "available " + available + " < items " + items;
        return random.nextLong(available);
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
