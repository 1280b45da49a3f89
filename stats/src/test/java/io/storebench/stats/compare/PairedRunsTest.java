package io.storebench.stats.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.Design;
import io.storebench.stats.Verdict;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.RunRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two sides of an {@code ab} experiment, lined up pair by pair. */
class PairedRunsTest {
    private static final GateSettings P99 = new GateSettings(List.of(KeyMetric.P99), 0.05, 0.05, false, false);

    private static GateResult gate(RunRecord baseline, RunRecord candidate) {
        return GateResult.judge(candidate.runId(), PairedRuns.of(baseline, candidate, P99.metrics()), P99);
    }

    @Test
    void aTenPercentSlowerCandidateIsRegressedByThePairedTest() {
        GateResult result = gate(GateTest.run("a", "memory", 10, 10_000, 20_000, 1),
                GateTest.run("b", "memory", 10, 11_000, 20_000, 2));
        assertEquals(List.of(), result.problems());
        assertEquals(2, result.verdicts().size());
        assertTrue(result.verdicts().stream().allMatch(v -> v.verdict() == Verdict.REGRESSED
                && v.comparison().design() == Design.PAIRS && v.comparison().permutationExact()));
        assertEquals(GateResult.EXIT_REGRESSED, result.exitCode());
    }

    @Test
    void identicalSidesPass() {
        GateResult result = gate(GateTest.run("a", "memory", 10, 10_000, 20_000, 1),
                GateTest.run("b", "memory", 10, 10_000, 20_000, 1));
        assertEquals(GateResult.EXIT_PASS, result.exitCode());
        assertTrue(result.verdicts().stream().allMatch(v -> v.verdict() == Verdict.NO_CHANGE));
    }

    @Test
    void oneEngineAgainstAnotherIsOneKeyNamingBoth() {
        GateResult result = gate(GateTest.run("a", "rocksdb", 8, 10_000, 20_000, 1),
                GateTest.run("b", "lmdb", 8, 10_000, 20_000, 3));
        assertEquals(List.of(), result.problems());
        assertEquals("rocksdb vs lmdb/ycsb-a/read/p99", result.verdicts().get(0).key().label());
    }

    @Test
    void aPairWithAForkOnOneSideOnlyIsAProblem() {
        RunRecord baseline = GateTest.run("a", "memory", 8, 10_000, 20_000, 1);
        RunRecord candidate = GateTest.run("b", "memory", 8, 10_000, 20_000, 2);
        EngineRun engine = candidate.engines().get(0);
        RunRecord shorter = new RunRecord(candidate.schema(), candidate.runId(), candidate.createdAt(),
                candidate.command(), candidate.options(), candidate.settings(), candidate.environment(),
                List.of(new EngineRun(engine.engine(), engine.description(), engine.capabilities(), engine.durability(),
                        null, engine.versions(), engine.forks().subList(0, 7))), true, List.of());
        GateResult result = gate(baseline, shorter);
        assertEquals(GateResult.EXIT_INVALID, result.exitCode());
        assertTrue(result.problems().get(0).contains("pairs with a value on one side only: 7 (baseline only)"),
                result.problems().toString());
    }

    @Test
    void fewerThanSixPairsAreRefused() {
        GateResult result = gate(GateTest.run("a", "memory", 5, 10_000, 20_000, 1),
                GateTest.run("b", "memory", 5, 10_000, 20_000, 2));
        assertEquals(GateResult.EXIT_INVALID, result.exitCode());
        assertTrue(result.problems().get(0).contains("5 complete pairs; at least 6 are needed"),
                result.problems().toString());
    }

    @Test
    void tooFewPairsForTheAlphaAreSaidOnce() {
        GateSettings strict = new GateSettings(List.of(KeyMetric.P99), 0.05, 0.01, false, false);
        GateResult result = GateResult.judge("b", PairedRuns.of(GateTest.run("a", "memory", 6, 10_000, 20_000, 1),
                GateTest.run("b", "memory", 6, 20_000, 20_000, 2), strict.metrics()), strict);
        assertTrue(result.warnings().contains("with 6 pairs the signed-rank test's smallest p is 0.0313, not below"
                + " alpha 0.01 / 2 keys (Holm): no key can be judged REGRESSED or IMPROVED; 9 pairs would allow it"),
                result.warnings().toString());
        assertTrue(result.verdicts().stream().noneMatch(v -> v.verdict() == Verdict.REGRESSED));
    }

    /** Holm's first step needs p below alpha / keys: 6 pairs (smallest p 0.031) reach 0.1 / 2 keys, not 0.05 / 4. */
    @Test
    void tooFewPairsForHolmAcrossKeysAreSaidOnce() {
        GateSettings two = new GateSettings(List.of(KeyMetric.P99, KeyMetric.P50), 0.05, 0.05, false, false);
        GateResult result = GateResult.judge("b", PairedRuns.of(GateTest.run("a", "memory", 6, 10_000, 20_000, 1),
                GateTest.run("b", "memory", 6, 20_000, 20_000, 2), two.metrics()), two);
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("with 6 pairs the signed-rank test's"
                + " smallest p is 0.0313, not below alpha 0.05 / 4 keys (Holm)")), result.warnings().toString());
        GateSettings one = new GateSettings(List.of(KeyMetric.P99), 0.05, 0.1, false, false); // read and update
        GateResult single = GateResult.judge("b", PairedRuns.of(GateTest.run("a", "memory", 6, 10_000, 20_000, 1),
                GateTest.run("b", "memory", 6, 20_000, 20_000, 2), one.metrics()), one);
        assertTrue(single.warnings().stream().noneMatch(w -> w.contains("smallest p")), single.warnings().toString());
        assertTrue(single.verdicts().stream().allMatch(v -> v.verdict() == Verdict.REGRESSED));
    }

    @Test
    void theSameEnginesInAnotherOrderArePaired() {
        RunRecord a = GateTest.run("a", "memory", 6, 10_000, 20_000, 1);
        RunRecord b = GateTest.run("b", "null", 6, 10_000, 20_000, 2);
        RunRecord ab = new RunRecord(a.schema(), "ab", a.createdAt(), a.command(), a.options(), a.settings(),
                a.environment(), List.of(a.engines().get(0), b.engines().get(0)), true, List.of());
        RunRecord ba = new RunRecord(a.schema(), "ba", a.createdAt(), a.command(), a.options(), a.settings(),
                a.environment(), List.of(b.engines().get(0), a.engines().get(0)), true, List.of());
        assertEquals(List.of(), PairedRuns.of(ab, ba, P99.metrics()).problems());
    }

    @Test
    void pairTagsDropTheEngine() {
        assertEquals("p03", PairedRuns.pairTag("rocksdb-p03", "rocksdb"));
        assertEquals("other-p03", PairedRuns.pairTag("other-p03", "rocksdb"));
    }
}
