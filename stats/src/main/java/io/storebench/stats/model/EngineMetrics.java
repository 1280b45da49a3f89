package io.storebench.stats.model;

import java.util.Map;

/**
 * Engine-internal metrics over one fork's measurement iterations (deltas, or the last level for
 * bytes on disk). A null field was not available from this engine.
 *
 * @param logSyncP99Nanos p99 of the engine's own log syncs (etcd: WAL fsync), server side, over the
 *     last measurement iteration
 * @param commitP99Nanos p99 of the engine's storage commits (etcd: backend commit), the same way
 * @param sources where each figure came from, by field name; "proxy: ..." marks a stand-in
 */
public record EngineMetrics(Double cacheHitRatio, Double logBytesPerSecond, Double writeAmplification,
        Long bytesOnDisk, Double logSyncP99Nanos, Double commitP99Nanos, Map<String, String> sources) {
}
