package io.storebench.stats.model;

/** The load phase of one fork: every record inserted before measurement, timed on its own, as YCSB's load. */
public record LoadResult(long records, double seconds, double opsPerSecond, long p50Nanos, long p99Nanos,
        long errors) {
}
