package io.storebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** The smallest change a paired comparison detects with a given power (the inverse of forks needed). */
public final class Power {
    private Power() {
    }

    /**
     * The smallest ratio change (0.05 = 5 %) that {@code pairs} pairs detect with probability
     * {@code power} at two-sided {@code alpha}, when the per-pair log ratios have standard deviation
     * {@code sigma}: δ = (t(1 − α/2) + t(power)) σ / √n with n − 1 degrees of freedom, as exp(δ) − 1.
     */
    public static double detectablePaired(double sigma, int pairs, double alpha, double power) {
        if (pairs < 2 || !(sigma >= 0) || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("detectable change: sigma " + sigma + ", pairs " + pairs + ", alpha "
                    + alpha + ", power " + power + " are out of range");
        }
        TDistribution t = new TDistribution(pairs - 1);
        double delta = (t.inverseCumulativeProbability(1 - alpha / 2) + t.inverseCumulativeProbability(power))
                * sigma / Math.sqrt(pairs);
        return Math.exp(delta) - 1;
    }
}
