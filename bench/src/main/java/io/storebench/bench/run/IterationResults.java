package io.storebench.bench.run;

import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.GcPressure;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * One measurement iteration's figures as JMH secondary results, which {@code jmh.json} keeps:
 * per operation type p50, p99, p99.9, max, errors and, for a store that retries, retries; then
 * the fork-wide counts, engine metrics and garbage collections.
 * Each figure's label, unit and aggregation policy are defined here and nowhere else.
 */
final class IterationResults {
    private final List<Result> results = new ArrayList<>();

    /**
     * An operation type's percentiles (ns) and failed operations, and its retries when the store
     * retries ({@code retries} null when it does not).
     */
    IterationResults operation(String label, Histogram histogram, long errors, Long retries) {
        results.add(nanos(label + ".p50", histogram.getValueAtPercentile(50)));
        results.add(nanos(label + ".p99", histogram.getValueAtPercentile(99)));
        results.add(nanos(label + ".p99.9", histogram.getValueAtPercentile(99.9)));
        results.add(nanos(label + ".max", histogram.getMaxValue()));
        results.add(new ScalarResult(label + ".errors", errors, "ops", AggregationPolicy.SUM));
        add(label + ".retries", retries, "retries", AggregationPolicy.SUM);
        return this;
    }

    /**
     * The throughput of the operations that succeeded, the run's own figure: JMH's score above it
     * counts every call, failed ones included.
     */
    IterationResults succeeded(double opsPerSecond) {
        results.add(new ScalarResult("succeeded", opsPerSecond, "ops/s", AggregationPolicy.AVG));
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

    /**
     * The engine metrics that the engine reported, then the garbage collections: JMH prints each on a
     * line under the iteration's, e.g. {@code go-gc.cycles: 3.000 cycles} and
     * {@code go-gc.pause-p99: 120.000 us} (only for an engine that runs in a Go runtime, the p99 only
     * when a pause fell in the iteration), and always {@code jvm-gc.cycles: 1.000 cycles} (the whole
     * fork JVM).
     */
    IterationResults metrics(EngineMetrics metrics) {
        add("cache-hit-ratio", metrics.cacheHitRatio(), "ratio", AggregationPolicy.AVG);
        add("log-bytes-per-s", metrics.logBytesPerSecond(), "B/s", AggregationPolicy.AVG);
        add("write-amplification", metrics.writeAmplification(), "x", AggregationPolicy.AVG);
        add("log-sync-p99", metrics.logSyncP99Nanos(), "ns", AggregationPolicy.AVG);
        add("commit-p99", metrics.commitP99Nanos(), "ns", AggregationPolicy.AVG);
        add("bytes-on-disk", metrics.bytesOnDisk(), "B", AggregationPolicy.MAX);
        add("space-amplification", metrics.spaceAmplification(), "x", AggregationPolicy.AVG);
        add("compaction-bytes", metrics.compactionBytesWritten(), "B", AggregationPolicy.SUM);
        add("write-stalls", metrics.writeStalls(), "stalls", AggregationPolicy.SUM);
        add("lsm-bytes", metrics.lsmBytes(), "B", AggregationPolicy.MAX);
        add("value-log-bytes", metrics.valueLogBytes(), "B", AggregationPolicy.MAX);
        add("value-log-gc-runs", metrics.valueLogGcRuns(), "runs", AggregationPolicy.SUM);
        add("value-log-bytes-reclaimed", metrics.valueLogBytesReclaimed(), "B", AggregationPolicy.SUM);
        add("pages-allocated", metrics.pagesAllocated(), "pages", AggregationPolicy.SUM);
        add("free-pages", metrics.freePages(), "pages", AggregationPolicy.MAX);
        add("checkpoints", metrics.checkpoints(), "checkpoints", AggregationPolicy.SUM);
        add("server-cpu-per-op", metrics.serverCpuNanosPerOperation(), "ns", AggregationPolicy.AVG);
        gc("go-gc", metrics.goGc(), true);
        gc("jvm-gc", metrics.jvmGc(), false);
        return this;
    }

    /** A runtime's collections, and with {@code withP99} its p99 pause, when there was one. */
    private void gc(String label, GcPressure gc, boolean withP99) {
        if (gc == null) {
            return;
        }
        add(label + ".cycles", gc.cycles(), "cycles", AggregationPolicy.SUM);
        if (withP99 && gc.pauseP99Nanos() != null) {
            add(label + ".pause-p99", gc.pauseP99Nanos() / 1e3, "us", AggregationPolicy.AVG);
        }
    }

    /**
     * For a store that times itself, the time outside the engine per operation (the boundary and the
     * adapter): {@code outside-engine: 171.000 ns}; nothing without operations.
     */
    IterationResults outsideEngine(long nanos, long operations) {
        if (operations > 0) {
            results.add(new ScalarResult("outside-engine", nanos / (double) operations, "ns", AggregationPolicy.AVG));
        }
        return this;
    }

    IterationResults lateOperations(long count) {
        results.add(new ScalarResult("late-operations", count, "ops", AggregationPolicy.SUM));
        return this;
    }

    List<Result> list() {
        return results;
    }

    private void add(String label, Number value, String unit, AggregationPolicy policy) {
        if (value != null) {
            results.add(new ScalarResult(label, value.doubleValue(), unit, policy));
        }
    }

    private static ScalarResult nanos(String label, long value) {
        return new ScalarResult(label, value, "ns", AggregationPolicy.AVG);
    }
}
