package io.storebench.bench.run;

import io.storebench.stats.model.BoundaryCost;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.LoadResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.ServerDeathRecord;
import io.storebench.stats.model.Unavailability;
import io.storebench.workloads.Operation;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a fork's measurement iterations add up to, and the {@link ForkResult} assembled from it:
 * each operation type's latency over all iterations, the time operations ran, each iteration's
 * throughput (of the operations that succeeded), the windows of unavailability (merged over the
 * iterations: a window open at the end of one that goes on into the next is one window), the
 * open-loop lag, the engine's and the JVM's counters, the servers that died and, for a store that
 * times itself ({@link SelfTiming}), the time outside the engine. Added to between iterations, by
 * one thread.
 */
final class ForkTotals {
    private static final Operation[] OPERATIONS = Operation.values();

    private final Histogram[] measured = new Histogram[OPERATIONS.length];
    private final List<List<LatencySummary>> iterations = new ArrayList<>();
    private final List<Double> iterationThroughputs = new ArrayList<>();
    private List<FailureWindow> failures = List.of();
    private final List<ServerDeathRecord> serverDeaths = new ArrayList<>();
    /** One moment on both clocks: a window's {@link System#nanoTime()} start becomes wall-clock time from it. */
    private final long anchorMillis = System.currentTimeMillis();
    private final long anchorNanos = System.nanoTime();
    private long measuredNanos;
    private long lateTotal;
    private long maxLagTotal;
    private SpanStats measuredStats;
    private long outsideEngineNanos;
    private long selfTimedOperations;

    ForkTotals() {
        for (int i = 0; i < measured.length; i++) {
            measured[i] = new Histogram(ForkMeasurement.SIGNIFICANT_DIGITS);
            iterations.add(new ArrayList<>());
        }
    }

    /** Adds an iteration's latency of operation type {@code ordinal}; an iteration without one is no summary. */
    void addLatency(int ordinal, Histogram interval) {
        measured[ordinal].add(interval);
        if (interval.getTotalCount() > 0) {
            iterations.get(ordinal).add(summary(interval));
        }
    }

    private static LatencySummary summary(Histogram h) {
        return new LatencySummary(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    /**
     * Adds an iteration in which operations ran for {@code nanos}, {@code succeeded} of them without
     * an error, and the counters over it.
     */
    void addIteration(long succeeded, long nanos, SpanStats stats) {
        measuredNanos += nanos;
        iterationThroughputs.add(succeeded / (nanos / 1e9));
        measuredStats = measuredStats == null ? stats : measuredStats.plus(stats);
    }

    /**
     * Adds a measurement iteration's windows of failure (its threads' windows, merged or not): they
     * are merged with the fork's, so a window that went on from the previous iteration extends it.
     */
    void addFailures(List<FailureWindow> windows) {
        if (!windows.isEmpty()) {
            List<FailureWindow> all = new ArrayList<>(failures);
            all.addAll(windows);
            failures = FailureWindow.union(all);
        }
    }

    /** The fork's windows of failure so far, merged, in time order. */
    List<FailureWindow> failures() {
        return failures;
    }

    void addServerDeath(ServerDeathRecord death) {
        serverDeaths.add(death);
    }

    /** Adds an open-loop iteration's late operations and its largest lag. */
    void addLag(long late, long maxLagNanos) {
        lateTotal += late;
        maxLagTotal = Math.max(maxLagTotal, maxLagNanos);
    }

    /** Adds an iteration's time outside the engine, summed over the {@code operations} it covers. */
    void addOutsideEngine(long nanos, long operations) {
        outsideEngineNanos += nanos;
        selfTimedOperations += operations;
    }

    /**
     * The time outside the engine per operation over the measurement iterations, for a store that
     * times itself; null for any other store, or when no operation succeeded.
     */
    Double outsideEngineNanosPerOperation() {
        return selfTimedOperations == 0 ? null : outsideEngineNanos / (double) selfTimedOperations;
    }

    /** Whether any measurement iteration ran operations: a fork without one has no result. */
    boolean measured() {
        return measuredNanos > 0;
    }

    /**
     * The fork's result; {@link #measured()} must be true.
     *
     * @param boundary what the engine's language boundary cost in this fork, or null
     * @param closeError why closing the store failed, one line, or null
     */
    ForkResult result(ForkIdentity fork, OperationCounters counters, LoadResult load, BoundaryCost boundary,
            String closeError) {
        List<OperationResult> operations = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < OPERATIONS.length; i++) {
            Histogram h = measured[i];
            if (h.getTotalCount() == 0 && counters.errorTotal(i) == 0) {
                continue;
            }
            long succeeded = Math.max(0, h.getTotalCount() - counters.errorTotal(i)); // a failed call is timed too
            total += succeeded;
            operations.add(new OperationResult(OPERATIONS[i].label(), summary(h), succeeded / (measuredNanos / 1e9),
                    counters.errorTotal(i), counters.notFoundTotal(i), counters.integrityTotal(i),
                    counters.retryTotal(i), iterations.get(i)));
        }
        EngineMetrics metrics = measuredStats == null ? DerivedMetrics.NONE
                : DerivedMetrics.of(measuredStats, measuredNanos, total, load.userBytes());
        return new ForkResult(fork.engine(), fork.forkId(), fork.threads(), fork.durability(), fork.fingerprint(),
                fork.rate() <= 0, fork.rate(), load, total / (measuredNanos / 1e9), List.copyOf(iterationThroughputs),
                operations, metrics, lateTotal, maxLagTotal, counters.injectedTotal(), counters.firstError(),
                unavailable(), fork.versions(), boundary, closeError, List.copyOf(serverDeaths));
    }

    private List<Unavailability> unavailable() {
        return failures.stream().map(w -> new Unavailability(anchorMillis + (w.startNanos() - anchorNanos) / 1_000_000,
                w.endNanos() - w.startNanos(), w.closed())).toList();
    }

    /**
     * What identifies a fork in its result.
     *
     * @param rate the open-loop rate, or 0 for closed loop
     */
    record ForkIdentity(String engine, String forkId, int threads, String durability, String fingerprint,
            double rate, java.util.Map<String, String> versions) {
    }
}
