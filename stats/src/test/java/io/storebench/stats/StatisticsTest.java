package io.storebench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    // Welch's t-test, Wikipedia, examples 1 and 2 (t, df and p as published there).
    private static final double[] WIKI_A1 = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6,
        19.0, 21.7, 21.4};
    private static final double[] WIKI_A2 = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1,
        22.9, 20.5, 24.4};
    private static final double[] WIKI_B1 = {17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8};
    private static final double[] WIKI_B2 = {21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7,
        21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8};

    @Test
    void welchMatchesTheTextbookExamples() {
        Welch first = Welch.test(WIKI_A1, WIKI_A2, 0.95);
        assertEquals(2.46, first.t(), 0.005); // published as -2.46 for A1 - A2; here b - a
        assertEquals(24.9, first.degreesOfFreedom(), 0.1); // published to one decimal; exact: 24.99
        assertEquals(0.021, first.p(), 0.0005);
        Welch second = Welch.test(WIKI_B1, WIKI_B2, 0.95);
        assertEquals(1.57, second.t(), 0.005);
        assertEquals(9.9, second.degreesOfFreedom(), 0.1);
        assertEquals(0.149, second.p(), 0.0005);
    }

    @Test
    void welchAgreesWithCommonsMath() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            double[] a = normal(random, 5 + random.nextInt(20), 10, 1 + random.nextDouble() * 3);
            double[] b = normal(random, 5 + random.nextInt(20), 10.5, 1 + random.nextDouble() * 3);
            Welch ours = Welch.test(a, b, 0.95);
            assertEquals(Math.abs(new TTest().t(a, b)), Math.abs(ours.t()), 1e-9);
            assertEquals(new TTest().tTest(a, b), ours.p(), 1e-9);
        }
    }

    @Test
    void unequalVariancesFoolAPooledTestButNotWelch() {
        double[] small = {0, 10, 20, 30}; // few values, large spread
        double[] large = new double[30];
        for (int i = 0; i < large.length; i++) {
            large[i] = 25 + (i % 3 - 1) * 0.5; // many values, small spread
        }
        double pooled = new TTest().homoscedasticTTest(small, large);
        double welch = Welch.test(small, large, 0.95).p();
        assertTrue(pooled < 0.05, "the pooled test calls it significant: " + pooled);
        assertTrue(welch > 0.05, "Welch does not: " + welch);
    }

    @Test
    void holmAdjustsAKnownPVector() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.9}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {Double.NaN}));
    }

    @Test
    void edgeCasesAreDecidedNotLeftToNaN() {
        Welch identical = Welch.test(new double[] {5, 5, 5}, new double[] {5, 5, 5}, 0.95);
        assertEquals(0, identical.t());
        assertEquals(1, identical.p());
        Welch constantApart = Welch.test(new double[] {5, 5, 5}, new double[] {6, 6, 6}, 0.95);
        assertEquals(Double.POSITIVE_INFINITY, constantApart.t());
        assertEquals(0, constantApart.p());
        Welch sameValuesShuffled = Welch.test(new double[] {1, 2, 3}, new double[] {3, 1, 2}, 0.95);
        assertEquals(1, sameValuesShuffled.p(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Welch.test(new double[] {1}, new double[] {1, 2}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Welch.test(new double[] {1, Double.NaN}, new double[] {1, 2},
                0.95));
        assertThrows(IllegalArgumentException.class, () -> Welch.test(new double[] {1, 2},
                new double[] {1, Double.POSITIVE_INFINITY}, 0.95));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> RatioComparison.of(new double[] {1, 2, 3, 4, 0}, new double[] {1, 2, 3, 4, 5}));
        assertTrue(zero.getMessage().contains("must be positive"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RatioComparison.of(new double[] {1, 2, 3, 4, -5}, new double[] {1, 2, 3, 4, 5}));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> RatioComparison.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4, 5}));
        assertTrue(few.getMessage().contains("at least 5 forks"), few.getMessage());
    }

    @Test
    void rescalingBothSidesChangesNothingAndZScoringEachSideErasesEveryDifference() {
        double[] a = {100, 104, 98, 101, 103, 99};
        double[] b = {120, 118, 125, 121, 119, 123};
        double[] logA = Samples.logs("a", a);
        double[] logB = Samples.logs("b", b);
        Welch plain = Welch.test(logA, logB, 0.95);
        double scale = Samples.mean(a); // normalise both to the baseline's mean
        Welch rescaled = Welch.test(Samples.logs("a", divide(a, scale)), Samples.logs("b", divide(b, scale)), 0.95);
        assertEquals(plain.t(), rescaled.t(), 1e-9);
        assertEquals(plain.p(), rescaled.p(), 1e-12);
        Welch zScored = Welch.test(zScore(logA), zScore(logB), 0.95);
        assertEquals(0, zScored.t(), 1e-9);
        assertEquals(1, zScored.p(), 1e-9);
        assertTrue(plain.p() < 1e-6, "the difference is real: " + plain.p());
    }

    @Test
    void permutationTestIsExactForSmallSamples() {
        // Fully separated 3 vs 3: 2 of the 20 splits are as extreme: p = 0.10 (a normal approximation says 0.0495).
        assertEquals(0.10, PermutationTest.pValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-12);
        assertEquals(1.0, PermutationTest.pValue(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        // 10 vs 10 fully separated: 2 / C(20, 10).
        double[] low = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] high = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        assertEquals(2.0 / 184_756, PermutationTest.pValue(low, high), 1e-15);
    }

    @Test
    void ratioAndVerdicts() {
        double[] base = {100, 102, 98, 101, 99, 100, 103, 97, 100, 101};
        RatioComparison slower = RatioComparison.of(base, multiply(base, 1.30));
        assertEquals(1.30, slower.ratio(), 1e-9);
        assertTrue(slower.ratioLower() > 1.25 && slower.ratioUpper() < 1.35);
        RatioComparison faster = RatioComparison.of(base, multiply(base, 0.7));
        RatioComparison tiny = RatioComparison.of(base, multiply(base, 1.02));
        RatioComparison same = RatioComparison.of(base, shuffle(base));
        List<RatioComparison.Judged> judged = RatioComparison.judge(List.of(slower, faster, tiny, same),
                List.of(Direction.LOWER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.LOWER_IS_BETTER,
                        Direction.LOWER_IS_BETTER), 0.05, 0.05);
        assertEquals(Verdict.REGRESSED, judged.get(0).verdict());
        assertEquals(Verdict.IMPROVED, judged.get(1).verdict());
        assertEquals(Verdict.BELOW_FLOOR, judged.get(2).verdict());
        assertEquals(Verdict.NO_CHANGE, judged.get(3).verdict());
        List<RatioComparison.Judged> throughput = RatioComparison.judge(List.of(slower), List.of(
                Direction.HIGHER_IS_BETTER), 0.05, 0.05);
        assertEquals(Verdict.IMPROVED, throughput.get(0).verdict(), "more throughput is better");
        double[] noisy = {60, 140, 80, 120, 100};
        RatioComparison unclear = RatioComparison.of(noisy, multiply(noisy, 1.1));
        RatioComparison.Judged verdict = RatioComparison.judge(List.of(unclear), List.of(Direction.LOWER_IS_BETTER),
                0.05, 0.05).get(0);
        assertEquals(Verdict.INCONCLUSIVE, verdict.verdict());
        assertTrue(verdict.forksNeeded() > 5, "forks that would decide it: " + verdict.forksNeeded());
    }

    /** A/A: no true difference, three keys per gate run, 1000 runs: the family-wise false-positive rate holds. */
    @Test
    void anAaSimulationKeepsTheFamilyWiseFalsePositiveRate() {
        SplittableRandom random = new SplittableRandom(2026);
        int runs = 1000;
        int falsePositives = 0;
        for (int run = 0; run < runs; run++) {
            List<RatioComparison> family = new ArrayList<>();
            for (int key = 0; key < 3; key++) {
                family.add(RatioComparison.of(lognormalForks(random, 8, 100, 0.05), lognormalForks(random, 8, 100, 0.05)));
            }
            List<RatioComparison.Judged> judged = RatioComparison.judge(family, Collections.nCopies(3,
                    Direction.LOWER_IS_BETTER), 0.05, 0.05);
            if (judged.stream().anyMatch(j -> j.holmP() < 0.05)) {
                falsePositives++;
            }
        }
        double rate = falsePositives / (double) runs;
        double allowed = 0.05 + 3 * Math.sqrt(0.05 * 0.95 / runs);
        assertTrue(rate <= allowed, "family-wise false positives " + rate + " > " + allowed);
    }

    /** Power: a 20 % p99 shift with 5 % fork-to-fork spread over 10 forks is flagged nearly always. */
    @Test
    void aTwentyPercentShiftIsCaught() {
        SplittableRandom random = new SplittableRandom(7);
        int trials = 200;
        int caught = 0;
        for (int trial = 0; trial < trials; trial++) {
            RatioComparison c = RatioComparison.of(lognormalForks(random, 10, 100, 0.05),
                    lognormalForks(random, 10, 120, 0.05));
            if (RatioComparison.judge(List.of(c), List.of(Direction.LOWER_IS_BETTER), 0.05, 0.05).get(0).verdict()
                    == Verdict.REGRESSED) {
                caught++;
            }
        }
        assertTrue(caught >= 0.95 * trials, "caught " + caught + " of " + trials);
    }

    private static double[] lognormalForks(SplittableRandom random, int forks, double median, double spread) {
        double[] values = new double[forks];
        for (int i = 0; i < forks; i++) {
            values[i] = median * Math.exp(spread * gaussian(random));
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double[] normal(SplittableRandom random, int n, double mean, double sd) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * gaussian(random);
        }
        return values;
    }

    private static double[] divide(double[] values, double by) {
        return multiply(values, 1 / by);
    }

    private static double[] multiply(double[] values, double by) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * by;
        }
        return out;
    }

    private static double[] shuffle(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length / 2; i++) {
            double swap = out[i];
            out[i] = out[out.length - 1 - i];
            out[out.length - 1 - i] = swap;
        }
        return out;
    }

    private static double[] zScore(double[] values) {
        double mean = Samples.mean(values);
        double sd = Math.sqrt(Samples.variance(values, mean));
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - mean) / sd;
        }
        return out;
    }
}
