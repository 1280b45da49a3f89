package io.storebench.bench.analysis;

import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.history.ChangePoints.ChangePoint;
import io.storebench.stats.history.ChangePoints.Segment;
import io.storebench.stats.history.KeyHistory;
import io.storebench.stats.history.RunHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The chart of one key over a history ({@link SvgChart#lines}, {@code data-chart="history"}): x the
 * run's place in the series (1 = oldest), y its value; each segment's geometric mean as a
 * horizontal line ({@code data-series="segment mean"}); each change point as a vertical line
 * between the last run before it and the first after it ({@code data-series="regression"} or
 * {@code "improvement"}), over a shaded band whose tooltip gives the change.
 */
final class HistoryChart {
    private static final String VALUE_COLOR = SvgChart.COLORS[0];
    private static final String MEAN_COLOR = "#555555";
    private static final String REGRESSION_COLOR = "#d62728";
    private static final String IMPROVEMENT_COLOR = "#2ca02c";
    /** At most this many labelled runs on the x axis. */
    private static final int MAX_RUN_TICKS = 20;

    private HistoryChart() {
    }

    static String of(KeyHistory key, RunHistory history) {
        KeyMetric metric = key.key().metric();
        double[] values = key.values();
        int n = values.length;
        List<SvgChart.Tick> runTicks = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(n / (double) MAX_RUN_TICKS));
        for (int run = 1; run <= n; run += step) {
            runTicks.add(new SvgChart.Tick(run, String.valueOf(run)));
        }
        SvgChart.Axis x = new SvgChart.Axis("run, oldest first (by createdAt)", 0.5, n + 0.5, false, runTicks);
        double low = Double.MAX_VALUE;
        double high = 0;
        for (double value : values) {
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        SvgChart.Axis y = zoomed(metric.isLatency() ? metric.label() + " latency" : "throughput (ops/s)", low, high,
                metric.isLatency() ? Figures::latency : Figures::significant);

        List<SvgChart.Series> series = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new double[] {i + 1, values[i]});
        }
        series.add(new SvgChart.Series(metric.label(), VALUE_COLOR, points, false));
        for (Segment segment : key.result().segments()) {
            series.add(new SvgChart.Series("segment mean", MEAN_COLOR, List.of(
                    new double[] {segment.from() + 1, segment.mean()}, new double[] {segment.to(), segment.mean()}),
                    true));
        }
        List<SvgChart.Band> bands = new ArrayList<>();
        for (ChangePoint point : key.result().changePoints()) {
            boolean regressed = key.change(point) == KeyHistory.Change.REGRESSED;
            String color = regressed ? REGRESSION_COLOR : IMPROVEMENT_COLOR;
            double between = point.index() + 0.5; // between run index (1-based) and index + 1
            series.add(new SvgChart.Series(regressed ? "regression" : "improvement", color, List.of(
                    new double[] {between, y.min()}, new double[] {between, y.max()}), false));
            bands.add(new SvgChart.Band(key.change(point).name() + " at run " + (point.index() + 1) + " "
                    + history.runs().get(point.index()).runId() + ": " + Figures.value(metric, point.before()) + " → "
                    + Figures.value(metric, point.after()) + " (" + Figures.change(point.ratio()) + ", p "
                    + HistoryReport.p(point) + ")", color, point.index(), point.index() + 1));
        }
        return SvgChart.lines("history", key.key().label(), x, y, series, bands);
    }

    /**
     * A linear axis around [low, high] with about five round steps, not from zero: a history's values
     * differ by percents, which an axis from zero would flatten.
     */
    static SvgChart.Axis zoomed(String label, double low, double high, DoubleFunction<String> format) {
        double span = high - low;
        if (!(span > 0)) {
            span = Math.max(Math.abs(high) * 0.1, 1e-9);
        }
        double step = Math.pow(10, Math.floor(Math.log10(span / 5)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (span / (step * factor) <= 6) {
                step *= factor;
                break;
            }
        }
        double min = Math.floor(low / step) * step;
        if (low - min < step / 4) {
            min -= step; // room below the lowest value
        }
        min = Math.max(0, min);
        double max = Math.ceil(high / step) * step;
        if (max - high < step / 4) {
            max += step;
        }
        List<SvgChart.Tick> ticks = new ArrayList<>();
        for (double v = min; v <= max + step / 2; v += step) {
            ticks.add(new SvgChart.Tick(v, format.apply(v)));
        }
        return new SvgChart.Axis(label, min, max, false, ticks);
    }
}
