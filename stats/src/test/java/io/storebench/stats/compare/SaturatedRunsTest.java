package io.storebench.stats.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SaturationRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A saturated open-loop run is a problem for the gate unless allowed; an old open-loop run is one warning. */
class SaturatedRunsTest {
    private static final GateSettings P99 = new GateSettings(List.of(KeyMetric.P99), 0.05, 0.05, false, false);

    /** {@code run} as an open-loop run at {@code rate}, its forks achieving {@code achieved}, saturation recorded or not. */
    private static RunRecord openLoop(RunRecord run, double rate, double achieved, boolean recorded) {
        List<EngineRun> engines = new ArrayList<>();
        for (EngineRun e : run.engines()) {
            List<ForkResult> forks = e.forks().stream().map(f -> new ForkResult(f.engine(), f.forkId(), f.threads(),
                    f.durability(), f.workloadFingerprint(), false, rate, f.load(), achieved, List.of(achieved),
                    f.operations(), f.engineMetrics(), 0, 0, 0, null, List.of(), f.versions(), null)).toList();
            engines.add(new EngineRun(e.engine(), e.description(), e.capabilities(), e.durability(), e.profile(),
                    e.versions(), forks, List.of(), recorded ? SaturationRule.of(forks) : null));
        }
        return new RunRecord(run.schema(), run.runId(), run.createdAt(), run.command(), run.options(), run.settings(),
                run.environment(), engines, run.complete(), run.missing());
    }

    private static GateResult gate(RunRecord baseline, RunRecord candidate, boolean allowed) {
        GateResult judged = GateResult.judge(candidate.runId(), RunPairing.of(baseline, candidate, P99.metrics(), false),
                P99);
        return SaturatedRuns.judged(judged, SaturatedRuns.named(List.of(baseline), List.of(candidate)), allowed);
    }

    @Test
    void aSaturatedCandidateIsAProblemUnlessAllowed() {
        RunRecord baseline = openLoop(GateTest.run("b", "lmdb", 5, 10_000, 100_000, 1), 20_000, 19_990, true);
        RunRecord candidate = openLoop(GateTest.run("c", "lmdb", 5, 10_000, 100_000, 2), 20_000, 11_731, true);

        GateResult refused = gate(baseline, candidate, false);
        assertEquals(GateResult.EXIT_INVALID, refused.exitCode());
        assertEquals(List.of("candidate run c: lmdb is saturated: open-loop target 20,000 ops/s, achieved 11,731"
                + " (58.7 %), 0.00 % of operations late: its latencies measure the queue, not the engine; give"
                + " --allow-saturated to compare it anyway"), refused.problems());
        assertEquals(2, refused.verdicts().size(), "the keys are still judged, as for any problem");

        GateResult allowed = gate(baseline, candidate, true);
        assertEquals(GateResult.EXIT_PASS, allowed.exitCode(), allowed.problems().toString());
        assertTrue(allowed.warnings().stream().anyMatch(w -> w.startsWith("candidate run c: lmdb is saturated: ")
                && w.endsWith("(allowed by --allow-saturated)")), allowed.warnings().toString());
    }

    @Test
    void runsThatKeptTheirRateAndClosedLoopsSayNothing() {
        RunRecord baseline = openLoop(GateTest.run("b", "lmdb", 5, 10_000, 100_000, 1), 20_000, 19_990, true);
        RunRecord candidate = openLoop(GateTest.run("c", "lmdb", 5, 10_000, 100_000, 2), 20_000, 19_500, true);
        GateResult kept = gate(baseline, candidate, false);
        assertEquals(GateResult.EXIT_PASS, kept.exitCode(), kept.problems().toString());
        assertTrue(kept.warnings().stream().noneMatch(w -> w.contains("saturat")), kept.warnings().toString());

        GateResult closed = gate(GateTest.run("b", "lmdb", 5, 10_000, 100_000, 1),
                GateTest.run("c", "lmdb", 5, 10_000, 100_000, 2), false);
        assertEquals(GateResult.EXIT_PASS, closed.exitCode());
        assertTrue(closed.warnings().stream().noneMatch(w -> w.contains("saturat")), closed.warnings().toString());
    }

    @Test
    void anOpenLoopRunWrittenBeforeSaturationWasRecordedIsOneWarning() {
        // not judged from its figures: a run written before the rule existed is "not known", never refused
        RunRecord baseline = openLoop(GateTest.run("b", "lmdb", 5, 10_000, 100_000, 1), 20_000, 11_731, false);
        RunRecord candidate = openLoop(GateTest.run("c", "lmdb", 5, 10_000, 100_000, 2), 20_000, 19_990, true);
        GateResult result = gate(baseline, candidate, false);
        assertEquals(GateResult.EXIT_PASS, result.exitCode(), result.problems().toString());
        assertEquals(List.of("baseline run b ran open-loop at 20,000 ops/s and was written before saturation was"
                + " recorded: whether lmdb kept that rate is not known"), result.warnings().stream()
                .filter(w -> w.contains("saturation")).toList());
    }
}
