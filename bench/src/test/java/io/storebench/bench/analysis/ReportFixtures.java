package io.storebench.bench.analysis;

import io.storebench.stats.model.BoundaryCost;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineProfileRecord;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.Unavailability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small run records built in the tests of the report's sections. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    /** A fork with one {@code read} operation of the given throughput and p99, without errors. */
    static ForkResult fork(String engine, int index, double throughput, long p99) {
        return fork(engine, index, throughput, p99, 0, null, List.of(), null);
    }

    static ForkResult fork(String engine, int index, double throughput, long p99, long errors, EngineMetrics metrics,
            List<Unavailability> unavailable, String firstError) {
        return fork(engine, index, throughput, p99, errors, metrics, unavailable, firstError, null);
    }

    /** A fork of an engine behind a language boundary, which cost {@code boundary} (null: not measured). */
    static ForkResult fork(String engine, int index, BoundaryCost boundary) {
        return fork(engine, index, 10_000, 100_000, 0, null, List.of(), null, boundary);
    }

    private static ForkResult fork(String engine, int index, double throughput, long p99, long errors,
            EngineMetrics metrics, List<Unavailability> unavailable, String firstError, BoundaryCost boundary) {
        OperationResult read = new OperationResult("read", new LatencySummary(1000, p99 / 2.0, p99 / 2, p99, p99,
                p99, p99), throughput, errors, 0, 0, null, null);
        return new ForkResult(engine, engine + "-" + index, 1, "buffered", "fingerprint", true, 0, null, throughput,
                List.of(throughput), List.of(read), metrics, 0, 0, 0, firstError, unavailable, Map.of(), boundary);
    }

    /** {@code fork} as of a store that retries, whose operations retried {@code retries} times each. */
    static ForkResult retrying(ForkResult fork, long retries) {
        List<OperationResult> operations = fork.operations().stream().map(o -> new OperationResult(o.operation(),
                o.latency(), o.throughput(), o.errors(), o.notFound(), o.integrityFailures(), retries, o.iterations()))
                .toList();
        return new ForkResult(fork.engine(), fork.forkId(), fork.threads(), fork.durability(),
                fork.workloadFingerprint(), fork.closedLoop(), fork.rate(), fork.load(), fork.throughput(),
                fork.iterationThroughputs(), operations, fork.engineMetrics(), fork.lateOperations(),
                fork.maxScheduleLagNanos(), fork.injectedOperations(), fork.firstError(), fork.unavailable(),
                fork.versions(), fork.boundary());
    }

    /** An engine whose forks have these throughputs (p99 = 1e9 / throughput ns). */
    static EngineRun engine(String name, double... throughputs) {
        List<ForkResult> forks = new ArrayList<>();
        for (int i = 0; i < throughputs.length; i++) {
            forks.add(fork(name, i, throughputs[i], Math.round(1e9 / throughputs[i])));
        }
        return engine(name, null, forks);
    }

    static EngineRun engine(String name, EngineProfileRecord profile, List<ForkResult> forks) {
        return new EngineRun(name, name + " described", List.of("scan", "transactions"), "buffered", profile,
                Map.of(), forks);
    }

    /** A run of these engines, without settings (as a minimal run.json would have it). */
    static RunRecord run(EngineRun... engines) {
        return new RunRecord(RunRecord.SCHEMA, "test-run", "2026-12-01T00:00:00Z", List.of("run"), Map.of(), null,
                Map.of(), List.of(engines), true, List.of());
    }
}
