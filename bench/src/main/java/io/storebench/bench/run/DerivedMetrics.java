package io.storebench.bench.run;

import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.Reading;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.GcPressure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;

/**
 * The {@link EngineMetrics} of a span of a fork (one iteration, or all of them), derived from the
 * engine's counters and the JVM's ({@link SpanStats}) over that span, each with the source it came
 * from (and whether it is a proxy). A metric the engine says it cannot measure
 * ({@link EngineStats#absences()}) leaves the figures it would give null, with the engine's reason
 * as their source ({@link EngineMetrics.Builder#notReported}).
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
     * {@code operations} succeeded, of a store loaded with {@code loadedUserBytes} of keys and values
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
        reading(stats, Metric.CHECKPOINTS, metrics::checkpoints);
        stats.get(Metric.SERVER_CPU_NANOS).filter(cpu -> operations > 0)
                .ifPresent(cpu -> metrics.serverCpuNanosPerOperation(cpu.value() / (double) operations,
                        source(cpu) + " / operations that succeeded"));
        stats.absences().forEach((metric, reason) -> figures(metric)
                .forEach(figure -> metrics.notReported(figure, reason)));
        return metrics.goGc(gc(GcPressure.GO, stats, operations, GO_SCOPE))
                .jvmGc(gc(GcPressure.JVM, span.jvm(), operations, JvmGcMeter.SCOPE))
                .cost(ResourceCosts.of(span.process(), nanos, operations))
                .build();
    }

    /**
     * The {@link EngineMetrics} fields that {@code metric} is needed for: those an engine that
     * cannot measure it leaves null. The GC metrics other than the cycles are needed for fields of
     * {@link GcPressure}, whose sources say so ({@link #gc}).
     */
    static List<String> figures(Metric metric) {
        return switch (metric) {
            case CACHE_HITS, CACHE_MISSES -> List.of("cacheHitRatio");
            case LOG_BYTES_WRITTEN -> List.of("logBytesPerSecond");
            case ENGINE_BYTES_WRITTEN, USER_BYTES_WRITTEN -> List.of("writeAmplification");
            case BYTES_ON_DISK -> List.of("bytesOnDisk", "spaceAmplification");
            case LOG_SYNC_P99_NANOS -> List.of("logSyncP99Nanos");
            case COMMIT_P99_NANOS -> List.of("commitP99Nanos");
            case COMPACTION_BYTES_WRITTEN -> List.of("compactionBytesWritten");
            case WRITE_STALLS -> List.of("writeStalls");
            case LSM_BYTES -> List.of("lsmBytes");
            case VALUE_LOG_BYTES -> List.of("valueLogBytes");
            case VALUE_LOG_GC_RUNS -> List.of("valueLogGcRuns");
            case VALUE_LOG_BYTES_RECLAIMED -> List.of("valueLogBytesReclaimed");
            case PAGES_ALLOCATED -> List.of("pagesAllocated");
            case FREE_PAGES -> List.of("freePages");
            case CHECKPOINTS -> List.of("checkpoints");
            case SERVER_CPU_NANOS -> List.of("serverCpuNanosPerOperation");
            case GC_CYCLES -> List.of("goGc");
            case GC_PAUSE_NANOS, GC_PAUSE_P99_NANOS, HEAP_IN_USE_BYTES, HEAP_ALLOCATED_BYTES -> List.of();
        };
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
            sources.put("allocatedBytesPerOperation", source(allocated) + " / operations that succeeded");
        }
        notReported(stats, Metric.HEAP_ALLOCATED_BYTES, "allocatedBytesPerOperation", sources);
        return new GcPressure(runtime, cycles.value(), pause, p99, heap, perOperation, scope, sources);
    }

    private static Long gcReading(EngineStats stats, Metric metric, String field, Map<String, String> sources) {
        Reading reading = stats.get(metric).orElse(null);
        if (reading == null) {
            notReported(stats, metric, field, sources);
            return null;
        }
        sources.put(field, source(reading));
        return reading.value();
    }

    /** Gives {@code field} the engine's reason as its source when it cannot measure {@code metric}. */
    private static void notReported(EngineStats stats, Metric metric, String field, Map<String, String> sources) {
        String reason = stats.absences().get(metric);
        if (reason != null) {
            sources.put(field, EngineMetrics.NOT_REPORTED + reason);
        }
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
