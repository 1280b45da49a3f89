package io.storebench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A candidate against a baseline for one benchmark key, from one value per fork on each side.
 * Compared on the log scale: the effect is the ratio of geometric means, candidate / baseline,
 * with Welch's test and its 95 % interval, confirmed by a permutation test. A family of keys is
 * judged together by {@link #judge}, with Holm's adjustment across the family.
 *
 * <p>Why the log scale and the ratio: rescaling both sides by the same factor (the baseline's
 * mean, say) shifts both log samples equally and changes neither t nor p, so normalising to the
 * baseline is free. Z-scoring each side by its own mean and deviation, by contrast, moves both
 * means to 0: t = 0 and p = 1 for any data, and a gate built that way can never fire. Both facts
 * are checked in the tests.
 *
 * @param baseline geometric mean and 95 % interval of the baseline forks
 * @param candidate the same for the candidate
 * @param ratio candidate / baseline (ratio of geometric means)
 * @param ratioLower lower 95 % bound of the ratio
 * @param ratioUpper upper 95 % bound of the ratio
 * @param ratio90Lower lower 90 % bound (for NO-CHANGE)
 * @param ratio90Upper upper 90 % bound
 * @param p Welch's two-sided p-value
 * @param permutationP the permutation test's p-value
 * @param sigma the pooled standard deviation of the logs (fork-to-fork spread)
 */
public record RatioComparison(ConfidenceInterval baseline, ConfidenceInterval candidate, double ratio,
        double ratioLower, double ratioUpper, double ratio90Lower, double ratio90Upper, double p, double permutationP,
        double sigma) {

    /** Fewer forks than this on either side are refused: too few to estimate the spread. */
    public static final int MIN_FORKS = 5;

    public static RatioComparison of(double[] baselineValues, double[] candidateValues) {
        if (baselineValues.length < MIN_FORKS || candidateValues.length < MIN_FORKS) {
            throw new IllegalArgumentException("a comparison needs at least " + MIN_FORKS + " forks a side; got "
                    + baselineValues.length + " baseline and " + candidateValues.length + " candidate forks");
        }
        double[] a = Samples.logs("baseline", baselineValues);
        double[] b = Samples.logs("candidate", candidateValues);
        Welch w95 = Welch.test(a, b, 0.95);
        Welch w90 = Welch.test(a, b, 0.90);
        double sigma = Math.sqrt(((a.length - 1) * Samples.variance(a, Samples.mean(a))
                + (b.length - 1) * Samples.variance(b, Samples.mean(b))) / (a.length + b.length - 2));
        return new RatioComparison(ConfidenceInterval.geometric95(baselineValues),
                ConfidenceInterval.geometric95(candidateValues), Math.exp(w95.difference()), Math.exp(w95.lower()),
                Math.exp(w95.upper()), Math.exp(w90.lower()), Math.exp(w90.upper()), w95.p(),
                PermutationTest.pValue(a, b), sigma);
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

    private Verdict verdict(double holmP, Direction direction, double floor, double alpha) {
        boolean welchSignificant = p < alpha;
        if (welchSignificant != (permutationP < alpha)) {
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
     * Forks per side that would detect a change of {@code floor} with 80 % power at α = 0.05:
     * n ≈ 15.7 (σ / δ)², δ = ln(1 + floor) (REFERENCE section 4).
     */
    public int forksNeeded(double floor) {
        double delta = Math.log(1 + Math.max(floor, 0.01));
        return Math.max(MIN_FORKS, (int) Math.ceil(15.7 * (sigma / delta) * (sigma / delta)));
    }
}
