package io.storebench.stats.compare;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.Design;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.Samples;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The run-level design ({@link Design#RUNS}): one value per run, the geometric mean of its forks'
 * values, so that the spread the test rests on is run to run and drift between runs counts. Fork
 * to fork spread inside one run misses what changes between runs of the same code (the machine's
 * state, the JIT's choices, the data's placement); with several baseline runs their spread says
 * how far a run of unchanged code can fall from the others.
 *
 * <ul>
 *   <li>One candidate run against k baseline runs: the prediction-interval t test on the logs,
 *       t = (c − mean(b)) / (s_b · √(1 + 1/k)), df = k − 1. The ratio is exp(c − mean(b)), its
 *       95 % and 90 % intervals from the same t. There is no permutation confirmation: one
 *       candidate value among k has k + 1 relabellings, a smallest p of 1 / (k + 1), which confirms
 *       nothing with the few runs a gate has; so {@code permutationP} is NaN and the verdict rests
 *       on the t test alone ({@link RatioComparison#hasPermutation}).</li>
 *   <li>Several candidate runs: Welch's t on the logs of the run values, confirmed by the exact
 *       permutation test of the two sets of run values (whose smallest p is
 *       {@link #smallestPermutationP}: with few runs no change can be confirmed).</li>
 * </ul>
 * Both forms need at least {@value #MIN_BASELINE_RUNS} baseline runs.
 */
public final class RunLevelComparison {
    /** Fewer baseline runs than this are refused: two give one degree of freedom, a t quantile of 12.7. */
    public static final int MIN_BASELINE_RUNS = 3;

    /** Spread below this fraction of the mean is rounding: the runs are equal. */
    private static final double ROUNDING = 1e-12;

    private RunLevelComparison() {
    }

    /** A run's value for a key: the geometric mean of its forks' values (positive finite numbers). */
    public static double runValue(double[] forkValues) {
        double[] logs = Samples.logs("a run's fork values", forkValues);
        if (logs.length == 0) {
            throw new IllegalArgumentException("a run's value needs at least one fork value");
        }
        return Math.exp(Samples.mean(logs));
    }

    /**
     * Compares the candidate run values with the baseline run values (one value per run, see
     * {@link #runValue}).
     *
     * @throws IllegalArgumentException with fewer than {@value #MIN_BASELINE_RUNS} baseline runs, no
     *     candidate run, or a value that is not positive and finite
     */
    public static RatioComparison of(double[] baselineRuns, double[] candidateRuns) {
        if (baselineRuns.length < MIN_BASELINE_RUNS || candidateRuns.length < 1) {
            throw new IllegalArgumentException("a run-level comparison needs at least " + MIN_BASELINE_RUNS
                    + " baseline runs and one candidate run; got " + baselineRuns.length + " and "
                    + candidateRuns.length);
        }
        double[] a = Samples.logs("baseline runs", baselineRuns);
        double[] b = Samples.logs("candidate runs", candidateRuns);
        return b.length == 1 ? predicted(baselineRuns, candidateRuns, a, b[0])
                : RatioComparison.independent(baselineRuns, candidateRuns, Design.RUNS);
    }

    /** One candidate run: how far it falls from where the baseline runs predict the next run. */
    private static RatioComparison predicted(double[] baselineRuns, double[] candidateRuns, double[] a, double c) {
        int k = a.length;
        double mean = Samples.mean(a);
        double s = Math.sqrt(Samples.variance(a, mean));
        double d = c - mean;
        ConfidenceInterval baseline = ConfidenceInterval.geometric95(baselineRuns);
        ConfidenceInterval candidate = ConfidenceInterval.geometric95(candidateRuns);
        if (s <= ROUNDING * Math.max(1, Math.abs(mean))) { // equal runs: the difference is certain, or nothing
            return new RatioComparison(baseline, candidate, Math.exp(d), Math.exp(d), Math.exp(d), Math.exp(d),
                    Math.exp(d), d == 0 ? 1 : 0, Double.NaN, 0, Design.RUNS, false, true);
        }
        double scale = s * Math.sqrt(1 + 1.0 / k);
        TDistribution t = new TDistribution(k - 1);
        double p = Math.min(1, 2 * t.cumulativeProbability(-Math.abs(d / scale)));
        double q95 = t.inverseCumulativeProbability(0.975);
        double q90 = t.inverseCumulativeProbability(0.95);
        return new RatioComparison(baseline, candidate, Math.exp(d), Math.exp(d - q95 * scale),
                Math.exp(d + q95 * scale), Math.exp(d - q90 * scale), Math.exp(d + q90 * scale), p, Double.NaN, s,
                Design.RUNS, false, false);
    }

    /**
     * The smallest two-sided p the exact permutation test can give for k baseline and m candidate
     * runs: 1 / C(k + m, k), the observed split alone the most extreme (2 / C(k + m, k) when k = m,
     * where its mirror image is as extreme): at or above α, no change can be confirmed whatever the
     * values. 1 for a single candidate run (no permutation test).
     */
    public static double smallestPermutationP(int baselineRuns, int candidateRuns) {
        if (candidateRuns < 2) {
            return 1;
        }
        double splits = 1;
        for (int i = 1; i <= candidateRuns; i++) {
            splits = splits * (baselineRuns + i) / i;
        }
        return Math.min(1, (baselineRuns == candidateRuns ? 2 : 1) / splits);
    }
}
