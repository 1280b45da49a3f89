package io.storebench.workloads.distribution;

/**
 * A true Zipf law over n items: rank r has probability (r + 1)<sup>-θ</sup> / H(n, θ), the
 * top k ranks H(k, θ) / H(n, θ). The popularity of {@code zipfian}, {@code scrambled-zipfian}
 * and {@code latest}. O(1) per call for any n.
 */
final class ZipfPopularity implements Popularity {

    private final long items;
    private final GeneralizedHarmonic harmonic;
    private final double total;

    ZipfPopularity(long items, double theta) {
        this.items = items;
        this.harmonic = new GeneralizedHarmonic(theta);
        this.total = harmonic.sum(items);
    }

    @Override
    public long items() {
        return items;
    }

    @Override
    public double probabilityOfRank(long rank) {
        Ranks.checkRank(rank, items);
        return harmonic.term(rank + 1.0) / total;
    }

    @Override
    public double massOfTop(long k) {
        Ranks.checkCount(k, items);
        return k == items ? 1.0 : Math.min(1.0, harmonic.sum(k) / total);
    }
}
