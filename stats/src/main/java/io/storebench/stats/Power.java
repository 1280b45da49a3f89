package io.storebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** The smallest change a paired comparison detects with a given power (the inverse of forks needed). */
public final class Power {
    /**
     * The signed-rank test's asymptotic efficiency against the t for normal differences, 3 / π: it
     * needs 1 / 0.955 times the pairs for the same power there (and fewer under heavy tails).
     */
    public static final double SIGNED_RANK_EFFICIENCY = 3 / Math.PI;

    private Power() {
    }

    /**
     * The smallest ratio change (0.05 = 5 %) that {@code pairs} pairs detect with probability
     * {@code power} at two-sided {@code alpha} with the signed-rank test, when the per-pair log ratios
     * have standard deviation {@code sigma}: δ = (t(1 − α/2) + t(power)) σ / √(0.955 n) with n − 1
     * degrees of freedom (the t's formula at the signed-rank test's efficiency), as exp(δ) − 1.
     */
    public static double detectablePaired(double sigma, int pairs, double alpha, double power) {
        if (pairs < 2 || !(sigma >= 0) || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("detectable change: sigma " + sigma + ", pairs " + pairs + ", alpha "
                    + alpha + ", power " + power + " are out of range");
        }
        TDistribution t = new TDistribution(pairs - 1);
        double delta = (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power))
                * sigma / Math.sqrt(SIGNED_RANK_EFFICIENCY * pairs);
        return Math.exp(delta) - 1;
    }
}
