package io.storebench.stats.compare;

import java.util.List;

/**
 * How a gate or a comparison judges.
 *
 * @param metrics the metrics whose keys are judged
 * @param floor the smallest relative change that matters (0.05 = 5 %)
 * @param alpha the family-wise false-positive rate, Holm-adjusted across every key judged together
 * @param allowCrossHost compare runs from machines with different environment fingerprints
 * @param strict INCONCLUSIVE fails the gate too
 */
public record GateSettings(List<KeyMetric> metrics, double floor, double alpha, boolean allowCrossHost,
        boolean strict) {
    public static final double DEFAULT_FLOOR = 0.05;
    public static final double DEFAULT_ALPHA = 0.05;

    public GateSettings {
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("at least one metric is needed");
        }
        if (!(floor >= 0 && floor < 1)) {
            throw new IllegalArgumentException("--floor " + floor * 100 + "% is out of range; allowed: 0% up to 99%");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha " + alpha + " is out of range; allowed: 0 < alpha < 1,"
                    + " e.g. 0.05");
        }
    }
}
