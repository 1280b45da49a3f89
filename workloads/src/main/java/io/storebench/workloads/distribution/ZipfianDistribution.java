package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/**
 * {@code zipfian}: a true Zipf law over the fixed key space [0, items), item r drawn with
 * probability (r + 1)<sup>-θ</sup> / H(items, θ), so item 0 is the hottest. Any θ &gt; 0,
 * θ = 1 and θ &gt; 1 included; O(1) set-up for any key space (see {@link ZipfRankSampler}),
 * unlike YCSB's O(n) ζ sum limited to θ &lt; 1. Inserts are never drawn. Stateless.
 */
final class ZipfianDistribution implements KeyDistribution {

    private final ZipfRankSampler sampler;

    ZipfianDistribution(long items, double theta) {
        this.sampler = new ZipfRankSampler(items, theta);
    }

    @Override
    public long next(SplittableRandom random, long available) {
        assert available >= sampler.items() : "available " + available + " < items " + sampler.items();
        return sampler.nextRank(random);
    }

    @Override
    public long rankOf(long item, long available) {
        return item >= 0 && item < items() ? item : -1; // item i is rank i
    }

    @Override
    public long items() {
        return sampler.items();
    }
}
