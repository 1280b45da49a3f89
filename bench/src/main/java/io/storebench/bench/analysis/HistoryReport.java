package io.storebench.bench.analysis;

import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.compare.RunSamples;
import io.storebench.stats.history.ChangePoints;
import io.storebench.stats.history.ChangePoints.ChangePoint;
import io.storebench.stats.history.ChangePoints.Segment;
import io.storebench.stats.history.KeyHistory;
import io.storebench.stats.history.RunHistory;
import io.storebench.stats.model.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code history} says about a {@link RunHistory}: its lines on the terminal, the change-point
 * table of each key, and {@code history.md} / {@code history.html} with a chart per key.
 */
final class HistoryReport {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final RunHistory history;
    private final ChangePoints.Settings settings;
    private final List<KeyMetric> metrics;
    private final boolean allowCrossHost;
    private final Map<String, Path> folders;

    /** @param folders each run's folder (or run.json) as given, by run id */
    HistoryReport(RunHistory history, ChangePoints.Settings settings, List<KeyMetric> metrics,
            boolean allowCrossHost, Map<String, Path> folders) {
        this.history = history;
        this.folders = folders;
        this.settings = settings;
        this.metrics = metrics;
        this.allowCrossHost = allowCrossHost;
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    private String run(int index) {
        return history.runs().get(index).runId();
    }

    /** {@code 7 runs of ycsb-c, oldest first by createdAt: null-c (2026-11-23 22:57 UTC) to new-2 (...)}. */
    String runsLine() {
        int last = history.runs().size() - 1;
        return String.format(Locale.ROOT, "%d runs of %s, oldest first by createdAt: %s (%s UTC) to %s (%s UTC)",
                history.runs().size(), RunSamples.workload(history.runs().get(0)), run(0),
                date(history.createdAt().get(0)), run(last), date(history.createdAt().get(last)));
    }

    String methodLine() {
        return String.format(Locale.ROOT, "metric %s; binary segmentation, Welch's t on the log values, window %d,"
                + " max p %s, min magnitude %s, at least %d runs each side of a change%s",
                metrics.stream().map(KeyMetric::label).collect(Collectors.joining(",")), settings.window(),
                settings.maxPValue(), Figures.percent(settings.minMagnitude()), ChangePoints.MIN_SIDE,
                allowCrossHost ? "; --allow-cross-host" : "");
    }

    /** The key, its change points counted, and where its newest segment stands. */
    String keyLine(KeyHistory key) {
        List<ChangePoint> points = key.result().changePoints();
        Segment newest = key.result().segments().get(key.result().segments().size() - 1);
        String value = Figures.value(key.key().metric(), newest.mean());
        if (points.isEmpty()) {
            return key.key().label() + ": no change point; " + newest.size() + " runs at " + value;
        }
        ChangePoint latest = points.get(points.size() - 1);
        return String.format(Locale.ROOT, "%s: %d change point%s; newest segment %s over runs %d..%d, %s since run %d"
                + " (%s)", key.key().label(), points.size(), points.size() == 1 ? "" : "s", value, newest.from() + 1,
                newest.to(), key.change(latest), latest.index() + 1, run(latest.index()));
    }

    /** One row per change point: where, when, before and after, the change, its p and its verdict. */
    TextTable changePointTable(KeyHistory key) {
        TextTable table = new TextTable(List.of("run", "run id", "date (UTC)", "before → after", "change", "p",
                "verdict"), true, false, false, false, true, true, false);
        KeyMetric metric = key.key().metric();
        for (ChangePoint point : key.result().changePoints()) {
            table.add(String.valueOf(point.index() + 1), run(point.index()),
                    date(history.createdAt().get(point.index())),
                    Figures.value(metric, point.before()) + " → " + Figures.value(metric, point.after()),
                    Figures.change(point.ratio()), p(point), key.change(point).name());
        }
        return table;
    }

    /** Welch's p; {@code 0 (no variance)} when both sides were constant, {@code < 1e-300} when it underflowed. */
    static String p(ChangePoint point) {
        if (point.p() == 0) {
            return point.noVariance() ? "0 (no variance)" : "< 1e-300";
        }
        return Figures.p(point.p());
    }

    /** A commit hash cut to 12 characters, as git shows one; anything else ("unknown") as it is. */
    static String shortCommit(String commit) {
        return commit.matches("[0-9a-f]{13,}") ? commit.substring(0, 12) : commit;
    }

    List<KeyHistory> regressedAtNewest() {
        return history.keys().stream().filter(KeyHistory::regressedAtNewest).toList();
    }

    /** PASS or FAIL, and why, in one line. */
    String summary() {
        long points = history.keys().stream().mapToLong(k -> k.result().changePoints().size()).sum();
        long regressions = history.keys().stream().flatMap(k -> k.result().changePoints().stream()
                .filter(p -> k.change(p) == KeyHistory.Change.REGRESSED)).count();
        String counts = String.format(Locale.ROOT, "%d key%s, %d change point%s: %d regressed, %d improved",
                history.keys().size(), history.keys().size() == 1 ? "" : "s", points, points == 1 ? "" : "s",
                regressions, points - regressions);
        List<KeyHistory> regressed = regressedAtNewest();
        if (regressed.isEmpty()) {
            return "PASS: the newest run " + run(history.runs().size() - 1) + " is not after a regression (" + counts
                    + ")";
        }
        return "FAIL: the newest run " + run(history.runs().size() - 1) + " is after a regression of " + regressed
                .stream().map(k -> {
                    ChangePoint latest = k.latest().orElseThrow();
                    return k.key().label() + " (" + Figures.change(latest.ratio()) + " since run "
                            + (latest.index() + 1) + ", " + run(latest.index()) + ")";
                }).collect(Collectors.joining(", ")) + " (" + counts + ")";
    }

    /** {@code history.md} and {@code history.html}: the summary, the runs, the keys, and a chart per key. */
    ReportDocument document() {
        ReportDocument doc = new ReportDocument("StoreBench history: " + RunSamples.workload(history.runs().get(0))
                + ", " + history.runs().size() + " runs");
        doc.paragraph("**" + summary() + "**");
        doc.paragraph(runsLine() + ".  \n" + methodLine() + ". Each run's value of a key is the geometric mean of its"
                + " per-fork values; a change point's before and after are the geometric means of the runs between"
                + " it and its neighbouring change points (at most the window each side), its p Welch's t-test on"
                + " their logarithms, its change after/before - 1.");
        if (!history.warnings().isEmpty()) {
            doc.heading(1, "Warnings");
            doc.bullets(history.warnings());
        }
        doc.heading(1, "Keys");
        TextTable keys = new TextTable(List.of("key", "change points", "newest segment", "latest change", "at the"
                + " newest run"), false, true, true, false, false);
        for (KeyHistory key : history.keys()) {
            Segment newest = key.result().segments().get(key.result().segments().size() - 1);
            String latest = key.latest().map(p -> key.change(p).name() + " " + Figures.change(p.ratio()) + " at run "
                    + (p.index() + 1) + " `" + run(p.index()) + "`").orElse("none");
            keys.add("`" + key.key().label() + "`", String.valueOf(key.result().changePoints().size()),
                    Figures.value(key.key().metric(), newest.mean()) + " (runs " + (newest.from() + 1) + ".."
                            + newest.to() + ")", latest, key.regressedAtNewest() ? "**REGRESSED**" : "ok");
        }
        doc.table(keys);
        for (KeyHistory key : history.keys()) {
            doc.heading(2, "`" + key.key().label() + "`");
            doc.chart(HistoryChart.of(key, history), "Each run's " + key.key().metric().label() + " of `"
                    + key.key().label() + "` (geometric mean of its forks) in run order, oldest first; horizontal"
                    + " lines are the segments' geometric means, vertical lines the change points (red a regression,"
                    + " green an improvement), between the last run before the change and the first after it. The"
                    + " value axis does not start at zero.");
            if (key.result().changePoints().isEmpty()) {
                doc.paragraph("No change point over the " + history.runs().size() + " runs.");
            } else {
                doc.table(changePointTable(key));
            }
        }
        doc.heading(1, "Runs");
        TextTable runs = new TextTable(List.of("run", "run id", "created (UTC)", "commit", "folder"), true, false,
                false, false, false);
        for (int i = 0; i < history.runs().size(); i++) {
            RunRecord run = history.runs().get(i);
            Object commit = run.environment() == null ? null : run.environment().get("storebenchCommit");
            runs.add(String.valueOf(i + 1), "`" + run.runId() + "`", date(history.createdAt().get(i)),
                    commit == null ? "" : shortCommit(commit.toString()), "`" + folders.get(run.runId()) + "`");
        }
        doc.table(runs);
        return doc;
    }
}
