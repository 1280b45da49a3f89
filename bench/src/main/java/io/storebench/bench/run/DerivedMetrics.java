package io.storebench.bench.run;

import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.Reading;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.GcPressure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;

/**
 * The {@link EngineMetrics} of a span of a fork (one iteration, or all of them), derived from the
 * engine's counters and the JVM's ({@link SpanStats}) over that span, each with the source it came
 * from (and whether it is a proxy).
 */
final class DerivedMetrics {
    /** What a Go engine's GC figures cover. */
    static final String GO_SCOPE = "the Go runtime inside the engine's library";
    /** No metrics: a fork whose engine counted nothing. */
    static final EngineMetrics NONE = EngineMetrics.builder().build();

    private DerivedMetrics() {
    }

    /**
     * The metrics of {@code span}: the counters over {@code nanos} of operations in which
     * {@code operations} completed, of a store loaded with {@code loadedUserBytes} of keys and values
     * (null when unknown).
     */
    static EngineMetrics of(SpanStats span, long nanos, long operations, Long loadedUserBytes) {
        EngineStats stats = span.engine();
        EngineMetrics.Builder metrics = EngineMetrics.builder()
                .cacheHitRatio(value(stats.cacheHitRatio()), source(stats, Metric.CACHE_HITS) + " / (hits + misses)")
                .logBytesPerSecond(stats.get(Metric.LOG_BYTES_WRITTEN).map(r -> r.value() / (nanos / 1e9)).orElse(null),
                        source(stats, Metric.LOG_BYTES_WRITTEN))
                .writeAmplification(value(stats.writeAmplification()),
                        source(stats, Metric.ENGINE_BYTES_WRITTEN) + " / user bytes");
        reading(stats, Metric.BYTES_ON_DISK, metrics::bytesOnDisk);
        reading(stats, Metric.LOG_SYNC_P99_NANOS, (value, source) -> metrics.logSyncP99Nanos(value.doubleValue(), source));
        reading(stats, Metric.COMMIT_P99_NANOS, (value, source) -> metrics.commitP99Nanos(value.doubleValue(), source));
        stats.get(Metric.BYTES_ON_DISK).filter(disk -> loadedUserBytes != null && loadedUserBytes > 0)
                .ifPresent(disk -> metrics.spaceAmplification(disk.value() / (double) loadedUserBytes,
                        source(disk) + " / key and value bytes the load inserted"));
        reading(stats, Metric.COMPACTION_BYTES_WRITTEN, metrics::compactionBytesWritten);
        reading(stats, Metric.WRITE_STALLS, metrics::writeStalls);
        reading(stats, Metric.LSM_BYTES, metrics::lsmBytes);
        reading(stats, Metric.VALUE_LOG_BYTES, metrics::valueLogBytes);
        reading(stats, Metric.VALUE_LOG_GC_RUNS, metrics::valueLogGcRuns);
        reading(stats, Metric.VALUE_LOG_BYTES_RECLAIMED, metrics::valueLogBytesReclaimed);
        reading(stats, Metric.PAGES_ALLOCATED, metrics::pagesAllocated);
        reading(stats, Metric.FREE_PAGES, metrics::freePages);
        return metrics.goGc(gc(GcPressure.GO, stats, operations, GO_SCOPE))
                .jvmGc(gc(GcPressure.JVM, span.jvm(), operations, JvmGcMeter.SCOPE))
                .build();
    }

    /**
     * A runtime's GC pressure from its {@code GC_*} and {@code HEAP_*} readings; null when it reports
     * no {@link Metric#GC_CYCLES}.
     *
     * @param scope what the figures cover
     */
    private static GcPressure gc(String runtime, EngineStats stats, long operations, String scope) {
        Reading cycles = stats.get(Metric.GC_CYCLES).orElse(null);
        if (cycles == null) {
            return null;
        }
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("cycles", source(cycles));
        Long pause = gcReading(stats, Metric.GC_PAUSE_NANOS, "pauseNanos", sources);
        Long p99 = gcReading(stats, Metric.GC_PAUSE_P99_NANOS, "pauseP99Nanos", sources);
        Long heap = gcReading(stats, Metric.HEAP_IN_USE_BYTES, "heapInUseBytes", sources);
        Reading allocated = stats.get(Metric.HEAP_ALLOCATED_BYTES).orElse(null);
        Double perOperation = null;
        if (allocated != null && operations > 0) {
            perOperation = allocated.value() / (double) operations;
            sources.put("allocatedBytesPerOperation", source(allocated) + " / operations completed");
        }
        return new GcPressure(runtime, cycles.value(), pause, p99, heap, perOperation, scope, sources);
    }

    private static Long gcReading(EngineStats stats, Metric metric, String field, Map<String, String> sources) {
        Reading reading = stats.get(metric).orElse(null);
        if (reading == null) {
            return null;
        }
        sources.put(field, source(reading));
        return reading.value();
    }

    /** Gives {@code field} the reading of {@code metric} and its source, when the engine reported it. */
    private static void reading(EngineStats stats, Metric metric, BiConsumer<Long, String> field) {
        stats.get(metric).ifPresent(reading -> field.accept(reading.value(), source(reading)));
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String source(EngineStats stats, Metric metric) {
        return stats.get(metric).map(DerivedMetrics::source).orElse("n/a");
    }

    private static String source(Reading reading) {
        return (reading.proxy() ? "proxy: " : "") + reading.source();
    }
}
