package io.storebench.stats.compare;

import io.storebench.stats.Direction;
import io.storebench.stats.Samples;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.OperationResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What one benchmark key measures, one value per fork: a percentile of one operation type, or the
 * fork's throughput over all operations.
 *
 * <p>A percentile is taken two ways. {@code p50}, {@code p99} and {@code p999} read the fork's
 * merged measurement histogram: every operation of the fork counts, so a disturbance of one
 * iteration (the host busy for a second) moves the fork's value. {@code iter-p50}, {@code iter-p99}
 * and {@code iter-p999} take the percentile of each measurement iteration and then their median (the
 * mean of the middle two for an even count): one or two disturbed iterations of five cannot move it,
 * and neither can a slowdown that strikes fewer than half the iterations, a stall once every few
 * seconds, say, which only the merged percentile sees. The {@code ab} gate on a shared host is what
 * they are for.
 *
 * <p>A percentile q is only as good as the number of operations above it: the floor is
 * {@code 100 / (1 - q)} operations per fork (10^4 for p99, 10^5 for p99.9; per iteration for the
 * {@code iter-} metrics), and fewer than ten times that draws a warning.
 */
public enum KeyMetric {
    P50("p50", 0.50, LatencySummary::p50, false),
    P99("p99", 0.99, LatencySummary::p99, false),
    P999("p999", 0.999, LatencySummary::p999, false),
    ITER_P50("iter-p50", 0.50, LatencySummary::p50, true),
    ITER_P99("iter-p99", 0.99, LatencySummary::p99, true),
    ITER_P999("iter-p999", 0.999, LatencySummary::p999, true),
    THROUGHPUT("throughput", Double.NaN, null, false);

    /** The operation name of throughput keys: the fork's throughput over every operation type. */
    public static final String ALL_OPERATIONS = "all";

    private final String label;
    private final double quantile;
    private final ToLongFunction<LatencySummary> percentile;
    private final boolean perIteration;

    KeyMetric(String label, double quantile, ToLongFunction<LatencySummary> percentile, boolean perIteration) {
        this.label = label;
        this.quantile = quantile;
        this.percentile = percentile;
        this.perIteration = perIteration;
    }

    public String label() {
        return label;
    }

    public boolean isLatency() {
        return this != THROUGHPUT;
    }

    /** Whether a fork's value is the median of its iterations' values rather than its merged histogram's. */
    public boolean perIteration() {
        return perIteration;
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

    /**
     * This metric's value in one operation type of a fork (nanoseconds or operations per second); NaN
     * for an {@code iter-} metric of a run written before iterations were recorded.
     */
    public double value(OperationResult operation) {
        if (!isLatency()) {
            return operation.throughput();
        }
        if (!perIteration) {
            return percentile.applyAsLong(operation.latency());
        }
        if (operation.iterations() == null || operation.iterations().isEmpty()) {
            return Double.NaN;
        }
        return Samples.median(operation.iterations().stream().mapToDouble(percentile::applyAsLong).toArray());
    }

    /**
     * The operations behind this metric's value in one operation type of a fork: all of them, or for an
     * {@code iter-} metric those of its smallest iteration (0 when none was recorded).
     */
    public long operations(OperationResult operation) {
        if (!perIteration) {
            return operation.latency().count();
        }
        return operation.iterations() == null ? 0
                : operation.iterations().stream().mapToLong(LatencySummary::count).min().orElse(0);
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

    /** Parses a label ({@code p99}, {@code p99.9} and {@code p999} are the same; {@code iter-p99} likewise). */
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
