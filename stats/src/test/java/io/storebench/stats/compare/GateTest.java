package io.storebench.stats.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.Verdict;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.LoadResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SettingsRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gate on synthetic runs: what is compared, what is refused, and the exit codes. */
class GateTest {
    private static final GateSettings P99 = new GateSettings(List.of(KeyMetric.P99), 0.05, 0.05, false, false);

    /** A run of one engine whose forks have read and update p99s around {@code p99} nanoseconds (2 % spread). */
    static RunRecord run(String id, String engine, int forks, long p99, long operations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ForkResult> results = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            List<OperationResult> operations2 = new ArrayList<>();
            for (String operation : List.of("read", "update")) {
                long value = Math.round(p99 * Math.exp(0.02 * random.nextGaussian()));
                operations2.add(new OperationResult(operation, new LatencySummary(operations, value / 4.0, value / 5,
                        value / 2, value, value * 2, value * 10), 1e5, 0, 0, 0, null, null));
            }
            results.add(new ForkResult(engine, engine + "-" + f, 1, "buffered", "fp1", true, 0,
                    new LoadResult(1000, 0.1, 1e4, 1000, 2000, 0, null, null), 2e5 * Math.exp(0.02 * random.nextGaussian()),
                    List.of(2e5), operations2, null, 0, 0, 0, null, List.of(), Map.of(), null));
        }
        SettingsRecord settings = new SettingsRecord("ycsb-a", 1000, Map.of("read", 0.5, "update", 0.5),
                "uniform", "ycsb", 23, "100", null, null, 1, 1, "buffered", 64L << 20, Map.of(), "quick", forks, 1,
                1000L, 3, 1000L, "time", null, "closed", 0, null);
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("cpuModel", "AMD EPYC");
        environment.put("cores", 2);
        return new RunRecord(RunRecord.SCHEMA, id, "2026-11-23T00:00:00Z", List.of("run"), Map.of(), settings,
                environment, List.of(new EngineRun(engine, "test", List.of(), "buffered", null, Map.of(), results)), true, List.of());
    }

    /** {@code run} with another record count in its settings. */
    private static RunRecord withRecords(RunRecord run, long records) {
        SettingsRecord s = run.settings();
        SettingsRecord changed = new SettingsRecord(s.workload(), records, s.mix(), s.distribution(), s.keyFormat(),
                s.keySize(), s.valueSize(), s.valueSizeMin(), s.valueSizeMax(), s.seed(), s.threads(), s.durability(),
                s.cacheBytes(), s.engineOptions(), s.profile(), s.forks(), s.warmupIterations(), s.warmupMillis(),
                s.iterations(), s.iterationMillis(), s.mode(), s.operations(), s.loop(), s.rate(), s.injectTail());
        return new RunRecord(run.schema(), run.runId(), run.createdAt(), run.command(), run.options(), changed,
                run.environment(), run.engines(), run.complete(), run.missing());
    }

    private static GateResult gate(RunRecord baseline, RunRecord candidate, GateSettings settings) {
        return GateResult.judge(candidate.runId(), RunPairing.of(baseline, candidate, settings.metrics(),
                settings.allowCrossHost()), settings);
    }

    @Test
    void keysAreEngineWorkloadOperationAndMetric() {
        Map<BenchmarkKey, KeySample> samples = RunSamples.of(run("a", "lmdb", 5, 10_000, 20_000, 1),
                List.of(KeyMetric.P99, KeyMetric.THROUGHPUT));
        assertEquals(List.of("lmdb/ycsb-a/read/p99", "lmdb/ycsb-a/update/p99", "lmdb/ycsb-a/all/throughput"),
                samples.keySet().stream().map(BenchmarkKey::label).toList());
        KeySample read = samples.values().iterator().next();
        assertEquals(5, read.forks());
        assertEquals(20_000, read.fewestOperations());
    }

    @Test
    void theSameRunTwicePassesAndATripledTailFails() {
        GateResult same = gate(run("a", "lmdb", 5, 10_000, 20_000, 1), run("b", "lmdb", 5, 10_000, 20_000, 2), P99);
        assertEquals(List.of(), same.problems());
        assertEquals(0, same.count(Verdict.REGRESSED));
        assertEquals(GateResult.EXIT_PASS, same.exitCode());

        GateResult worse = gate(run("a", "lmdb", 5, 10_000, 20_000, 1), run("c", "lmdb", 5, 30_000, 20_000, 3), P99);
        assertEquals(2, worse.count(Verdict.REGRESSED));
        assertEquals(GateResult.EXIT_REGRESSED, worse.exitCode());
        assertEquals("FAIL", worse.outcome());
        assertEquals(3.0, worse.verdicts().get(0).comparison().ratio(), 0.1);

        GateResult better = gate(run("c", "lmdb", 5, 30_000, 20_000, 3), run("a", "lmdb", 5, 10_000, 20_000, 1), P99);
        assertEquals(2, better.count(Verdict.IMPROVED));
        assertEquals(GateResult.EXIT_PASS, better.exitCode());
    }

    @Test
    void throughputIsHigherIsBetter() {
        RunRecord baseline = run("a", "lmdb", 5, 10_000, 20_000, 1);
        RunRecord slower = run("b", "lmdb", 5, 10_000, 20_000, 2);
        List<ForkResult> halved = slower.engines().get(0).forks().stream().map(f -> new ForkResult(f.engine(),
                f.forkId(), f.threads(), f.durability(), f.workloadFingerprint(), f.closedLoop(), f.rate(), f.load(),
                f.throughput() / 2, f.iterationThroughputs(), f.operations(), null, 0, 0, 0, null, List.of(), Map.of(),
                f.boundary()))
                .toList();
        RunRecord candidate = new RunRecord(RunRecord.SCHEMA, "b", slower.createdAt(), slower.command(),
                slower.options(), slower.settings(), slower.environment(),
                List.of(new EngineRun("lmdb", "test", List.of(), "buffered", null, Map.of(), halved)), true, List.of());
        GateSettings throughput = new GateSettings(List.of(KeyMetric.THROUGHPUT), 0.05, 0.05, false, false);
        GateResult result = gate(baseline, candidate, throughput);
        assertEquals(Verdict.REGRESSED, result.verdicts().get(0).verdict());
        assertEquals(0.5, result.verdicts().get(0).comparison().ratio(), 0.03);
    }

    @Test
    void strictFailsInconclusiveKeys() {
        // 2 % spread a side and a 3 % shift: not decidable with 5 forks at a 1 % floor.
        GateSettings lenient = new GateSettings(List.of(KeyMetric.P99), 0.01, 0.05, false, false);
        GateSettings strict = new GateSettings(List.of(KeyMetric.P99), 0.01, 0.05, false, true);
        RunRecord a = run("a", "lmdb", 5, 10_000, 20_000, 1);
        RunRecord b = run("b", "lmdb", 5, 10_100, 20_000, 5);
        GateResult result = gate(a, b, lenient);
        assertTrue(result.count(Verdict.INCONCLUSIVE) > 0, result.verdicts().toString());
        assertTrue(result.verdicts().stream().filter(v -> v.verdict() == Verdict.INCONCLUSIVE)
                .allMatch(v -> v.forksNeeded() >= 5));
        assertEquals(0, result.count(Verdict.REGRESSED));
        assertEquals(GateResult.EXIT_PASS, result.exitCode());
        assertEquals(GateResult.EXIT_REGRESSED, gate(a, b, strict).exitCode());
    }

    @Test
    void runsThatCannotBeComparedAreInvalid() {
        RunRecord a = run("a", "lmdb", 5, 10_000, 20_000, 1);

        RunRecord otherRecords = withRecords(run("b", "lmdb", 5, 10_000, 20_000, 2), 2000);
        GateResult settings = gate(a, otherRecords, P99);
        assertEquals(GateResult.EXIT_INVALID, settings.exitCode());
        assertTrue(settings.problems().get(0).contains("records is 1000 in the baseline and 2000"),
                settings.problems().toString());

        RunRecord otherHost = run("b", "lmdb", 5, 10_000, 20_000, 2);
        otherHost.environment().put("cores", 4);
        assertEquals(GateResult.EXIT_INVALID, gate(a, otherHost, P99).exitCode());
        GateResult allowed = gate(a, otherHost, new GateSettings(List.of(KeyMetric.P99), 0.05, 0.05, true, false));
        assertEquals(GateResult.EXIT_PASS, allowed.exitCode());
        assertTrue(allowed.warnings().get(0).contains("cores '2' vs '4'"), allowed.warnings().toString());

        GateResult otherEngine = gate(a, run("b", "rocksdb", 5, 10_000, 20_000, 2), P99);
        assertEquals(GateResult.EXIT_INVALID, otherEngine.exitCode());
        assertTrue(otherEngine.problems().contains("lmdb/ycsb-a/read/p99: only in the baseline"));
        assertTrue(otherEngine.problems().contains("rocksdb/ycsb-a/read/p99: only in the candidate"));

        GateResult fewForks = gate(a, run("b", "lmdb", 4, 10_000, 20_000, 2), P99);
        assertEquals(GateResult.EXIT_INVALID, fewForks.exitCode());
        assertTrue(fewForks.problems().get(0).contains("candidate has 4 forks; at least 5"), fewForks.problems()
                .toString());
        assertTrue(fewForks.verdicts().isEmpty());
    }

    @Test
    void aForkOfTooFewOperationsIsRefusedForItsPercentile() {
        RunRecord a = run("a", "lmdb", 5, 10_000, 9_999, 1);
        RunRecord b = run("b", "lmdb", 5, 10_000, 9_999, 2);
        GateResult p99 = gate(a, b, P99);
        assertEquals(GateResult.EXIT_INVALID, p99.exitCode());
        assertTrue(p99.problems().get(0).contains("a fork of 9,999 operations; p99 needs at least 10,000"),
                p99.problems().toString());
        // 10^4 is enough to judge, with a warning under 10^5; p99.9 needs ten times as many.
        RunRecord c = run("c", "lmdb", 5, 10_000, 10_000, 1);
        RunRecord d = run("d", "lmdb", 5, 10_000, 10_000, 2);
        GateResult enough = gate(c, d, P99);
        assertEquals(List.of(), enough.problems());
        assertTrue(enough.warnings().get(0).contains("p99 is steadier from 100,000"), enough.warnings().toString());
        GateSettings p999 = new GateSettings(List.of(KeyMetric.P999), 0.05, 0.05, false, false);
        assertTrue(gate(c, d, p999).problems().get(0).contains("p999 needs at least 100,000"));
        assertEquals(200, KeyMetric.P50.minimumOperations());
    }

    @Test
    void valuesThatAreNotPositiveAreRefusedByName() {
        RunRecord a = run("a", "lmdb", 5, 10_000, 20_000, 1);
        RunRecord zero = run("b", "lmdb", 5, 0, 20_000, 2);
        GateResult result = gate(a, zero, P99);
        assertEquals(GateResult.EXIT_INVALID, result.exitCode());
        assertTrue(result.problems().get(0).contains("holds 0.0; values must be positive"), result.problems()
                .toString());
    }

    @Test
    void metricsAndSettingsAreChecked() {
        assertEquals(KeyMetric.P999, KeyMetric.parse("p99.9"));
        assertEquals(KeyMetric.THROUGHPUT, KeyMetric.parse(" Throughput "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> KeyMetric.parse("p95"));
        assertEquals("unknown metric 'p95'; allowed: p50, p99, p999, iter-p50, iter-p99, iter-p999, throughput", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GateSettings(List.of(KeyMetric.P99), 1.5, 0.05, false,
                false));
        assertThrows(IllegalArgumentException.class, () -> new GateSettings(List.of(KeyMetric.P99), 0.05, 0, false,
                false));
        assertThrows(IllegalArgumentException.class, () -> new GateSettings(List.of(), 0.05, 0.05, false, false));
    }
}
