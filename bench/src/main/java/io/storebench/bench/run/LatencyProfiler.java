package io.storebench.bench.run;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * Reports, per measurement iteration, p50, p99, p99.9 and max latency per operation type, error
 * and integrity counts and engine metrics as JMH secondary results, from the fork's
 * {@link ForkMeasurement} (percentiles of the iteration's histogram, not sums: that is why this
 * is a profiler and not {@code @AuxCounters}). The {@code run} command adds it; with JMH's own
 * options add {@code -prof io.storebench.bench.run.LatencyProfiler}.
 */
public final class LatencyProfiler implements InternalProfiler {
    private static volatile boolean active;

    /** JMH creates the profiler in the fork before the benchmark starts. */
    public LatencyProfiler() {
        active = true;
    }

    /** Whether this JVM has the profiler: the fork then finishes after the last iteration, not in the tear-down. */
    static boolean active() {
        return active;
    }

    @Override
    public String getDescription() {
        return "StoreBench: latency percentiles, errors and engine metrics per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        ForkMeasurement fork = ForkMeasurement.current();
        if (fork != null) {
            fork.beginIteration();
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        ForkMeasurement fork = ForkMeasurement.current();
        if (fork == null) {
            return List.of();
        }
        List<Result> results = fork.endIteration(iterationParams.getType());
        if (fork.finishPending()) {
            fork.finish(); // JMH tore the trial down inside this last iteration, before this call
        }
        return results;
    }
}
