package io.storebench.stats.model;

/**
 * The load phase of one fork: every record inserted before measurement, timed on its own, as YCSB's load.
 *
 * @param userBytes the key and value bytes the load inserted: the denominator of space
 *     amplification; null in runs written before the load counted them
 */
public record LoadResult(long records, double seconds, double opsPerSecond, long p50Nanos, long p99Nanos,
        long errors, Long userBytes) {
}
