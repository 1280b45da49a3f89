package io.storebench.stats.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.Design;
import io.storebench.stats.Direction;
import io.storebench.stats.PermutationTest;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.Verdict;
import io.storebench.stats.Welch;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The run-level design: one value per run, the prediction-interval t for one candidate run, Welch
 * with the permutation confirmation for several, and why it is needed: drift between runs that
 * fork spread does not see.
 */
class RunLevelComparisonTest {
    private static final double FLOOR = 0.05;
    private static final double ALPHA = 0.05;

    private static Verdict verdict(RatioComparison c, Direction direction) {
        return RatioComparison.judge(List.of(c), List.of(direction), FLOOR, ALPHA).get(0).verdict();
    }

    /** Five fork values of a run at exp(offset) × 100 µs, forks tight around it (0.5 % spread). */
    private static double[] run(double offset, SplittableRandom random) {
        double[] forks = new double[5];
        for (int i = 0; i < forks.length; i++) {
            forks[i] = 100_000 * Math.exp(offset + 0.005 * random.nextGaussian());
        }
        return forks;
    }

    @Test
    void oneCandidateRunIsTestedAgainstThePredictionIntervalOfTheBaselineRuns() {
        double[] baseline = {100, 104, 98, 102, 101};
        double candidate = 112;
        RatioComparison c = RunLevelComparison.of(baseline, new double[] {candidate});
        double[] logs = Arrays.stream(baseline).map(Math::log).toArray();
        double mean = Arrays.stream(logs).average().orElseThrow();
        double s = Math.sqrt(Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / 4);
        double scale = s * Math.sqrt(1 + 1.0 / 5);
        double d = Math.log(candidate) - mean;
        TDistribution t4 = new TDistribution(4);
        assertEquals(2 * t4.cumulativeProbability(-Math.abs(d / scale)), c.p(), 1e-12);
        assertEquals(Math.exp(d), c.ratio(), 1e-12);
        assertEquals(Math.exp(d - t4.inverseCumulativeProbability(0.975) * scale), c.ratioLower(), 1e-12);
        assertEquals(Math.exp(d + t4.inverseCumulativeProbability(0.975) * scale), c.ratioUpper(), 1e-12);
        assertEquals(Math.exp(d - t4.inverseCumulativeProbability(0.95) * scale), c.ratio90Lower(), 1e-12);
        assertEquals(Math.exp(d + t4.inverseCumulativeProbability(0.95) * scale), c.ratio90Upper(), 1e-12);
        assertEquals(s, c.sigma(), 1e-12);
        assertEquals(Design.RUNS, c.design());
        // the interval and the p come from the same t: the 95 % interval excludes 1 exactly when p < 0.05
        assertEquals(c.p() < 0.05, c.ratioLower() > 1 || c.ratioUpper() < 1);
        assertFalse(c.hasPermutation(), "one candidate value: no permutation confirmation");
        assertTrue(Double.isNaN(c.permutationP()));
        assertEquals(1, c.candidate().n());
    }

    @Test
    void withoutAPermutationTheVerdictRestsOnTheTTestAlone() {
        double[] baseline = {100, 101, 99, 100.5, 99.5};
        RatioComparison far = RunLevelComparison.of(baseline, new double[] {150});
        assertTrue(far.p() < 1e-4, "p " + far.p());
        assertEquals(Verdict.REGRESSED, verdict(far, Direction.LOWER_IS_BETTER));
        assertEquals(Verdict.IMPROVED, verdict(far, Direction.HIGHER_IS_BETTER));
        RatioComparison near = RunLevelComparison.of(baseline, new double[] {100.2});
        assertEquals(Verdict.NO_CHANGE, verdict(near, Direction.LOWER_IS_BETTER));
    }

    @Test
    void driftBetweenRunsIsCountedByTheRunLevelTestAndMissedByTheForkLevelOne() {
        // Runs of unchanged code whose forks are tight (0.5 %) but whose run means drift (offsets of up
        // to +-6 %): the candidate is one more such run, 8 % above the baseline runs' mean.
        SplittableRandom random = new SplittableRandom(11);
        double[] offsets = {-0.06, -0.02, 0.0, 0.03, 0.05};
        double[][] baselineRuns = new double[offsets.length][];
        for (int i = 0; i < offsets.length; i++) {
            baselineRuns[i] = run(offsets[i], random);
        }
        double[] candidateRun = run(0.08, random);

        RatioComparison forkLevel = RatioComparison.of(baselineRuns[2], candidateRun);
        assertEquals(Verdict.REGRESSED, verdict(forkLevel, Direction.LOWER_IS_BETTER),
                "one run against one run: the fork spread excludes the drift, and the drift looks like a regression");

        double[] baselineValues = Arrays.stream(baselineRuns).mapToDouble(RunLevelComparison::runValue).toArray();
        RatioComparison runLevel = RunLevelComparison.of(baselineValues,
                new double[] {RunLevelComparison.runValue(candidateRun)});
        assertNotEquals(Verdict.REGRESSED, verdict(runLevel, Direction.LOWER_IS_BETTER),
                "the run-level spread includes the drift: p " + runLevel.p());
        assertTrue(runLevel.p() > 0.1, "p " + runLevel.p());
        assertTrue(runLevel.ratio() > 1.07, "the same change, judged against the spread of whole runs");
    }

    @Test
    void underPureDriftTheRunLevelTestKeepsItsFalsePositiveRateAndTheForkLevelTestDoesNot() {
        // 2000 experiments of unchanged code: run offsets N(0, 3 %), forks N(0, 0.5 %) inside a run.
        SplittableRandom random = new SplittableRandom(5);
        int trials = 2000;
        int runLevelRejections = 0;
        int forkLevelRejections = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[] baselineValues = new double[5];
            double[] lastBaseline = null;
            for (int i = 0; i < baselineValues.length; i++) {
                lastBaseline = run(0.03 * random.nextGaussian(), random);
                baselineValues[i] = RunLevelComparison.runValue(lastBaseline);
            }
            double[] candidate = run(0.03 * random.nextGaussian(), random);
            if (RunLevelComparison.of(baselineValues, new double[] {RunLevelComparison.runValue(candidate)}).p()
                    < ALPHA) {
                runLevelRejections++;
            }
            if (RatioComparison.of(lastBaseline, candidate).p() < ALPHA) {
                forkLevelRejections++;
            }
        }
        double runLevelRate = (double) runLevelRejections / trials;
        assertTrue(runLevelRate > 0.03 && runLevelRate < 0.07, "run-level false-positive rate " + runLevelRate);
        assertTrue((double) forkLevelRejections / trials > 0.7, "fork-level rate " + forkLevelRejections / 2000.0);
    }

    @Test
    void severalCandidateRunsAreWelchOnRunValuesConfirmedByThePermutationTest() {
        double[] baseline = {100, 104, 98, 102, 101};
        double[] candidate = {120, 118, 123, 119, 121};
        RatioComparison c = RunLevelComparison.of(baseline, candidate);
        double[] a = Arrays.stream(baseline).map(Math::log).toArray();
        double[] b = Arrays.stream(candidate).map(Math::log).toArray();
        Welch w = Welch.test(a, b, 0.95);
        assertEquals(w.p(), c.p(), 1e-15);
        assertEquals(Math.exp(w.difference()), c.ratio(), 1e-12);
        assertEquals(PermutationTest.test(a, b).p(), c.permutationP(), 1e-15);
        assertEquals(2.0 / 252, c.permutationP(), 1e-12, "the two extreme splits of 5 + 5");
        assertTrue(c.permutationExact());
        assertEquals(Design.RUNS, c.design());
        assertEquals(Verdict.REGRESSED, verdict(c, Direction.LOWER_IS_BETTER));

        // three runs a side: Welch may be sure, the permutation test cannot be (smallest p 2/20)
        RatioComparison few = RunLevelComparison.of(new double[] {100, 101, 99}, new double[] {150, 151, 149});
        assertTrue(few.p() < 0.001);
        assertEquals(0.1, few.permutationP(), 1e-12);
        assertEquals(Verdict.INCONCLUSIVE, verdict(few, Direction.LOWER_IS_BETTER));
        assertEquals(0.1, RunLevelComparison.smallestPermutationP(3, 3), 1e-12);
        assertEquals(0.1, RunLevelComparison.smallestPermutationP(3, 2), 1e-12);
        assertEquals(1.0 / 35, RunLevelComparison.smallestPermutationP(3, 4), 1e-12);
        assertEquals(1, RunLevelComparison.smallestPermutationP(5, 1));
    }

    @Test
    void equalRunsAreDecidedNotNaN() {
        RatioComparison same = RunLevelComparison.of(new double[] {100, 100, 100}, new double[] {100});
        assertEquals(1, same.p());
        assertTrue(same.zeroVariance());
        RatioComparison shifted = RunLevelComparison.of(new double[] {100, 100, 100}, new double[] {110});
        assertEquals(0, shifted.p());
        assertEquals(1.1, shifted.ratio(), 1e-12);
        assertEquals(1.1, shifted.ratioLower(), 1e-12);
    }

    @Test
    void fewerThanThreeBaselineRunsAndBadValuesAreRefused() {
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> RunLevelComparison.of(new double[] {100, 101}, new double[] {102}));
        assertEquals("a run-level comparison needs at least 3 baseline runs and one candidate run; got 2 and 1",
                two.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunLevelComparison.of(new double[] {1, 2, 3},
                new double[0]));
        assertThrows(IllegalArgumentException.class, () -> RunLevelComparison.of(new double[] {1, 2, 0},
                new double[] {1}));
        assertEquals(Math.sqrt(200), RunLevelComparison.runValue(new double[] {100, 2}), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> RunLevelComparison.runValue(new double[] {100, -1}));
    }
}
