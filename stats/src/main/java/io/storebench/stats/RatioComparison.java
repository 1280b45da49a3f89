package io.storebench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A candidate against a baseline for one benchmark key. Compared on the log scale: the effect is
 * the ratio of geometric means, candidate / baseline (for pairs, the typical pair's ratio), with its
 * 95 % interval, from one of three
 * {@link Design designs}:
 * <ul>
 *   <li>{@link #of}: one value per fork on each side, Welch's test, confirmed by a permutation
 *       test of the two samples;</li>
 *   <li>{@link #paired}: one value per fork of each interleaved pair ({@code ab}), the Wilcoxon
 *       signed-rank test of the per-pair log ratios (an exact permutation test of the ranks' signs),
 *       the change their Hodges–Lehmann estimate;</li>
 *   <li>the run-level design, one value per run (built by the stats' compare package).</li>
 * </ul>
 * A family of keys is judged together by {@link #judge}, with Holm's adjustment across the family.
 *
 * <p>Why the log scale and the ratio: rescaling both sides by the same factor (the baseline's
 * mean, say) shifts both log samples equally and changes neither t nor p, so normalising to the
 * baseline is free. Z-scoring each side by its own mean and deviation, by contrast, moves both
 * means to 0: t = 0 and p = 1 for any data, and a gate built that way can never fire. Both facts
 * are checked in the tests.
 *
 * @param baseline geometric mean and 95 % interval of the baseline values
 * @param candidate the same for the candidate
 * @param ratio candidate / baseline (ratio of geometric means; for {@link Design#PAIRS} the
 *     Hodges–Lehmann estimate of the per-pair ratio)
 * @param ratioLower lower 95 % bound of the ratio
 * @param ratioUpper upper 95 % bound of the ratio
 * @param ratio90Lower lower 90 % bound (for NO-CHANGE)
 * @param ratio90Upper upper 90 % bound
 * @param p the test's two-sided p-value (Welch's t; the signed-rank test for {@link Design#PAIRS})
 * @param permutationP the permutation test's p-value (for {@link Design#PAIRS} the signed-rank p
 *     again: that test is a permutation test); NaN where the design has none
 * @param sigma the spread of the logs the test rests on: pooled fork-to-fork for {@link Design#FORKS},
 *     of the per-pair log ratios for {@link Design#PAIRS} (1.4826 MAD, which a disturbed pair does
 *     not inflate), run to run for {@link Design#RUNS}
 * @param design how the values were collected, which decides the test
 * @param permutationExact whether the permutation p counted every relabelling (false: sampled)
 * @param zeroVariance the spread is zero (constant values on a side, or constant pair ratios, common
 *     with 3-digit HdrHistogram buckets): a t test's p is 0 or 1 by decision, not by estimate; for
 *     pairs, the interval has no width
 */
public record RatioComparison(ConfidenceInterval baseline, ConfidenceInterval candidate, double ratio,
        double ratioLower, double ratioUpper, double ratio90Lower, double ratio90Upper, double p, double permutationP,
        double sigma, Design design, boolean permutationExact, boolean zeroVariance) {

    /** Fewer forks than this on either side are refused: too few to estimate the spread. */
    public static final int MIN_FORKS = 5;

    /**
     * Fewer pairs than this are refused: with 5 pairs the smallest sign-flip p is 2 / 32 = 0.0625,
     * so no change could ever be confirmed at α = 0.05.
     */
    public static final int MIN_PAIRS = 6;

    /** Independent forks on each side: Welch's test on the logs, and the two-sample permutation test. */
    public static RatioComparison of(double[] baselineValues, double[] candidateValues) {
        if (baselineValues.length < MIN_FORKS || candidateValues.length < MIN_FORKS) {
            throw new IllegalArgumentException("a comparison needs at least " + MIN_FORKS + " forks a side; got "
                    + baselineValues.length + " baseline and " + candidateValues.length + " candidate forks");
        }
        return independent(baselineValues, candidateValues, Design.FORKS);
    }

    /**
     * Two independent samples of any size (at least 2 a side): Welch's test on the logs and the
     * two-sample permutation test, labelled {@code design} ({@link Design#FORKS} from {@link #of};
     * {@link Design#RUNS} for several runs a side, one value per run).
     */
    public static RatioComparison independent(double[] baselineValues, double[] candidateValues, Design design) {
        double[] a = Samples.logs("baseline", baselineValues);
        double[] b = Samples.logs("candidate", candidateValues);
        Welch w95 = Welch.test(a, b, 0.95);
        Welch w90 = Welch.test(a, b, 0.90);
        double varianceA = Samples.variance(a, Samples.mean(a));
        double varianceB = Samples.variance(b, Samples.mean(b));
        double sigma = Math.sqrt(((a.length - 1) * varianceA + (b.length - 1) * varianceB)
                / (a.length + b.length - 2));
        PermutationTest.Result permutation = PermutationTest.test(a, b);
        return new RatioComparison(ConfidenceInterval.geometric95(baselineValues),
                ConfidenceInterval.geometric95(candidateValues), Math.exp(w95.difference()), Math.exp(w95.lower()),
                Math.exp(w95.upper()), Math.exp(w90.lower()), Math.exp(w90.upper()), w95.p(), permutation.p(), sigma,
                design, permutation.exact(), varianceA == 0 || varianceB == 0);
    }

    /**
     * Interleaved pairs: {@code baselineValues[i]} and {@code candidateValues[i]} were measured back
     * to back in pair i. The {@link SignedRank Wilcoxon signed-rank test} of d_i = ln(candidate_i) −
     * ln(baseline_i), exact up to 20 pairs; the change is the Hodges–Lehmann estimate of the d_i
     * mapped back to a ratio, with its distribution-free interval. The test is itself a permutation
     * test (the sign flips of the ranks), so its p is both {@link #p} and {@link #permutationP}. A
     * disturbed pair counts as one rank, not as its size.
     */
    public static RatioComparison paired(double[] baselineValues, double[] candidateValues) {
        if (baselineValues.length != candidateValues.length) {
            throw new IllegalArgumentException("a paired comparison needs one candidate value per baseline value; got "
                    + baselineValues.length + " baseline and " + candidateValues.length + " candidate values");
        }
        if (baselineValues.length < MIN_PAIRS) {
            throw new IllegalArgumentException("a paired comparison needs at least " + MIN_PAIRS + " pairs; got "
                    + baselineValues.length);
        }
        double[] a = Samples.logs("baseline", baselineValues);
        double[] b = Samples.logs("candidate", candidateValues);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = b[i] - a[i];
        }
        List<SignedRank> tests = SignedRank.atLevels(d, 0.95, 0.90);
        SignedRank r95 = tests.get(0);
        SignedRank r90 = tests.get(1);
        boolean constant = Arrays.stream(d).allMatch(x -> x == d[0]);
        return new RatioComparison(ConfidenceInterval.geometric95(baselineValues),
                ConfidenceInterval.geometric95(candidateValues), Math.exp(r95.estimate()), Math.exp(r95.lower()),
                Math.exp(r95.upper()), Math.exp(r90.lower()), Math.exp(r90.upper()), r95.p(), r95.p(),
                r95.spread(), Design.PAIRS, r95.exact(), constant);
    }

    /** A key's comparison and its verdict within the family. */
    public record Judged(RatioComparison comparison, double holmP, Verdict verdict, int forksNeeded) {
    }

    /**
     * Judges a family of comparisons together.
     *
     * @param floor the smallest change that matters, as a fraction (0.05 = 5 %)
     * @param alpha the family-wise false-positive rate
     * @param directions which way is better, per comparison
     */
    public static List<Judged> judge(List<RatioComparison> family, List<Direction> directions, double floor,
            double alpha) {
        if (!(floor >= 0 && floor < 1)) {
            throw new IllegalArgumentException("floor " + floor + " is out of range; allowed: 0 up to but excluding 1");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha " + alpha + " is out of range; allowed: (0, 1)");
        }
        double[] p = family.stream().mapToDouble(RatioComparison::p).toArray();
        double[] holm = Holm.adjust(p);
        List<Judged> judged = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            RatioComparison c = family.get(i);
            Verdict verdict = c.verdict(holm[i], directions.get(i), floor, alpha);
            judged.add(new Judged(c, holm[i], verdict, verdict == Verdict.INCONCLUSIVE ? c.forksNeeded(floor) : 0));
        }
        return judged;
    }

    /** Whether the design has a permutation confirmation (one candidate run against several has none). */
    public boolean hasPermutation() {
        return !Double.isNaN(permutationP);
    }

    private Verdict verdict(double holmP, Direction direction, double floor, double alpha) {
        if (hasPermutation() && (p < alpha) != (permutationP < alpha)) {
            return Verdict.INCONCLUSIVE; // the two tests disagree
        }
        boolean beyondFloor = Math.abs(ratio - 1) > floor;
        if (holmP < alpha) {
            if (!beyondFloor) {
                return Verdict.BELOW_FLOOR;
            }
            return direction.worse(ratio) ? Verdict.REGRESSED : Verdict.IMPROVED;
        }
        if (ratio90Lower >= 1 - floor && ratio90Upper <= 1 + floor) {
            return Verdict.NO_CHANGE;
        }
        return Verdict.INCONCLUSIVE;
    }

    /**
     * Forks per side (pairs, for {@link Design#PAIRS}; runs, for {@link Design#RUNS}) that would
     * detect a change of {@code floor} with 80 % power at α = 0.05: n ≈ 15.7 (σ / δ)² for two
     * independent samples, n ≈ 7.85 (σ / δ)² / (3 / π) for pairs (σ of the pair differences; 3 / π
     * is the signed-rank test's efficiency against the t for normal differences), δ = ln(1 + floor)
     * (REFERENCE section 4).
     */
    public int forksNeeded(double floor) {
        double delta = Math.log(1 + Math.max(floor, 0.01));
        double factor = design == Design.PAIRS ? 7.85 / Power.SIGNED_RANK_EFFICIENCY : 15.7;
        int minimum = design == Design.PAIRS ? MIN_PAIRS : design == Design.RUNS ? 3 : MIN_FORKS;
        return Math.max(minimum, (int) Math.ceil(factor * (sigma / delta) * (sigma / delta)));
    }
}
