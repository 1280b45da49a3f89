package io.storebench.workloads.distribution;

/**
 * A true Zipf law over n items: rank r has probability (r + 1)<sup>-θ</sup> / H(n, θ), the
 * top k ranks H(k, θ) / H(n, θ). The popularity of {@code zipfian}, {@code scrambled-zipfian}
 * and {@code latest}. O(1) per call for any n.
 */
final class ZipfPopularity extends AbstractPopularity {

    private final GeneralizedHarmonic harmonic;
    private final double total;

    ZipfPopularity(long items, double theta) {
        super(items);
        this.harmonic = new GeneralizedHarmonic(theta);
        this.total = harmonic.sum(items);
    }

    @Override
    double probability(long rank) {
        return harmonic.term(rank + 1.0) / total;
    }

    @Override
    double mass(long k) {
        return k == items() ? 1.0 : Math.min(1.0, harmonic.sum(k) / total);
    }
}
