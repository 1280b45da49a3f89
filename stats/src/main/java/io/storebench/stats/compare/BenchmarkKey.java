package io.storebench.stats.compare;

/**
 * What a gate judges separately: engine × workload × operation × metric.
 *
 * @param operation an operation type ({@code read}, {@code update}, ...) or
 *     {@link KeyMetric#ALL_OPERATIONS} for throughput
 */
public record BenchmarkKey(String engine, String workload, String operation, KeyMetric metric) {

    /** {@code engine/workload/operation/metric}, as printed. */
    public String label() {
        return engine + "/" + workload + "/" + operation + "/" + metric.label();
    }
}
