package io.storebench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

/**
 * The paired design of {@code ab}: the Wilcoxon signed-rank test with the Hodges–Lehmann estimate,
 * the sign-flip permutation it rests on, and why pairs beat separate samples.
 */
class PairedComparisonTest {

    @Test
    void signedRankPAgreesWithCommonsMathsExactTest() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 30; trial++) {
            int n = 6 + trial % 10;
            double[] a = new double[n];
            double[] b = new double[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextGaussian();
                b[i] = a[i] + 0.3 + 0.5 * random.nextGaussian();
                d[i] = b[i] - a[i];
            }
            double expected = Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, true));
            SignedRank r = SignedRank.test(d, 0.95);
            assertTrue(r.exact());
            assertEquals(expected, r.p(), 1e-12, "trial " + trial);
        }
    }

    /** Published two-sided 5 % critical values of the signed-rank statistic: 0 for 6 pairs, 8 for 10, 52 for 20. */
    @Test
    void criticalCountsAreTheTabulatedOnes() {
        assertEquals(0, SignedRank.criticalCount(6, 0.025));
        assertEquals(8, SignedRank.criticalCount(10, 0.025));
        assertEquals(52, SignedRank.criticalCount(20, 0.025));
        // beyond the exact limit the normal approximation takes over, and agrees where both exist
        int exact = SignedRank.criticalCount(SignedRank.EXACT_INTERVAL_LIMIT, 0.025);
        double mean = 100 * 101 / 4.0;
        double sd = Math.sqrt(100 * 101 * 201 / 24.0);
        assertEquals(Math.floor(mean - 1.959963984540054 * sd - 0.5), exact, 2);
        assertTrue(SignedRank.criticalCount(SignedRank.EXACT_INTERVAL_LIMIT + 1, 0.025) >= exact);
    }

    @Test
    void hodgesLehmannIsTheMedianOfWalshAverages() {
        // Walsh averages of {1, 2, 10}: 1, 1.5, 5.5, 2, 6, 10 -> median (2 + 5.5) / 2
        assertEquals(3.75, SignedRank.test(new double[] {1, 2, 10}, 0.95).estimate(), 1e-12);
        SignedRank symmetric = SignedRank.test(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.95);
        assertEquals(5.5, symmetric.estimate(), 1e-12);
        // k = 9 for 10 pairs: the 9th smallest and the 9th largest of the 55 Walsh averages
        assertEquals(3.0, symmetric.lower(), 1e-12);
        assertEquals(8.0, symmetric.upper(), 1e-12);
    }

    /** The 95 % interval covers the true shift at least 95 % of the time (simulated, 2000 sets of 10 pairs). */
    @Test
    void severalLevelsAtOnceAreEachLevelAlone() {
        double[] d = {0.12, -0.03, 0.08, 0.30, 0.05, 0.11, -0.01, 0.07, 0.09, 0.02, 0.15, 0.04};
        assertEquals(List.of(SignedRank.test(d, 0.95), SignedRank.test(d, 0.90)), SignedRank.atLevels(d, 0.95, 0.90));
        assertTrue(SignedRank.atLevels(d, 0.90).get(0).lower() > SignedRank.atLevels(d, 0.95).get(0).lower(),
                "the 90 % interval lies inside the 95 % one");
    }

    @Test
    void intervalCoversTheShiftAsOften() {
        SplittableRandom random = new SplittableRandom(17);
        int covered = 0;
        int trials = 2000;
        for (int trial = 0; trial < trials; trial++) {
            double[] d = new double[10];
            for (int i = 0; i < d.length; i++) {
                d[i] = 0.1 + 0.05 * random.nextGaussian();
            }
            SignedRank r = SignedRank.test(d, 0.95);
            if (r.lower() <= 0.1 && 0.1 <= r.upper()) {
                covered++;
            }
        }
        double coverage = (double) covered / trials;
        assertTrue(coverage >= 0.94 && coverage <= 0.985, "coverage " + coverage);
    }

    @Test
    void constantRatiosGiveTheRatioWithNoWidth() {
        RatioComparison constant = RatioComparison.paired(new double[] {100, 100, 100, 100, 100, 100},
                new double[] {110, 110, 110, 110, 110, 110});
        assertTrue(constant.zeroVariance());
        assertEquals(1.1, constant.ratio(), 1e-12);
        assertEquals(1.1, constant.ratioLower(), 1e-12);
        assertEquals(2.0 / 64, constant.p(), 1e-15); // every pair the same way: the smallest p 6 pairs allow
        assertEquals(1.0, SignedRank.test(new double[] {0, 0, 0}, 0.95).p(), 1e-15);
    }

    @Test
    void signFlipIsExactUpToTwentyPairsAndCountsTheIdentity() {
        // all six differences positive: only the identity and the all-flipped reach |sum|: 2 / 64
        PermutationTest.Result all = PermutationTest.signFlip(new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(2.0 / 64, all.p(), 1e-15);
        assertTrue(all.exact());
        // symmetric differences: every flip reaches |sum| = 0
        assertEquals(1.0, PermutationTest.signFlip(new double[] {1, -1, 2, -2}).p(), 1e-15);
        double[] many = new double[21];
        java.util.Arrays.fill(many, 1);
        PermutationTest.Result sampled = PermutationTest.signFlip(many);
        assertFalse(sampled.exact());
        assertTrue(sampled.p() < 0.001, "21 positive differences: p " + sampled.p());
        assertFalse(SignedRank.test(many, 0.95).exact());
    }

    @Test
    void fewerThanSixPairsOrUnequalSidesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RatioComparison.paired(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5}));
        assertThrows(IllegalArgumentException.class,
                () -> RatioComparison.paired(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 2, 3, 4, 5, 6, 7}));
    }

    /**
     * Pairs cancel drift: each pair shares a machine state that moves ±20 % between pairs, and the
     * candidate is 5 % slower within every pair. Welch on the same values as two independent samples
     * cannot see the 5 %; the paired test does, and judges it REGRESSED beyond a 2 % floor.
     */
    @Test
    void pairsSeeAChangeThatDriftHidesFromIndependentSamples() {
        SplittableRandom random = new SplittableRandom(7);
        double[] a = new double[10];
        double[] b = new double[10];
        for (int i = 0; i < a.length; i++) {
            double state = 1000 * Math.exp(0.2 * random.nextGaussian());
            a[i] = state * Math.exp(0.005 * random.nextGaussian());
            b[i] = 1.05 * state * Math.exp(0.005 * random.nextGaussian());
        }
        RatioComparison paired = RatioComparison.paired(a, b);
        RatioComparison independent = RatioComparison.of(a, b);
        assertEquals(Design.PAIRS, paired.design());
        assertEquals(2.0 / 1024, paired.p(), 1e-15, "every pair slower: the smallest p of 10 pairs");
        assertEquals(paired.p(), paired.permutationP());
        assertTrue(independent.p() > 0.2, "independent p " + independent.p());
        assertTrue(paired.ratioLower() > 1.03 && paired.ratioUpper() < 1.07);
        Verdict verdict = RatioComparison.judge(List.of(paired), List.of(Direction.LOWER_IS_BETTER), 0.02, 0.05)
                .get(0).verdict();
        assertEquals(Verdict.REGRESSED, verdict);
    }

    /**
     * The case that made ranks the paired test, from a real experiment on this host
     * (results/2026-12-02-calibrate-power/ab-02, each fork's median of its five iterations' p99 in
     * ns): nine of ten pairs have the candidate slower, and one candidate fork's p99 jumped to 932 ns.
     * Its log ratio inflates the mean and the spread, so the paired t sees nothing (p 0.12); as one
     * rank among ten it cannot, and the signed-rank test judges the slowdown REGRESSED.
     */
    @Test
    void oneDisturbedPairCannotHideAChangeTheOthersShow() {
        double[] baseline = {230, 230, 250, 231, 231, 241, 251, 241, 220, 241};
        double[] candidate = {271, 241, 260, 271, 251, 932, 241, 261, 260, 270};
        assertTrue(new TTest().pairedTTest(logs(candidate), logs(baseline)) > 0.1, "the paired t is blind here");
        RatioComparison paired = RatioComparison.paired(baseline, candidate);
        assertTrue(paired.p() < 0.01, "signed-rank p " + paired.p());
        assertTrue(paired.ratio() > 1.05 && paired.ratio() < 1.15, "typical pair's change " + paired.ratio());
        assertTrue(paired.sigma() < 0.1, "robust spread " + paired.sigma());
        assertEquals(Verdict.REGRESSED, RatioComparison.judge(List.of(paired), List.of(Direction.LOWER_IS_BETTER),
                0.05, 0.05).get(0).verdict());
    }

    /**
     * A/A pairs with one disturbed fork in ten (its value ×3, on either side): the paired test keeps
     * its false-positive rate at α (simulated, 2000 gates).
     */
    @Test
    void aaPairsFalselyFireAtMostAlpha() {
        SplittableRandom random = new SplittableRandom(11);
        int fired = 0;
        int trials = 2000;
        for (int trial = 0; trial < trials; trial++) {
            double[] a = new double[10];
            double[] b = new double[10];
            for (int i = 0; i < a.length; i++) {
                double state = Math.exp(0.3 * random.nextGaussian());
                a[i] = state * Math.exp(0.03 * random.nextGaussian()) * (random.nextInt(20) == 0 ? 3 : 1);
                b[i] = state * Math.exp(0.03 * random.nextGaussian()) * (random.nextInt(20) == 0 ? 3 : 1);
            }
            RatioComparison c = RatioComparison.paired(a, b);
            if (c.p() < 0.05) {
                fired++;
            }
        }
        double rate = (double) fired / trials;
        assertTrue(rate <= 0.06, "A/A rate " + rate); // α = 0.05; the binomial sd over 2000 trials is 0.5 %
        assertTrue(rate >= 0.02, "A/A rate " + rate + ": a test that never fires cannot gate either");
    }

    @Test
    void pairedForksNeededUsesThePairedFactorAtTheSignedRankEfficiency() {
        double[] a = {100, 101, 99, 100, 102, 98, 100, 101};
        double[] b = {103, 99, 104, 98, 100, 105, 97, 101};
        RatioComparison paired = RatioComparison.paired(a, b);
        double delta = Math.log(1.05);
        int expected = Math.max(RatioComparison.MIN_PAIRS,
                (int) Math.ceil(7.85 / (3 / Math.PI) * paired.sigma() * paired.sigma() / (delta * delta)));
        assertEquals(expected, paired.forksNeeded(0.05));
    }

    private static double[] logs(double[] values) {
        return java.util.Arrays.stream(values).map(Math::log).toArray();
    }
}
