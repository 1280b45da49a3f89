package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/**
 * {@code exponential}: YCSB's {@code requestdistribution=exponential}, counted back from the
 * newest item.
 *
 * <p>YCSB's {@code ExponentialGenerator(percentile, recordcount * frac)} has rate
 * γ = -ln(1 - percentile/100) / (items · fraction) and draws X = -ln(U) / γ; its
 * {@code CoreWorkload} turns X into the item {@code newest - (int) X} and draws again while that
 * is negative. So {@code percentile} % of the draws land on the newest {@code fraction} of the
 * key space (95 % on the newest 6/7 by default), and the newest item is the hottest.
 *
 * <p>This class draws the same distribution without the retry loop: X is drawn by inversion
 * from the exponential truncated to [0, available), X = -ln(1 - U · (1 - e<sup>-γ·available</sup>)) / γ,
 * which is exactly the law of YCSB's X conditioned on being accepted; the item is
 * {@code available - 1 - ⌊X⌋} (clamped to 0 in the one case where rounding could put ⌊X⌋ at
 * {@code available}). The time per draw is therefore constant even when γ is so small that
 * YCSB would retry thousands of times. γ uses {@link #items()}, as YCSB uses
 * {@code recordcount}; the truncation uses {@code available}, so inserts make the newest items
 * hot. No int truncation: YCSB's {@code intValue()} of X is a floor here, over long.
 */
final class ExponentialDistribution implements KeyDistribution {

    private final long items;
    private final double gamma;
    /** The last {@code available} seen, and 1 - e^(-γ·available) for it: a per-thread cache. */
    private long cachedAvailable;
    private double cachedMass;

    ExponentialDistribution(long items, double percentile, double fraction) {
        this.items = items;
        this.gamma = rate(items, percentile, fraction);
        this.cachedAvailable = items;
        this.cachedMass = -Math.expm1(-gamma * items);
    }

    /** γ = -ln(1 - percentile/100) / (items · fraction), as YCSB's ExponentialGenerator. */
    static double rate(long items, double percentile, double fraction) {
        return -Math.log1p(-percentile / 100.0) / (items * fraction);
    }

    @Override
    public long next(SplittableRandom random, long available) {
        assert available >= items : "available " + available + " < items " + items;
        if (available != cachedAvailable) {
            cachedAvailable = available;
            cachedMass = -Math.expm1(-gamma * available);
        }
        double x = -Math.log1p(-random.nextDouble() * cachedMass) / gamma;
        long back = (long) x;
        if (back >= available) {
            back = available - 1;
        }
        return available - 1 - back;
    }

    @Override
    public long rankOf(long item, long available) {
        long back = available - 1 - item; // the newest item is rank 0
        return back >= 0 && back < items ? back : -1;
    }

    @Override
    public long items() {
        return items;
    }
}
