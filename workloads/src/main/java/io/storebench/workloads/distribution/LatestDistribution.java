package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/**
 * {@code latest}: a Zipf rank r over [0, items) (θ from the spec, see {@link ZipfRankSampler}),
 * returned as {@code available - 1 - r}: the newest item is the hottest, the one before it the
 * next, and so on, while other threads insert. The result depends only on the {@code available}
 * passed in, so it is always in [available - items, available). Stateless.
 *
 * <p>Unlike YCSB's {@code SkewedLatestGenerator}, whose zipfian spans every item inserted so far
 * (and recomputes ζ incrementally as they grow), the rank spans the loaded key space only: the
 * skew does not drift as the run inserts.
 */
final class LatestDistribution implements KeyDistribution {

    private final ZipfRankSampler sampler;

    LatestDistribution(long items, double theta) {
        this.sampler = new ZipfRankSampler(items, theta);
    }

    @Override
    public long next(SplittableRandom random, long available) {
        assert available >= sampler.items() : "available " + available + " < items " + sampler.items();
        return available - 1 - sampler.nextRank(random);
    }

    @Override
    public long rankOf(long item, long available) {
        long back = available - 1 - item; // the newest item is rank 0
        return back >= 0 && back < items() ? back : -1;
    }

    @Override
    public long items() {
        return sampler.items();
    }
}
