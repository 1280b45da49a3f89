package io.storebench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The paired design of {@code ab}: paired t, sign-flip permutation, and why pairs beat separate samples. */
class PairedComparisonTest {

    @Test
    void pairedTAgreesWithCommonsMath() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 30; trial++) {
            double[] a = new double[10];
            double[] b = new double[10];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextGaussian();
                b[i] = a[i] + 0.3 + 0.5 * random.nextGaussian();
            }
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = b[i] - a[i];
            }
            assertEquals(new TTest().pairedTTest(a, b), PairedT.test(d, 0.95).p(), 1e-9);
        }
    }

    @Test
    void pairedTIntervalIsTheTextbookOne() {
        double[] d = {1, 2, 3, 4, 5};
        PairedT t = PairedT.test(d, 0.95);
        double half = 2.7764451051977987 * Math.sqrt(2.5) / Math.sqrt(5); // t(0.975, 4) * sd / sqrt(n)
        assertEquals(3, t.mean(), 1e-12);
        assertEquals(3 - half, t.lower(), 1e-9);
        assertEquals(3 + half, t.upper(), 1e-9);
    }

    @Test
    void zeroSpreadIsDecidedNotNaN() {
        assertEquals(1, PairedT.test(new double[] {0, 0, 0}, 0.95).p());
        assertEquals(0, PairedT.test(new double[] {0.1, 0.1, 0.1}, 0.95).p());
        RatioComparison constant = RatioComparison.paired(new double[] {100, 100, 100, 100, 100, 100},
                new double[] {110, 110, 110, 110, 110, 110});
        assertTrue(constant.zeroVariance());
        assertEquals(1.1, constant.ratio(), 1e-12);
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
        assertTrue(paired.p() < 0.001 && paired.permutationP() < 0.01, "paired p " + paired.p());
        assertTrue(independent.p() > 0.2, "independent p " + independent.p());
        assertTrue(paired.ratioLower() > 1.03 && paired.ratioUpper() < 1.07);
        Verdict verdict = RatioComparison.judge(List.of(paired), List.of(Direction.LOWER_IS_BETTER), 0.02, 0.05)
                .get(0).verdict();
        assertEquals(Verdict.REGRESSED, verdict);
    }

    /** A/A pairs: the paired test keeps its false-positive rate at α (simulated, 2000 gates). */
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
                a[i] = state * Math.exp(0.03 * random.nextGaussian());
                b[i] = state * Math.exp(0.03 * random.nextGaussian());
            }
            RatioComparison c = RatioComparison.paired(a, b);
            if (c.p() < 0.05 && c.permutationP() < 0.05) {
                fired++;
            }
        }
        double rate = (double) fired / trials;
        assertTrue(rate <= 0.06, "A/A rate " + rate); // α = 0.05; the binomial sd over 2000 trials is 0.5 %
        assertTrue(rate >= 0.02, "A/A rate " + rate + ": a test that never fires cannot gate either");
    }

    @Test
    void pairedForksNeededUsesThePairedFactor() {
        double[] a = {100, 101, 99, 100, 102, 98, 100, 101};
        double[] b = {103, 99, 104, 98, 100, 105, 97, 101};
        RatioComparison paired = RatioComparison.paired(a, b);
        double delta = Math.log(1.05);
        int expected = Math.max(RatioComparison.MIN_PAIRS,
                (int) Math.ceil(7.85 * paired.sigma() * paired.sigma() / (delta * delta)));
        assertEquals(expected, paired.forksNeeded(0.05));
    }
}
