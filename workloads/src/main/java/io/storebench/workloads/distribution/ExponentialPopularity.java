package io.storebench.workloads.distribution;

/**
 * The popularity of {@code exponential} when {@code available == items}: rank r (the r-th
 * newest item) has probability e<sup>-γr</sup>(1 - e<sup>-γ</sup>) / (1 - e<sup>-γn</sup>), the
 * newest k together (1 - e<sup>-γk</sup>) / (1 - e<sup>-γn</sup>), with γ as in
 * {@link ExponentialDistribution#rate}.
 */
final class ExponentialPopularity extends AbstractPopularity {

    private final double gamma;
    /** 1 - e^(-γ n), the mass the truncation keeps. */
    private final double kept;

    ExponentialPopularity(long items, double percentile, double fraction) {
        super(items);
        this.gamma = ExponentialDistribution.rate(items, percentile, fraction);
        this.kept = -Math.expm1(-gamma * items);
    }

    @Override
    double probability(long rank) {
        return Math.exp(-gamma * rank) * -Math.expm1(-gamma) / kept;
    }

    @Override
    double mass(long k) {
        return k == items() ? 1.0 : Math.min(1.0, -Math.expm1(-gamma * k) / kept);
    }
}
