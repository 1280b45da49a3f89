package io.storebench.stats.compare;

import io.storebench.stats.Direction;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.OperationResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What one benchmark key measures, one value per fork: a percentile of the fork's merged
 * measurement histogram of one operation type, or the fork's throughput over all operations.
 *
 * <p>A percentile q is only as good as the number of operations above it: the floor is
 * {@code 100 / (1 - q)} operations per fork (10^4 for p99, 10^5 for p99.9), and fewer than ten
 * times that draws a warning.
 */
public enum KeyMetric {
    P50("p50", 0.50, LatencySummary::p50),
    P99("p99", 0.99, LatencySummary::p99),
    P999("p999", 0.999, LatencySummary::p999),
    THROUGHPUT("throughput", Double.NaN, null);

    /** The operation name of throughput keys: the fork's throughput over every operation type. */
    public static final String ALL_OPERATIONS = "all";

    private final String label;
    private final double quantile;
    private final ToLongFunction<LatencySummary> percentile;

    KeyMetric(String label, double quantile, ToLongFunction<LatencySummary> percentile) {
        this.label = label;
        this.quantile = quantile;
        this.percentile = percentile;
    }

    public String label() {
        return label;
    }

    public boolean isLatency() {
        return this != THROUGHPUT;
    }

    /** Latency is lower-is-better; throughput higher-is-better. */
    public Direction direction() {
        return isLatency() ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;
    }

    /** Fewer operations per fork than this are refused: too few above the percentile to place it. */
    public long minimumOperations() {
        return isLatency() ? Math.round(100 / (1 - quantile)) : 1;
    }

    /** Fewer operations per fork than this are accepted with a warning. */
    public long recommendedOperations() {
        return isLatency() ? 10 * minimumOperations() : 1;
    }

    /** The unit of its values, for tables. */
    public String unit() {
        return isLatency() ? "ns" : "ops/s";
    }

    /** This metric's value in one operation type of a fork (nanoseconds or operations per second). */
    public double value(OperationResult operation) {
        return isLatency() ? percentile.applyAsLong(operation.latency()) : operation.throughput();
    }

    /**
     * This metric's value for a whole fork: the throughput over all operations, or for a percentile
     * the value of the fork's slowest operation type (what an engine is ranked by).
     */
    public double value(ForkResult fork) {
        if (isLatency()) {
            return fork.operations().stream().mapToDouble(this::value).max().orElse(Double.NaN);
        }
        return fork.throughput();
    }

    /** Parses a label ({@code p99}, {@code p99.9} and {@code p999} are the same). */
    public static KeyMetric parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace("p99.9", "p999");
        for (KeyMetric metric : values()) {
            if (metric.label.equals(wanted)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + text + "'; allowed: "
                + Arrays.stream(values()).map(KeyMetric::label).collect(Collectors.joining(", ")));
    }
}
