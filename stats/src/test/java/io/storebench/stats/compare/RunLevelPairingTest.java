package io.storebench.stats.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.Design;
import io.storebench.stats.Verdict;
import io.storebench.stats.model.RunRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several baseline runs against one or more candidates: one value per run, and runs that must agree. */
class RunLevelPairingTest {
    private static final List<KeyMetric> P99 = List.of(KeyMetric.P99);
    private static final GateSettings SETTINGS = new GateSettings(P99, 0.05, 0.05, false, false);

    private static RunRecord run(String id, long p99) {
        return GateTest.run(id, "lmdb", 5, p99, 200_000, id.hashCode());
    }

    private static List<RunRecord> baselines() {
        return List.of(run("b1", 10_000), run("b2", 10_300), run("b3", 9_800), run("b4", 10_100));
    }

    @Test
    void eachRunContributesTheGeometricMeanOfItsForks() {
        RunRecord candidate = run("c", 10_000);
        RunPairing pairing = RunLevelPairing.of(baselines(), List.of(candidate), P99, false);
        assertEquals(List.of(), pairing.problems());
        assertEquals(Design.RUNS, pairing.design());
        RunPairing.KeyPair read = pairing.pairs().get(0);
        assertEquals("lmdb/ycsb-a/read/p99", read.key().label());
        assertEquals(List.of("b1", "b2", "b3", "b4"), read.baseline().forkIds());
        assertEquals(List.of("c"), read.candidate().forkIds());
        double[] forks = RunSamples.of(baselines().get(1), P99).get(read.key()).values();
        assertEquals(RunLevelComparison.runValue(forks), read.baseline().values()[1], 1e-9);
        assertEquals(200_000, read.baseline().fewestOperations());
    }

    @Test
    void theGateJudgesRunValuesWithTheRunLevelTest() {
        GateResult same = GateResult.judge("c", RunLevelPairing.of(baselines(), List.of(run("c", 10_050)), P99,
                false), SETTINGS);
        assertEquals(0, same.count(Verdict.REGRESSED));
        assertTrue(same.verdicts().stream().allMatch(v -> v.comparison().design() == Design.RUNS));
        assertTrue(same.verdicts().stream().noneMatch(v -> v.comparison().hasPermutation()));
        GateResult worse = GateResult.judge("c", RunLevelPairing.of(baselines(), List.of(run("c", 20_000)), P99,
                false), SETTINGS);
        assertEquals(2, worse.count(Verdict.REGRESSED), worse.verdicts().toString());
        assertEquals(GateResult.EXIT_REGRESSED, worse.exitCode());
    }

    @Test
    void severalCandidateRunsTooFewToConfirmAreSaidOnce() {
        GateResult two = GateResult.judge("c1,c2", RunLevelPairing.of(baselines().subList(0, 3),
                List.of(run("c1", 20_000), run("c2", 20_100)), P99, false), SETTINGS);
        assertEquals(0, two.count(Verdict.REGRESSED), "3 + 2 runs: the permutation's smallest p is 0.1");
        assertEquals(List.of("with 3 baseline and 2 candidate runs the permutation test's smallest p is 0.100, not"
                + " below alpha 0.05: no key can be confirmed REGRESSED or IMPROVED; 4 candidate runs (or more"
                + " baseline runs) would allow it"), two.warnings());
        GateResult five = GateResult.judge("c", RunLevelPairing.of(baselines(), List.of(run("c1", 20_000),
                run("c2", 20_100), run("c3", 19_900), run("c4", 20_300)), P99, false), SETTINGS);
        assertEquals(2, five.count(Verdict.REGRESSED), five.verdicts().toString());
        assertEquals(List.of(), five.warnings());
    }

    @Test
    void everyRunMustAgreeWithTheFirstBaselineAndBeNamed() {
        RunRecord other = GateTest.run("b3", "lmdb", 5, 9_800, 20_000, 3);
        other.environment().put("cores", 4);
        RunPairing pairing = RunLevelPairing.of(List.of(run("b1", 10_000), run("b2", 10_300), other),
                List.of(run("c", 10_000)), P99, false);
        assertEquals(List.of("different environment between baseline run b1 and baseline run b3: cores '2' vs '4'; give"
                + " --allow-cross-host to compare runs from different machines"), pairing.problems());

        RunRecord records = run("c", 10_000);
        records = new RunRecord(records.schema(), "c", records.createdAt(), records.command(), records.options(),
                new io.storebench.stats.model.SettingsRecord("ycsb-a", 5000, records.settings().mix(), "uniform",
                        "ycsb", 23, "100", null, null, 1, 1, "buffered", 64L << 20, java.util.Map.of(), "quick", 5, 1,
                        1000L, 3, 1000L, "time", null, "closed", 0, null),
                records.environment(), records.engines(), true, List.of());
        assertEquals(List.of("different workload configuration: records is 1000 in baseline run b1 and 5000 in"
                + " candidate run c"), RunLevelPairing.of(baselines(), List.of(records), P99, false).problems());
    }

    @Test
    void aKeyMissingFromARunIsAProblemAndAnyForkCountWillDo() {
        RunPairing pairing = RunLevelPairing.of(baselines(), List.of(GateTest.run("c", "rocksdb", 2, 10_000, 20_000,
                1)), P99, false);
        assertTrue(pairing.problems().contains("lmdb/ycsb-a/read/p99: not in candidate run c"), pairing.problems()
                .toString());
        assertTrue(pairing.problems().contains("rocksdb/ycsb-a/read/p99: not in baseline run b1, baseline run b2,"
                + " baseline run b3, baseline run b4"), pairing.problems().toString());
        RunPairing twoForks = RunLevelPairing.of(baselines(), List.of(GateTest.run("c", "lmdb", 2, 10_000, 20_000,
                1)), P99, false);
        assertEquals(List.of(), twoForks.problems(), "the run is the sample: two forks make one value");
        RunPairing fewOperations = RunLevelPairing.of(baselines(), List.of(GateTest.run("c", "lmdb", 5, 10_000,
                9_000, 1)), P99, false);
        assertTrue(fewOperations.problems().get(0).contains("candidate run c has a fork of 9,000 operations; p99 needs"
                + " at least 10,000"), fewOperations.problems().toString());
    }

    @Test
    void fewerThanThreeBaselineRunsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunLevelPairing.of(baselines().subList(0, 2), List.of(run("c", 1)), P99, false));
        assertEquals("a run-level comparison needs at least 3 baseline runs and one candidate run; got 2 and 1",
                e.getMessage());
    }
}
