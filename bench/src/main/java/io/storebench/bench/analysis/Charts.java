package io.storebench.bench.analysis;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.Unavailability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The report's charts: latency by percentile per engine on a log percentile axis (as HdrHistogram's
 * plotter draws it), throughput with 95 % whiskers, and p99 over time from the interval logs.
 */
final class Charts {
    /** The percentile axis runs to 99.999 % at most: further out, one fork holds too few operations. */
    private static final int MAX_NINES = 5;

    private Charts() {
    }

    /** @param logs the run's interval logs, as {@link HdrLogs#read(Path, List)} gives them (read once per report) */
    static void add(ReportDocument doc, RunRecord record, List<EngineRun> engines,
            Map<String, Map<ForkResult, List<HdrLogs.Interval>>> logs) {
        doc.heading(1, "Charts");
        throughput(doc, engines);
        if (logs.isEmpty()) {
            doc.paragraph("No HdrHistogram logs (`hdr/`) in this run folder: no latency charts.");
            return;
        }
        percentiles(doc, logs);
        timeline(doc, logs, record);
    }

    private static String color(int index) {
        return SvgChart.COLORS[index % SvgChart.COLORS.length];
    }

    private static void throughput(ReportDocument doc, List<EngineRun> engines) {
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            EngineRun engine = engines.get(i);
            ConfidenceInterval ci = ConfidenceInterval.of95(engine.forks().stream()
                    .mapToDouble(ForkResult::throughput).toArray());
            bars.add(new SvgChart.Bar(engine.engine(), color(i), ci.mean(), ci.lower(), ci.upper()));
        }
        doc.chart(SvgChart.bars("throughput", "Throughput (ops/s), mean of forks with 95 % CI", "operations per second",
                bars, v -> Figures.significant(v)), "Throughput over all operations: the mean across forks, with"
                        + " whiskers at the 95 % confidence interval of the mean (one value per fork).");
    }

    private static void percentiles(ReportDocument doc, Map<String, Map<ForkResult, List<HdrLogs.Interval>>> logs) {
        Set<String> operations = new LinkedHashSet<>();
        Map<String, Map<String, Histogram>> merged = new LinkedHashMap<>();
        logs.forEach((engine, forks) -> {
            Map<String, Histogram> byOperation = HdrLogs.mergedByOperation(List.copyOf(forks.values()));
            merged.put(engine, byOperation);
            operations.addAll(byOperation.keySet());
        });
        for (String operation : operations) {
            List<SvgChart.Series> series = new ArrayList<>();
            double low = Double.MAX_VALUE;
            double high = 0;
            int nines = 2;
            int index = 0;
            for (var entry : merged.entrySet()) {
                Histogram histogram = entry.getValue().get(operation);
                int colour = index++;
                if (histogram == null || histogram.getTotalCount() == 0) {
                    continue;
                }
                List<double[]> points = new ArrayList<>();
                double limit = Math.min(MAX_NINES, Math.log10(histogram.getTotalCount()));
                for (HistogramIterationValue v : histogram.percentiles(5)) {
                    double x = v.getPercentileLevelIteratedTo() >= 100 ? limit
                            : Math.min(limit, Math.log10(100 / (100 - v.getPercentileLevelIteratedTo())));
                    double y = histogram.highestEquivalentValue(v.getValueIteratedTo());
                    points.add(new double[] {x, Math.max(1, y)});
                    low = Math.min(low, Math.max(1, y));
                    high = Math.max(high, y);
                }
                nines = Math.max(nines, (int) Math.ceil(limit));
                series.add(new SvgChart.Series(entry.getKey(), color(colour), points, false));
            }
            if (series.isEmpty()) {
                continue;
            }
            List<SvgChart.Tick> ticks = new ArrayList<>();
            String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
            for (int n = 0; n <= nines; n++) {
                ticks.add(new SvgChart.Tick(n, labels[n]));
            }
            SvgChart.Axis x = new SvgChart.Axis("percentile", 0, nines, false, ticks);
            SvgChart.Axis y = SvgChart.Axis.decades("latency", low, high, Figures::latency);
            doc.chart(SvgChart.lines("percentiles", "Latency by percentile: " + operation, x, y, series),
                    "Latency of `" + operation + "` by percentile, all forks' measurement intervals merged per engine;"
                            + " the percentile axis is logarithmic in 1/(1 - p), as HdrHistogram's plotter draws it,"
                            + " and stops where a percentile would rest on fewer than one operation.");
        }
    }

    private static void timeline(ReportDocument doc, Map<String, Map<ForkResult, List<HdrLogs.Interval>>> logs,
            RunRecord record) {
        List<SvgChart.Series> series = new ArrayList<>();
        List<SvgChart.Band> bands = new ArrayList<>();
        double low = Double.MAX_VALUE;
        double high = 0;
        double longest = 0;
        int index = 0;
        for (var entry : logs.entrySet()) {
            String colour = color(index++);
            for (Map.Entry<ForkResult, List<HdrLogs.Interval>> fork : entry.getValue().entrySet()) {
                List<HdrLogs.Interval> intervals = HdrLogs.mergedByTime(fork.getValue());
                long first = HdrLogs.origin(fork.getValue());
                List<Unavailability> windows = fork.getKey().unavailable();
                for (int i = 0; i < windows.size(); i++) {
                    Unavailability window = windows.get(i);
                    double from = (window.startEpochMillis() - first) / 1000.0;
                    bands.add(new SvgChart.Band(entry.getKey() + " " + fork.getKey().forkId() + ": operations failed, "
                            + (window.closed() ? "for " : "") + UnavailabilityText.length(window, i == windows.size() - 1),
                            colour, from, from + window.durationNanos() / 1e9));
                }
                List<double[]> points = new ArrayList<>();
                for (HdrLogs.Interval interval : intervals) {
                    double p99 = Math.max(1, interval.histogram().getValueAtPercentile(99));
                    double end = (interval.endMillis() - first) / 1000.0;
                    points.add(new double[] {(interval.startMillis() - first) / 1000.0, p99});
                    points.add(new double[] {end, p99});
                    low = Math.min(low, p99);
                    high = Math.max(high, p99);
                    longest = Math.max(longest, end);
                }
                series.add(new SvgChart.Series(entry.getKey(), colour, points, true));
            }
        }
        if (series.isEmpty()) {
            return;
        }
        SvgChart.Axis x = SvgChart.Axis.linear("seconds since the fork's first measurement interval", longest,
                v -> Figures.significant(v) + " s");
        SvgChart.Axis y = SvgChart.Axis.decades("p99 latency", low, high, Figures::latency);
        doc.chart(SvgChart.lines("timeline", "p99 latency over time, every fork", x, y, series, bands),
                "p99 of all operations in each interval of the HdrHistogram logs (one interval per measurement"
                        + " iteration of " + (record.settings() == null || record.settings().iterationMillis() == null ? "?"
                                : record.settings().iterationMillis()) + " ms), one line"
                        + " per fork, coloured by engine: a stall shows as a step up in one fork."
                        + (bands.isEmpty() ? "" : " Shaded: windows in which operations failed (" + bands.size()
                        + "; see Errors and unavailability)."));
    }
}
