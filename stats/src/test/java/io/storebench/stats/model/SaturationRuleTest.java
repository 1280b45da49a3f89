package io.storebench.stats.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The saturation rule on forks built with the figures of issue #15 and of runs that kept their rate. */
class SaturationRuleTest {
    /** A fork of {@code operations} reads at {@code throughput} ops/s, {@code late} of them late; rate 0: closed loop. */
    static ForkResult fork(String id, double rate, double throughput, long operations, long late) {
        OperationResult read = new OperationResult("read", new LatencySummary(operations, 1e5, 111_000_000L,
                150_000_000L, 200_000_000L, 210_000_000L, 220_000_000L), throughput, 0, 0, 0, null, null);
        return new ForkResult("rocksdb", id, 2, "buffered", "fp", rate <= 0, rate, null, throughput,
                List.of(throughput), List.of(read), null, late, 0, 0, null, List.of(), Map.of(), null);
    }

    @Test
    void theIssuesRunIsSaturatedOnBothCounts() {
        // target 20,000 ops/s, 11,731 achieved, 99.97 % of operations late (issue #15)
        Saturation s = SaturationRule.of(List.of(fork("f1", 20_000, 11_731, 351_930, 351_824)));
        assertTrue(s.saturated());
        assertEquals(20_000, s.targetRate());
        assertEquals(11_731, s.achievedRate());
        assertEquals(0.58655, s.achievedShare(), 1e-9);
        assertEquals(351_824 / 351_930.0, s.lateShare(), 1e-12);
        assertEquals("open-loop target 20,000 ops/s, achieved 11,731 (58.7 %), 99.97 % of operations late",
                s.describe());
        assertEquals("1 of 1 forks saturated: achieved 58.7 % of the target rate (below 95 %); 99.97 % of operations"
                + " late by more than one interval (over 50 %)", s.why());
        assertEquals(1, s.saturatedForks());
        assertEquals(s.why().substring("1 of 1 forks saturated: ".length()), s.forks().get(0).why());
    }

    @Test
    void aRunThatKeptItsRateIsNotSaturated() {
        // 99 % of the rate (the pacer starts a little after the iteration), a few operations late to scheduling noise
        Saturation s = SaturationRule.of(List.of(fork("f1", 1000, 990, 2970, 12), fork("f2", 1000, 1001, 3003, 0)));
        assertFalse(s.saturated());
        assertNull(s.why());
        assertEquals(0, s.saturatedForks());
        assertEquals(995.5, s.achievedRate(), 1e-9);
        assertEquals(5973, s.operations());
        assertEquals(12, s.lateOperations());
    }

    @Test
    void eachThresholdAloneSaturatesAndTheBoundariesDoNot() {
        // at the boundaries: 95 % achieved, 50 % late
        assertFalse(SaturationRule.of(List.of(fork("f", 1000, 950, 1000, 500))).saturated());
        Saturation slow = SaturationRule.of(List.of(fork("f", 1000, 949, 1000, 0)));
        assertTrue(slow.saturated());
        assertEquals("1 of 1 forks saturated: achieved 94.9 % of the target rate (below 95 %)", slow.why());
        // kept the rate on average, but most operations waited: p50 holds the wait
        Saturation late = SaturationRule.of(List.of(fork("f", 1000, 1000, 1000, 501)));
        assertTrue(late.saturated());
        assertEquals("1 of 1 forks saturated: 50.10 % of operations late by more than one interval (over 50 %)",
                late.why());
    }

    @Test
    void oneStallIsNotSaturation() {
        // RunIT's null engine stalling 1 s in a 3 s iteration at 1000 ops/s: about a third late, the rate caught up
        assertFalse(SaturationRule.of(List.of(fork("f", 1000, 1000, 3000, 1000))).saturated());
    }

    @Test
    void oneSaturatedForkSaturatesTheEngineAndIsNamed() {
        List<ForkResult> forks = List.of(fork("f1", 1000, 1000, 3000, 0), fork("f2", 1000, 1000, 3000, 0),
                fork("f3", 1000, 900, 2700, 0));
        Saturation s = SaturationRule.of(forks);
        assertTrue(s.saturated());
        assertEquals(1, s.saturatedForks());
        assertEquals(List.of(false, false, true), s.forks().stream().map(Saturation.ForkSaturation::saturated).toList());
        // the forks together achieved 96.7 %: the line names the fork that did not
        assertEquals("1 of 3 forks saturated: fork f3 achieved 90.0 % of the target rate (below 95 %)", s.why());
        assertTrue(s.describe().endsWith("(1 of 3 forks saturated)"), s.describe());
    }

    @Test
    void aClosedLoopHasNothingToJudge() {
        assertNull(SaturationRule.of(List.of(fork("f1", 0, 50_000, 150_000, 0))));
        assertNull(SaturationRule.of(List.of()));
    }
}
