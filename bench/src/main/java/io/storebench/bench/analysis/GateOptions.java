package io.storebench.bench.analysis;

import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.workloads.cli.Arguments;
import java.util.ArrayList;
import java.util.List;

/** Parses the judging options {@code gate} and {@code compare} share: metrics, floor and alpha. */
final class GateOptions {
    private GateOptions() {
    }

    static List<KeyMetric> metrics(String command, String text) {
        List<KeyMetric> metrics = new ArrayList<>();
        for (String name : text.split(",")) {
            KeyMetric metric;
            try {
                metric = KeyMetric.parse(name);
            } catch (IllegalArgumentException e) {
                throw new Arguments.UsageException(command + ": --metric: " + e.getMessage());
            }
            if (!metrics.contains(metric)) {
                metrics.add(metric);
            }
        }
        return metrics;
    }

    /** {@code 5%} or {@code 5}: a percentage in [0, 99]. */
    static double floor(String command, String text) {
        String digits = text.trim().endsWith("%") ? text.trim().substring(0, text.trim().length() - 1) : text.trim();
        double percent;
        try {
            percent = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException(command + ": --floor '" + text + "' is not a percentage; allowed: 0%..99%,"
                    + " e.g. 5%");
        }
        if (!(percent >= 0 && percent <= 99)) {
            throw new Arguments.UsageException(command + ": --floor " + text + " is out of range; allowed: 0%..99%");
        }
        return percent / 100;
    }

    static double alpha(String command, String text) {
        double alpha;
        try {
            alpha = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException(command + ": --alpha '" + text + "' is not a number; allowed: 0 < alpha"
                    + " < 1, e.g. 0.05");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new Arguments.UsageException(command + ": --alpha " + text + " is out of range; allowed: 0 < alpha"
                    + " < 1, e.g. 0.05");
        }
        return alpha;
    }

    static GateSettings settings(String command, Arguments a, String defaultMetrics, boolean allowCrossHost,
            boolean strict) {
        return new GateSettings(metrics(command, a.has("metric") ? a.string("metric") : defaultMetrics),
                a.has("floor") ? floor(command, a.string("floor")) : GateSettings.DEFAULT_FLOOR,
                a.has("alpha") ? alpha(command, a.string("alpha")) : GateSettings.DEFAULT_ALPHA, allowCrossHost,
                strict);
    }
}
