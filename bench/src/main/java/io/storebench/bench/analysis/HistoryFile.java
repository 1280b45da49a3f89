package io.storebench.bench.analysis;

import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.history.ChangePoints;
import io.storebench.stats.history.KeyHistory;
import io.storebench.stats.history.RunHistory;
import io.storebench.stats.model.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code history.json}: the change points of a history for machines (schema {@value #SCHEMA}).
 * Runs are numbered from 1, the oldest, in createdAt order, as the table and the charts number them.
 *
 * @param outcome PASS (the newest run is not after a regression) or FAIL
 * @param exitCode the command's exit code, 0 or 1
 * @param maxPValue {@code --max-pvalue}
 * @param minMagnitude {@code --min-magnitude}, as a fraction
 * @param window {@code --window}
 * @param minSide runs each side of a change, at least
 * @param runs the series, oldest first
 * @param keys one entry per key
 * @param regressedAtNewest the keys whose latest change point is a regression
 */
record HistoryFile(String schema, String outcome, int exitCode, List<String> metrics, double maxPValue,
        double minMagnitude, int window, int minSide, boolean allowCrossHost, List<Run> runs, List<Key> keys,
        List<String> regressedAtNewest, List<String> warnings) {
    static final String SCHEMA = "storebench.history/1";

    /** @param run its place in the series, 1 the oldest */
    record Run(int run, String runId, String createdAt, String folder) {
    }

    /** A stretch between change points: runs {@code fromRun} to {@code toRun}, both included. */
    record Segment(int fromRun, int toRun, double mean) {
    }

    /**
     * @param run the first run after the change (1 the oldest)
     * @param before geometric mean of the runs tested before it
     * @param after geometric mean of the runs tested from it on
     * @param ratio after / before
     * @param noVariance both sides were constant (p is 0 by definition)
     * @param beforeRuns runs tested before it
     * @param afterRuns runs tested from it on
     * @param verdict REGRESSED or IMPROVED, by the metric's direction
     */
    record ChangePoint(int run, String runId, String createdAt, double before, double after, double ratio, double p,
            boolean noVariance, int beforeRuns, int afterRuns, String verdict) {
    }

    /**
     * @param values each run's value (geometric mean of its forks), oldest first
     * @param forks the forks behind each value
     * @param latest the verdict of the latest change point, or null without one
     */
    record Key(String key, String engine, String workload, String operation, String metric, String unit,
            String direction, double[] values, int[] forks, List<Segment> segments, List<ChangePoint> changePoints,
            String latest, boolean regressedAtNewest) {
    }

    static HistoryFile of(RunHistory history, ChangePoints.Settings settings, List<KeyMetric> metrics,
            boolean allowCrossHost, Map<String, Path> folders, int exitCode) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < history.runs().size(); i++) {
            RunRecord run = history.runs().get(i);
            Path folder = folders.get(run.runId());
            runs.add(new Run(i + 1, run.runId(), run.createdAt(), folder == null ? null : folder.toString()));
        }
        List<Key> keys = new ArrayList<>();
        for (KeyHistory key : history.keys()) {
            List<ChangePoint> points = new ArrayList<>();
            for (ChangePoints.ChangePoint p : key.result().changePoints()) {
                points.add(new ChangePoint(p.index() + 1, history.runs().get(p.index()).runId(),
                        history.runs().get(p.index()).createdAt(), p.before(), p.after(), p.ratio(), p.p(),
                        p.noVariance(), p.beforeCount(), p.afterCount(), key.change(p).name()));
            }
            var k = key.key();
            keys.add(new Key(k.label(), k.engine(), k.workload(), k.operation(), k.metric().label(), k.metric().unit(),
                    k.metric().direction().name(), key.values(), key.forks(), key.result().segments().stream()
                            .map(s -> new Segment(s.from() + 1, s.to(), s.mean())).toList(), points,
                    key.latest().map(p -> key.change(p).name()).orElse(null), key.regressedAtNewest()));
        }
        return new HistoryFile(SCHEMA, exitCode == GateResult.EXIT_PASS ? "PASS" : "FAIL", exitCode,
                metrics.stream().map(KeyMetric::label).toList(), settings.maxPValue(), settings.minMagnitude(),
                settings.window(), ChangePoints.MIN_SIDE, allowCrossHost, runs, keys,
                history.keys().stream().filter(KeyHistory::regressedAtNewest).map(k -> k.key().label()).toList(),
                history.warnings());
    }
}
