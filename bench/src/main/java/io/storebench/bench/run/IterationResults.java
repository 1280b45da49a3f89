package io.storebench.bench.run;

import io.storebench.stats.model.EngineMetrics;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * One measurement iteration's figures as JMH secondary results, which {@code jmh.json} keeps:
 * per operation type p50, p99, p99.9, max and errors; then the fork-wide counts and engine metrics.
 * Each figure's label, unit and aggregation policy are defined here and nowhere else.
 */
final class IterationResults {
    private final List<Result> results = new ArrayList<>();

    /** An operation type's percentiles (ns) and failed operations. */
    IterationResults operation(String label, Histogram histogram, long errors) {
        results.add(nanos(label + ".p50", histogram.getValueAtPercentile(50)));
        results.add(nanos(label + ".p99", histogram.getValueAtPercentile(99)));
        results.add(nanos(label + ".p99.9", histogram.getValueAtPercentile(99.9)));
        results.add(nanos(label + ".max", histogram.getMaxValue()));
        results.add(new ScalarResult(label + ".errors", errors, "ops", AggregationPolicy.SUM));
        return this;
    }

    /** Time the operations were failing, if any. */
    IterationResults unavailable(long nanos) {
        if (nanos > 0) {
            results.add(new ScalarResult("unavailable-ms", nanos / 1e6, "ms", AggregationPolicy.SUM));
        }
        return this;
    }

    IterationResults integrityFailures(long count) {
        results.add(new ScalarResult("integrity-failures", count, "ops", AggregationPolicy.SUM));
        return this;
    }

    IterationResults injected(long count) {
        results.add(new ScalarResult("injected", count, "ops", AggregationPolicy.SUM));
        return this;
    }

    /** The engine metrics that the engine reported. */
    IterationResults metrics(EngineMetrics metrics) {
        add("cache-hit-ratio", metrics.cacheHitRatio(), "ratio", AggregationPolicy.AVG);
        add("log-bytes-per-s", metrics.logBytesPerSecond(), "B/s", AggregationPolicy.AVG);
        add("write-amplification", metrics.writeAmplification(), "x", AggregationPolicy.AVG);
        add("log-sync-p99", metrics.logSyncP99Nanos(), "ns", AggregationPolicy.AVG);
        add("commit-p99", metrics.commitP99Nanos(), "ns", AggregationPolicy.AVG);
        add("bytes-on-disk", metrics.bytesOnDisk() == null ? null : metrics.bytesOnDisk().doubleValue(), "B",
                AggregationPolicy.MAX);
        return this;
    }

    IterationResults lateOperations(long count) {
        results.add(new ScalarResult("late-operations", count, "ops", AggregationPolicy.SUM));
        return this;
    }

    List<Result> list() {
        return results;
    }

    private void add(String label, Double value, String unit, AggregationPolicy policy) {
        if (value != null) {
            results.add(new ScalarResult(label, value, unit, policy));
        }
    }

    private static ScalarResult nanos(String label, long value) {
        return new ScalarResult(label, value, "ns", AggregationPolicy.AVG);
    }
}
