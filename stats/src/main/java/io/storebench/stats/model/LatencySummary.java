package io.storebench.stats.model;

/**
 * Latency percentiles of one operation type in one fork, in nanoseconds, from the fork's merged
 * measurement histogram (HdrHistogram, 3 significant digits; a percentile is the highest value
 * equivalent to its bucket).
 */
public record LatencySummary(long count, double mean, long p50, long p90, long p99, long p999, long max) {
}
