package io.storebench.bench.run;

import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.Reading;
import io.storebench.stats.model.EngineMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link EngineMetrics} of a span of a fork (one iteration, or all of them), derived from the
 * engine's counters over that span, each with the source it came from (and whether it is a proxy).
 */
final class DerivedMetrics {
    /** No metrics: a fork whose engine counted nothing. */
    static final EngineMetrics NONE = new EngineMetrics(null, null, null, null, null, null, Map.of());

    private DerivedMetrics() {
    }

    /** The metrics of {@code stats}, the engine's counters over {@code nanos} of operations. */
    static EngineMetrics of(EngineStats stats, long nanos) {
        Map<String, String> sources = new LinkedHashMap<>();
        Double hitRatio = stats.cacheHitRatio().isPresent() ? stats.cacheHitRatio().getAsDouble() : null;
        if (hitRatio != null) {
            sources.put("cacheHitRatio", source(stats, Metric.CACHE_HITS) + " / (hits + misses)");
        }
        Double logRate = stats.get(Metric.LOG_BYTES_WRITTEN).map(r -> r.value() / (nanos / 1e9)).orElse(null);
        if (logRate != null) {
            sources.put("logBytesPerSecond", source(stats, Metric.LOG_BYTES_WRITTEN));
        }
        Double amplification = stats.writeAmplification().isPresent() ? stats.writeAmplification().getAsDouble() : null;
        if (amplification != null) {
            sources.put("writeAmplification", source(stats, Metric.ENGINE_BYTES_WRITTEN) + " / user bytes");
        }
        Long disk = stats.get(Metric.BYTES_ON_DISK).map(Reading::value).orElse(null);
        if (disk != null) {
            sources.put("bytesOnDisk", source(stats, Metric.BYTES_ON_DISK));
        }
        Double sync = gauge(stats, Metric.LOG_SYNC_P99_NANOS, "logSyncP99Nanos", sources);
        Double commit = gauge(stats, Metric.COMMIT_P99_NANOS, "commitP99Nanos", sources);
        return new EngineMetrics(hitRatio, logRate, amplification, disk, sync, commit, sources);
    }

    private static Double gauge(EngineStats stats, Metric metric, String field, Map<String, String> sources) {
        Double value = stats.get(metric).map(r -> (double) r.value()).orElse(null);
        if (value != null) {
            sources.put(field, source(stats, metric));
        }
        return value;
    }

    private static String source(EngineStats stats, Metric metric) {
        return stats.get(metric).map(r -> (r.proxy() ? "proxy: " : "") + r.source()).orElse("n/a");
    }
}
