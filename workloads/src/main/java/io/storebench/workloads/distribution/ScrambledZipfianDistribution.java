package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/**
 * {@code scrambled-zipfian}: the popularity curve of {@code zipfian} (a true Zipf law, any
 * θ &gt; 0), with popularity rank r placed on item {@code π(r)}, π being a fixed bijection of
 * [0, items) (a {@link FeistelPermutation}). Hot items are scattered over the key space instead
 * of clustered at its start, and, unlike YCSB's hash-modulo scrambling, no two ranks share an
 * item, so the skew is exactly the Zipf law's. The bijection depends on {@code items} only, so
 * runs over the same key space have the same hot items. Inserts are never drawn. Stateless.
 */
final class ScrambledZipfianDistribution implements KeyDistribution {

    private final ZipfRankSampler sampler;
    private final FeistelPermutation permutation;

    ScrambledZipfianDistribution(long items, double theta) {
        this.sampler = new ZipfRankSampler(items, theta);
        this.permutation = new FeistelPermutation(items);
    }

    @Override
    public long next(SplittableRandom random, long available) {
        assert available >= sampler.items() : "available " + available + " < items " + sampler.items();
        return permutation.apply(sampler.nextRank(random));
    }

    /** The item that popularity rank {@code rank} is placed on: π(rank). */
    long itemOfRank(long rank) {
        return permutation.apply(rank);
    }

    @Override
    public long rankOf(long item, long available) {
        return item >= 0 && item < items() ? permutation.inverse(item) : -1;
    }

    @Override
    public long items() {
        return sampler.items();
    }
}
