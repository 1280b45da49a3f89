package io.storebench.stats.model;

import java.util.Map;

/**
 * Engine-internal metrics over one fork's measurement iterations (deltas, or the last level for
 * bytes on disk). A null field was not available from this engine.
 *
 * @param sources where each figure came from, by field name; "proxy: ..." marks a stand-in
 */
public record EngineMetrics(Double cacheHitRatio, Double logBytesPerSecond, Double writeAmplification,
        Long bytesOnDisk, Map<String, String> sources) {
}
