package io.storebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A Student-t confidence interval for the mean of independent samples: one value per fork (the
 * sample unit of a benchmark comparison; see README, statistics). With fewer than two samples
 * the bounds are NaN: one fork says nothing about the spread.
 *
 * @param mean the sample mean
 * @param lower the lower bound
 * @param upper the upper bound
 * @param level the confidence level, e.g. 0.95
 * @param n the number of samples
 */
public record ConfidenceInterval(double mean, double lower, double upper, double level, int n) {

    /** The 95 % interval of the mean of {@code values}. */
    public static ConfidenceInterval of95(double[] values) {
        return of(values, 0.95);
    }

    /**
     * @throws IllegalArgumentException for no values, a NaN or infinite value, or a level outside (0, 1)
     */
    public static ConfidenceInterval of(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " is out of range; allowed: (0, 1)");
        }
        Samples.checkFinite("a confidence interval's sample", values, 1);
        int n = values.length;
        double mean = Samples.mean(values);
        if (n < 2) {
            return new ConfidenceInterval(mean, Double.NaN, Double.NaN, level, n);
        }
        double standardError = Math.sqrt(Samples.variance(values, mean) / n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + level / 2);
        return new ConfidenceInterval(mean, mean - t * standardError, mean + t * standardError, level, n);
    }

    /**
     * The geometric mean of positive values and its 95 % interval: the t-interval of the logarithms,
     * mapped back. The natural summary of ratios, latencies and throughputs compared as ratios.
     *
     * @throws IllegalArgumentException for no values, or a NaN, infinite, zero or negative value
     */
    public static ConfidenceInterval geometric95(double[] values) {
        ConfidenceInterval log = of95(Samples.logs("a geometric mean's sample", values));
        return new ConfidenceInterval(Math.exp(log.mean()), Math.exp(log.lower()), Math.exp(log.upper()), 0.95,
                log.n());
    }

    /** Half the width: the "±" figure. NaN with fewer than two samples. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }
}
