package io.storebench.stats.model;

/**
 * One operation type in one fork.
 *
 * @param operation {@code read}, {@code update}, {@code insert}, {@code scan},
 *     {@code read-modify-write} or {@code delete}
 * @param latency its latency percentiles
 * @param throughput operations of this type per second
 * @param errors engine errors ({@code StoreException} and the like); the operation was still timed
 * @param notFound reads that found no value
 * @param integrityFailures reads whose value failed its check (torn, stale, or another key's)
 */
public record OperationResult(String operation, LatencySummary latency, double throughput, long errors,
        long notFound, long integrityFailures) {
}
