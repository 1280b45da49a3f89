package io.storebench.stats.model;

/**
 * The load phase of one fork: every record inserted before measurement, timed on its own, as YCSB's load.
 *
 * @param p50Nanos median latency of one insert, or of one batch when {@code batchRows} is above 1
 * @param p99Nanos the same at the 99th percentile
 * @param userBytes the key and value bytes the load inserted: the denominator of space
 *     amplification; null in runs written before the load counted them
 * @param batchRows records per write: 1 (a put each), or the engine's batch (the SQL engines'
 *     {@code batch-rows}); null in runs written before loads could be batched (a put each)
 */
public record LoadResult(long records, double seconds, double opsPerSecond, long p50Nanos, long p99Nanos,
        long errors, Long userBytes, Integer batchRows) {
}
