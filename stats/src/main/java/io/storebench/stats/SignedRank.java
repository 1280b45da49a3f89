package io.storebench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The Wilcoxon signed-rank test of paired differences against zero, with the Hodges–Lehmann
 * estimate of their centre and its distribution-free interval: the paired test of {@code ab}.
 *
 * <p>Why ranks: on a shared host one pair in ten can be disturbed (a fork whose p99 jumps 3 to 4
 * times while the others move a few per cent). Its difference dominates a mean and a standard
 * deviation, so the paired t and a sign-flip test of the mean call a change that nine pairs of ten
 * show INCONCLUSIVE; as a rank it counts once, like any other pair.
 * <ul>
 *   <li>p: the ranks of |d_i| (mid-ranks for ties; a zero difference keeps its rank and adds 0,
 *       Pratt's treatment), signed, then the {@link PermutationTest#signFlip sign-flip test} of their
 *       sum: the exact signed-rank distribution up to {@value PermutationTest#EXACT_SIGN_FLIPS} pairs,
 *       sampled beyond.</li>
 *   <li>estimate: the median of the n(n+1)/2 Walsh averages (d_i + d_j) / 2, i ≤ j.</li>
 *   <li>interval: the Walsh averages of rank k and M + 1 − k, with k − 1 the largest count of
 *       positive-rank sums whose lower tail is at most (1 − level) / 2 (exact up to
 *       {@value #EXACT_INTERVAL_LIMIT} pairs, the normal approximation beyond); its coverage is at
 *       least {@code level} for continuous differences (Hollander and Wolfe, Nonparametric
 *       Statistical Methods, 3.2).</li>
 *   <li>spread: 1.4826 times the median absolute deviation of the differences, the standard
 *       deviation of normal differences, which a disturbed pair does not inflate.</li>
 * </ul>
 *
 * @param estimate the Hodges–Lehmann estimate of the differences' centre
 * @param lower the interval's lower bound at {@code level}
 * @param upper the interval's upper bound
 * @param level the confidence level
 * @param p the two-sided p-value
 * @param exact whether p counted every sign flip (false: sampled)
 * @param spread the robust spread of the differences (1.4826 MAD)
 */
public record SignedRank(double estimate, double lower, double upper, double level, double p, boolean exact,
        double spread) {
    /** Up to this many pairs the interval's critical count comes from the exact null distribution. */
    static final int EXACT_INTERVAL_LIMIT = 100;
    /** The scale that makes the median absolute deviation estimate a normal standard deviation. */
    private static final double MAD_TO_SD = 1.4826;

    public static SignedRank test(double[] differences, double level) {
        return atLevels(differences, level).get(0);
    }

    /**
     * The test with an interval at each of {@code levels}, in their order: the sign flips and the
     * Walsh averages are computed once for all of them.
     */
    public static List<SignedRank> atLevels(double[] differences, double... levels) {
        Samples.checkFinite("paired differences", differences, 2);
        for (double level : levels) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("confidence level " + level + " is out of range; allowed: (0, 1)");
            }
        }
        int n = differences.length;
        double[] magnitudes = Arrays.stream(differences).map(Math::abs).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(magnitudes);
        double[] signed = new double[n];
        for (int i = 0; i < n; i++) {
            signed[i] = Math.signum(differences[i]) * ranks[i];
        }
        PermutationTest.Result flips = PermutationTest.signFlip(signed);

        double[] walsh = new double[n * (n + 1) / 2];
        int w = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[w++] = (differences[i] + differences[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        double median = Samples.median(differences);
        double[] deviations = Arrays.stream(differences).map(d -> Math.abs(d - median)).toArray();
        double spread = MAD_TO_SD * Samples.median(deviations);
        double estimate = Samples.median(walsh);
        List<SignedRank> tests = new ArrayList<>(levels.length);
        for (double level : levels) {
            int k = criticalCount(n, (1 - level) / 2) + 1; // 1-based rank of the lower bound
            tests.add(new SignedRank(estimate, walsh[k - 1], walsh[walsh.length - k], level, flips.p(), flips.exact(),
                    spread));
        }
        return tests;
    }

    /**
     * The largest c with P(T+ ≤ c) ≤ tail under no change (T+ the sum of the positive ranks), or 0
     * when even P(T+ = 0) = 2^-n exceeds it (fewer than 6 pairs at 95 %): then the interval is the
     * Walsh averages' whole range, and covers less than asked.
     */
    static int criticalCount(int n, double tail) {
        if (n <= EXACT_INTERVAL_LIMIT) {
            int maximum = n * (n + 1) / 2;
            double[] probability = new double[maximum + 1]; // P(T+ = s), built one rank at a time
            probability[0] = 1;
            for (int rank = 1; rank <= n; rank++) {
                for (int s = maximum; s >= 0; s--) {
                    probability[s] = (probability[s] + (s >= rank ? probability[s - rank] : 0)) / 2;
                }
            }
            double cumulative = 0;
            for (int c = 0; c <= maximum; c++) {
                cumulative += probability[c];
                if (cumulative > tail) {
                    return Math.max(c - 1, 0);
                }
            }
            return 0;
        }
        double mean = n * (n + 1) / 4.0;
        double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24);
        double z = new NormalDistribution().inverseCumulativeProbability(tail);
        return Math.max(0, (int) Math.floor(mean + z * sd - 0.5));
    }
}
