package io.storebench.stats.model;

/**
 * One operation type in one fork.
 *
 * @param operation {@code read}, {@code update}, {@code insert}, {@code scan},
 *     {@code read-modify-write} or {@code delete}
 * @param latency its latency percentiles, over every call (failed ones included)
 * @param throughput operations of this type that succeeded, per second
 * @param errors engine errors ({@code StoreException} and the like); the operation was still timed,
 *     and is not counted in the throughput
 * @param notFound reads that found no value
 * @param integrityFailures reads whose value failed its check (torn, stale, or another key's)
 * @param retries for a store that retries what the engine refused for a reason a second attempt can
 *     fix (the SQL engines: serialization failures and deadlocks), the retries inside these
 *     operations, the latency of which includes them; an operation whose retries ran out is also
 *     an error. Null for a store that does not retry, and in runs written before the SQL engines
 * @param iterations the latency of each measurement iteration in which this type ran, in order
 *     (what the {@code iter-} metrics take the median of); null in runs written before they were recorded
 */
public record OperationResult(String operation, LatencySummary latency, double throughput, long errors,
        long notFound, long integrityFailures, Long retries, java.util.List<LatencySummary> iterations) {
    public OperationResult {
        iterations = iterations == null ? null : java.util.List.copyOf(iterations);
    }
}
