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
 * @param copiedFrom for a fork that did not load but copied the data set another fork of its engine
 *     loaded (issue #16): that fork's id, whose load the other figures are; null for a fork that loaded
 * @param copySeconds how long that copy took; null for a fork that loaded
 */
public record LoadResult(long records, double seconds, double opsPerSecond, long p50Nanos, long p99Nanos,
        long errors, Long userBytes, Integer batchRows, String copiedFrom, Double copySeconds) {
    /** A load this fork did itself. */
    public LoadResult(long records, double seconds, double opsPerSecond, long p50Nanos, long p99Nanos, long errors,
            Long userBytes, Integer batchRows) {
        this(records, seconds, opsPerSecond, p50Nanos, p99Nanos, errors, userBytes, batchRows, null, null);
    }

    /** This load, of fork {@code loader}, copied into another fork in {@code seconds}. */
    public LoadResult copiedFrom(String loader, double seconds) {
        return new LoadResult(records, this.seconds, opsPerSecond, p50Nanos, p99Nanos, errors, userBytes, batchRows,
                loader, seconds);
    }
}
