package io.storebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The paired t-test of differences against zero (df = n − 1), with the interval of their mean.
 * Like {@link Welch}, decided explicitly for zero spread: all differences 0 gives p = 1, equal
 * non-zero differences give p = 0 (no spread: the shift is certain). Equal differences are
 * recognised up to the rounding of their mean (a spread below 10^-12 of it).
 *
 * @param mean the mean difference
 * @param sd the differences' standard deviation (n − 1)
 * @param p the two-sided p-value
 * @param lower lower bound of the mean at {@code level}
 * @param upper upper bound of the mean at {@code level}
 * @param level the confidence level
 */
public record PairedT(double mean, double sd, double p, double lower, double upper, double level) {
    private static final double ROUNDING = 1e-12;

    public static PairedT test(double[] differences, double level) {
        Samples.checkFinite("paired differences", differences, 2);
        int n = differences.length;
        double mean = Samples.mean(differences);
        double sd = Math.sqrt(Samples.variance(differences, mean));
        if (sd <= ROUNDING * Math.max(1, Math.abs(mean))) { // equal differences, up to the mean's rounding
            sd = 0;
            return new PairedT(mean, 0, mean == 0 ? 1 : 0, mean, mean, level);
        }
        double se = sd / Math.sqrt(n);
        TDistribution distribution = new TDistribution(n - 1);
        double p = Math.min(1, 2 * distribution.cumulativeProbability(-Math.abs(mean / se)));
        double quantile = distribution.inverseCumulativeProbability(0.5 + level / 2);
        return new PairedT(mean, sd, p, mean - quantile * se, mean + quantile * se, level);
    }
}
