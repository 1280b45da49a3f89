package io.storebench.bench.analysis;

import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.KeyMetric;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The judging options {@code gate} and {@code compare} share, {@code --floor} and {@code --alpha}
 * (a picocli mixin), and the typed parsers of {@code --metric}, {@code --floor} and {@code --alpha},
 * whose one-line messages name the bad value and what is allowed.
 */
public final class GateOptions {
    @Option(names = "--floor", paramLabel = "P", description = "the smallest change that matters, 0%%..99%% [5%%]")
    String floor;

    @Option(names = "--alpha", paramLabel = "A", description = "family-wise false-positive rate, 0 < A < 1 [0.05]")
    String alpha;

    /**
     * The settings to judge with.
     *
     * @throws IllegalArgumentException for a bad {@code --metric}, {@code --floor} or {@code --alpha}
     */
    public GateSettings settings(String metrics, boolean allowCrossHost, boolean strict) {
        return new GateSettings(metrics(metrics), floor == null ? GateSettings.DEFAULT_FLOOR : floor(floor),
                alpha == null ? GateSettings.DEFAULT_ALPHA : alpha(alpha), allowCrossHost, strict);
    }

    /** {@code p99,throughput}: the metrics named, each once, in the order given. */
    public static List<KeyMetric> metrics(String text) {
        List<KeyMetric> metrics = new ArrayList<>();
        for (String name : text.split(",")) {
            KeyMetric metric;
            try {
                metric = KeyMetric.parse(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--metric: " + e.getMessage());
            }
            if (!metrics.contains(metric)) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    /** {@code 5%} or {@code 5}: a percentage in [0, 99], as a fraction. */
    static double floor(String text) {
        String digits = text.trim().endsWith("%") ? text.trim().substring(0, text.trim().length() - 1) : text.trim();
        double percent;
        try {
            percent = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--floor '" + text + "' is not a percentage; allowed: 0%..99%, e.g. 5%");
        }
        if (!(percent >= 0 && percent <= 99)) {
            throw new IllegalArgumentException("--floor " + text + " is out of range; allowed: 0%..99%");
        }
        return percent / 100;
    }

    /** A family-wise false-positive rate in (0, 1). */
    static double alpha(String text) {
        double alpha;
        try {
            alpha = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--alpha '" + text + "' is not a number; allowed: 0 < alpha < 1,"
                    + " e.g. 0.05");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha " + text + " is out of range; allowed: 0 < alpha < 1,"
                    + " e.g. 0.05");
        }
        return alpha;
    }
}
