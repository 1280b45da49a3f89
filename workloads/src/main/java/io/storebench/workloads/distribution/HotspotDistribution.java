package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/**
 * {@code hotspot}: YCSB's {@code HotspotIntegerGenerator} over the fixed key space [0, items).
 * A fraction {@code hotOpFraction} of the draws is uniform over the hot set, the first
 * {@link #hotItems(long, double)} items; the rest is uniform over the remaining (cold) items.
 *
 * <p>Differences from YCSB, all on inputs where YCSB misbehaves: the hot set is
 * ⌊items · hotSetFraction⌋ over long (YCSB truncates it to int), but at least one item (YCSB
 * divides by zero); when the hot set is the whole key space there is no cold set and every draw
 * is uniform over all items (YCSB divides by zero); draws within a set use an unbiased bounded
 * random long instead of {@code abs(nextLong()) % n}. Stateless.
 */
final class HotspotDistribution implements KeyDistribution {

    private final long items;
    private final long hotItems;
    private final long coldItems;
    private final double hotOpFraction;

    HotspotDistribution(long items, double hotSetFraction, double hotOpFraction) {
        this.items = items;
        this.hotItems = hotItems(items, hotSetFraction);
        this.coldItems = items - hotItems;
        this.hotOpFraction = hotOpFraction;
    }

    /** The size of the hot set: ⌊items · fraction⌋, at least 1, at most items. */
    static long hotItems(long items, double hotSetFraction) {
        long hot = (long) Math.floor(items * hotSetFraction);
        return Math.max(1, Math.min(items, hot));
    }

    @Override
    public long next(SplittableRandom random, long available) {
        assert available >= items : "available " + available + " < items " + items;
        if (coldItems == 0) {
            return random.nextLong(items);
        }
        if (random.nextDouble() < hotOpFraction) {
            return random.nextLong(hotItems);
        }
        return hotItems + random.nextLong(coldItems);
    }

    @Override
    public long rankOf(long item, long available) {
        if (item < 0 || item >= items) {
            return -1;
        }
        // HotspotPopularity ranks the group with the higher per-item probability first.
        long cold = items - hotItems;
        boolean hotFirst = cold == 0 || hotOpFraction / hotItems >= (1.0 - hotOpFraction) / cold;
        if (hotFirst) {
            return item;
        }
        return item >= hotItems ? item - hotItems : cold + item;
    }

    @Override
    public long items() {
        return items;
    }
}
