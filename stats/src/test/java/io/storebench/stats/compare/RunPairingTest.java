package io.storebench.stats.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SettingsRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link RunPairing} refuses besides different values: a workload setting recorded on one side
 * only, and forks that did not run what their run says (its threads, their engine's durability).
 */
class RunPairingTest {
    private static final List<KeyMetric> P99 = List.of(KeyMetric.P99);

    private static RunRecord run(String id) {
        return GateTest.run(id, "lmdb", 5, 10_000, 20_000, id.hashCode());
    }

    /** {@code run} with its settings' distribution replaced. */
    private static RunRecord withDistribution(RunRecord run, String distribution) {
        SettingsRecord s = run.settings();
        SettingsRecord changed = new SettingsRecord(s.workload(), s.records(), s.mix(), distribution, s.keyFormat(),
                s.keySize(), s.valueSize(), s.valueSizeMin(), s.valueSizeMax(), s.seed(), s.threads(), s.durability(),
                s.cacheBytes(), s.engineOptions(), s.profile(), s.forks(), s.warmupIterations(), s.warmupMillis(),
                s.iterations(), s.iterationMillis(), s.mode(), s.operations(), s.loop(), s.rate(), s.injectTail());
        return new RunRecord(run.schema(), run.runId(), run.createdAt(), run.command(), run.options(), changed,
                run.environment(), run.engines(), run.complete(), run.missing());
    }

    /** {@code run} whose engine ran with {@code durability} and whose fork {@code index} ran these threads and durability. */
    private static RunRecord withFork(RunRecord run, String engineDurability, int index, int threads,
            String durability) {
        EngineRun engine = run.engines().get(0);
        List<ForkResult> forks = new ArrayList<>(engine.forks());
        ForkResult f = forks.get(index);
        forks.set(index, new ForkResult(f.engine(), f.forkId(), threads, durability, f.workloadFingerprint(),
                f.closedLoop(), f.rate(), f.load(), f.throughput(), f.iterationThroughputs(), f.operations(),
                f.engineMetrics(), f.lateOperations(), f.maxScheduleLagNanos(), f.injectedOperations(), f.firstError(),
                f.unavailable(), f.versions(), f.boundary()));
        EngineRun changed = new EngineRun(engine.engine(), engine.description(), engine.capabilities(),
                engineDurability, engine.profile(), engine.versions(), forks);
        return new RunRecord(run.schema(), run.runId(), run.createdAt(), run.command(), run.options(), run.settings(),
                run.environment(), List.of(changed), run.complete(), run.missing());
    }

    /** Every fork of {@code run} as run with {@code durability}, and its engine too. */
    private static RunRecord allForks(RunRecord run, String durability) {
        RunRecord changed = run;
        for (int i = 0; i < run.engines().get(0).forks().size(); i++) {
            changed = withFork(changed, durability, i, 1, durability);
        }
        return changed;
    }

    @Test
    void aSettingOnOneSideOnlyIsADifference() {
        RunRecord a = run("a");
        RunRecord absent = withDistribution(run("b"), null);
        assertEquals(List.of("different workload configuration: distribution is uniform in the baseline and absent in"
                + " the candidate"), RunPairing.of(a, absent, P99, false).problems());
        assertEquals(List.of("different workload configuration: distribution is absent in the baseline and uniform in"
                + " the candidate"), RunPairing.of(absent, a, P99, false).problems());
        assertEquals(List.of(), RunPairing.of(absent, withDistribution(run("c"), null), P99, false).problems(),
                "absent on both sides is no difference");
        RunRecord noSettings = new RunRecord(a.schema(), "n", a.createdAt(), a.command(), a.options(), null,
                a.environment(), a.engines(), true, List.of());
        assertEquals("different workload configuration: the settings are recorded in the baseline and absent in the"
                + " candidate", RunPairing.of(a, noSettings, P99, false).problems().get(0));
    }

    @Test
    void aForkMustHaveRunItsRunsThreadsAndItsEnginesDurability() {
        RunRecord a = run("a");
        String forkId = a.engines().get(0).forks().get(3).forkId();
        RunPairing threads = RunPairing.of(a, withFork(run("b"), "buffered", 3, 2, "buffered"), P99, false);
        assertEquals(List.of("candidate run b: fork lmdb-3 of lmdb ran 2 threads; the run's settings say 1"),
                threads.problems());
        assertEquals("lmdb-3", forkId);

        RunPairing durability = RunPairing.of(withFork(a, "buffered", 0, 1, "strict"), run("b"), P99, false);
        assertEquals(List.of("baseline run a: fork lmdb-0 of lmdb ran with durability strict; its engine says"
                + " buffered"), durability.problems());

        RunPairing engine = RunPairing.of(a, allForks(run("b"), "strict"), P99, false);
        assertEquals(List.of("candidate run b: engine lmdb ran with durability strict; the run's settings say buffered",
                "different workload configuration: lmdb ran with durability buffered in the baseline and strict in"
                + " the candidate"), engine.problems());
    }

    @Test
    void aBaselineEngineRunsWithDurabilityNoneInABufferedRun() {
        // as RunSettings.engineConfig records them: the run says buffered, the memory engine ran none
        RunRecord a = allForks(run("a"), "none");
        RunRecord b = allForks(run("b"), "none");
        assertEquals("buffered", a.settings().durability());
        assertEquals(List.of(), RunPairing.of(a, b, P99, false).problems());
        RunPairing oneFork = RunPairing.of(a, withFork(b, "none", 2, 1, "buffered"), P99, false);
        assertEquals(List.of("candidate run b: fork lmdb-2 of lmdb ran with durability buffered; its engine says"
                + " none"), oneFork.problems());
    }

    @Test
    void withoutAnEngineDurabilityTheForksAnswerToTheRunsSettings() {
        RunRecord a = run("a");
        RunRecord b = withFork(withFork(run("b"), null, 0, 1, "buffered"), null, 1, 1, "strict");
        assertEquals(List.of("candidate run b: fork lmdb-1 of lmdb ran with durability strict; the run's settings say"
                + " buffered", "different workload configuration: lmdb ran with durability buffered in the baseline"
                + " and absent in the candidate"), RunPairing.of(a, b, P99, false).problems());
    }
}
