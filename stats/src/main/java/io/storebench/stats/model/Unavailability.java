package io.storebench.stats.model;

/**
 * A window in which a fork's operations failed: from the end of the last operation that succeeded
 * before the first failure to the end of the first operation that succeeded after it (or the end
 * of the fork when none did). The windows of a fork's threads are merged where they overlap, and
 * over its measurement iterations, so a window is a time in which at least one thread could not get
 * an operation through.
 *
 * @param startEpochMillis when the window opened, wall clock, on the same clock as the HdrHistogram
 *     log's interval time stamps (so the report can mark it on the latency timeline)
 * @param durationNanos how long it lasted
 * @param closed false when the fork (in runs written before 2026-12-08: the iteration) ended before an
 *     operation succeeded again: {@code durationNanos} is then a lower bound
 */
public record Unavailability(long startEpochMillis, long durationNanos, boolean closed) {
}
