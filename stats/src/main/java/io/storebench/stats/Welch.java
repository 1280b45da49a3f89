package io.storebench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variance t-test of two independent samples, with Welch–Satterthwaite degrees of
 * freedom and a two-sided p-value, and the confidence interval of the difference of the means.
 * Computed here, not through commons-math3's {@code TTest}, because that hides the degrees of
 * freedom and answers NaN silently for zero variance; the tests check both against it.
 *
 * <p>Decided explicitly, never through a NaN: identical constant samples give t = 0, p = 1; two
 * constant samples with different means give an infinite t and p = 0 (no variance: the
 * difference is certain). Samples need at least 2 values each and finite numbers.
 *
 * @param t the statistic, (mean(b) − mean(a)) / se
 * @param degreesOfFreedom the Welch–Satterthwaite df (infinite when both variances are 0)
 * @param p the two-sided p-value
 * @param difference mean(b) − mean(a)
 * @param lower lower bound of the difference at {@code level}
 * @param upper upper bound of the difference at {@code level}
 * @param level the confidence level of the interval
 */
public record Welch(double t, double degreesOfFreedom, double p, double difference, double lower, double upper,
        double level) {

    /** Tests {@code b} against {@code a} with a {@code level} interval of mean(b) − mean(a). */
    public static Welch test(double[] a, double[] b, double level) {
        Samples.checkFinite("first sample", a, 2);
        Samples.checkFinite("second sample", b, 2);
        double meanA = Samples.mean(a);
        double meanB = Samples.mean(b);
        double varA = Samples.variance(a, meanA) / a.length;
        double varB = Samples.variance(b, meanB) / b.length;
        double difference = meanB - meanA;
        double se = Math.sqrt(varA + varB);
        if (se == 0) {
            return difference == 0 ? new Welch(0, Double.POSITIVE_INFINITY, 1, 0, 0, 0, level)
                    : new Welch(Math.copySign(Double.POSITIVE_INFINITY, difference), Double.POSITIVE_INFINITY, 0,
                            difference, difference, difference, level);
        }
        double t = difference / se;
        double df = (varA + varB) * (varA + varB)
                / (varA * varA / (a.length - 1) + varB * varB / (b.length - 1));
        TDistribution distribution = new TDistribution(df);
        double p = 2 * distribution.cumulativeProbability(-Math.abs(t));
        double quantile = distribution.inverseCumulativeProbability(0.5 + level / 2);
        return new Welch(t, df, Math.min(1, p), difference, difference - quantile * se, difference + quantile * se,
                level);
    }
}
