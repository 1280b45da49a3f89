package io.storebench.stats.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code iter-} metrics: a fork's median of its iterations' percentiles, and what they refuse. */
class IterationMetricTest {

    private static LatencySummary iteration(long count, long p99) {
        return new LatencySummary(count, p99 / 2.0, p99 / 2, p99 - 1, p99, p99 * 2, p99 * 3);
    }

    private static OperationResult read(long merged, List<LatencySummary> iterations) {
        long count = iterations == null ? 50_000 : iterations.stream().mapToLong(LatencySummary::count).sum();
        return new OperationResult("read", new LatencySummary(count, merged / 2.0, merged / 2, merged - 1, merged,
                merged * 2, merged * 3), 1e5, 0, 0, 0, null, iterations);
    }

    /** The committed fork results/2026-12-02-calibrate-power/ab-02/baseline memory-p01: two disturbed iterations. */
    @Test
    void disturbedIterationsDoNotMoveTheMedian() {
        OperationResult fork = read(581, List.of(iteration(3_800_000, 221), iteration(3_800_000, 221),
                iteration(3_800_000, 230), iteration(3_400_000, 701), iteration(3_300_000, 731)));
        assertEquals(581, KeyMetric.P99.value(fork));
        assertEquals(230, KeyMetric.ITER_P99.value(fork));
        assertEquals(3_300_000, KeyMetric.ITER_P99.operations(fork), "the smallest iteration's operations");
        assertEquals(fork.latency().count(), KeyMetric.P99.operations(fork));
        assertEquals(KeyMetric.ITER_P99, KeyMetric.parse("iter-p99"));
        assertEquals(KeyMetric.ITER_P999, KeyMetric.parse("iter-p99.9"));
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        OperationResult fork = read(300, List.of(iteration(20_000, 200), iteration(20_000, 400)));
        assertEquals(300, KeyMetric.ITER_P99.value(fork));
    }

    /** A run written before iterations were recorded is refused for iter- metrics, naming the metric that works. */
    @Test
    void aRunWithoutIterationsIsRefusedInOneLine() {
        RunRecord old = GateTest.run("old", "rocksdb", 5, 1000, 50_000, 1);
        RunPairing pairing = RunPairing.of(old, GateTest.run("new", "rocksdb", 5, 1000, 50_000, 2),
                List.of(KeyMetric.ITER_P99), false);
        assertTrue(pairing.problems().stream().anyMatch(p -> p.contains("without per-iteration latencies")
                && p.contains("iter-p99 needs them, p99 does not")), pairing.problems().toString());
    }

    /** Each iteration must hold enough operations for its percentile; the smallest one is checked. */
    @Test
    void tooFewOperationsInAnIterationIsAProblem() {
        List<ForkResult> forks = new ArrayList<>();
        RunRecord base = GateTest.run("r", "rocksdb", 5, 1000, 50_000, 1);
        for (ForkResult f : base.engines().get(0).forks()) {
            forks.add(new ForkResult(f.engine(), f.forkId(), f.threads(), f.durability(), f.workloadFingerprint(),
                    f.closedLoop(), f.rate(), f.load(), f.throughput(), f.iterationThroughputs(),
                    List.of(read(1000, List.of(iteration(50_000, 1000), iteration(5_000, 1000), iteration(50_000, 990)))),
                    f.engineMetrics(), 0, 0, 0, null, List.of(), f.versions(), null));
        }
        EngineRun engine = base.engines().get(0);
        RunRecord run = new RunRecord(base.schema(), "r", base.createdAt(), base.command(), base.options(),
                base.settings(), base.environment(), List.of(new EngineRun(engine.engine(), engine.description(),
                        engine.capabilities(), engine.durability(), engine.profile(), engine.versions(), forks)),
                true, List.of());
        RunPairing pairing = RunPairing.of(run, run, List.of(KeyMetric.ITER_P99), false);
        assertTrue(pairing.problems().stream().anyMatch(p -> p.contains("a fork of 5,000 operations; iter-p99 needs"
                + " at least 10,000")), pairing.problems().toString());
    }
}
