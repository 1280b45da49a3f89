package io.storebench.bench.analysis;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineProfile;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.Direction;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.Verdict;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.compare.RunSamples;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.EngineProfileRecord;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.Unavailability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A run's report, {@code report.md} and {@code report.html}: the caption, and for a run with
 * several engines the engine-selection ranking with the significance of every pairwise difference
 * after Holm; then throughput and latency per operation with 95 % intervals, engine metrics,
 * charts (HTML: latency by percentile, throughput with whiskers, p99 over time) and a panorama of
 * the engines.
 */
public final class RunReport {
    /** What {@code run} ranks engines by unless {@code report --metric} says otherwise. */
    public static final KeyMetric DEFAULT_RANKING = KeyMetric.THROUGHPUT;
    static final double ALPHA = GateSettings.DEFAULT_ALPHA;

    private final RunRecord record;
    private final Path folder;
    private final KeyMetric ranking;
    private final List<EngineRun> engines;

    private RunReport(RunRecord record, Path folder, KeyMetric ranking) {
        this.record = record;
        this.folder = folder;
        this.ranking = ranking;
        this.engines = record.engines().stream().filter(e -> !e.forks().isEmpty()).toList();
    }

    /** Writes {@code report.md} and {@code report.html} into {@code folder}, each atomically. */
    public static void write(Path folder, RunRecord record, KeyMetric ranking) throws IOException {
        ReportDocument document = new RunReport(record, folder, ranking).build();
        JsonFiles.writeString(folder.resolve("report.md"), document.markdown());
        JsonFiles.writeString(folder.resolve("report.html"), document.html());
    }

    ReportDocument build() throws IOException {
        ReportDocument doc = new ReportDocument("StoreBench run " + record.runId());
        doc.paragraph(String.join("  \n", ComparisonTable.caption(record)));
        if (engines.size() > 1) {
            ranking(doc);
        }
        doc.heading(1, "Throughput and latency per operation");
        doc.table(ComparisonTable.table(record));
        Map<String, Map<ForkResult, List<HdrLogs.Interval>>> logs = HdrLogs.read(folder, engines);
        failures(doc, logs);
        engineMetrics(doc);
        Charts.add(doc, record, engines, logs);
        panorama(doc);
        doc.paragraph("Command: `java -jar bench/target/benchmarks.jar " + String.join(" ", record.command())
                + "`  \nRaw data: `run.json` (one result per fork), `hdr/` (HdrHistogram interval logs), `jmh.json`."
                + " Rebuild this report with `java -jar bench/target/benchmarks.jar report " + folder + "`.");
        return doc;
    }

    /** Each engine's per-fork values of the ranking metric, computed once. */
    private Map<EngineRun, double[]> rankValues() {
        Map<EngineRun, double[]> values = new java.util.IdentityHashMap<>();
        engines.forEach(e -> values.put(e, e.forks().stream().mapToDouble(ranking::value).toArray()));
        return values;
    }

    private void ranking(ReportDocument doc) {
        String what = ranking.isLatency() ? ranking.label() + " of the slowest operation type (lower is better)"
                : "throughput over all operations (higher is better)";
        doc.heading(1, "Engine selection: " + RunSamples.workload(record) + ", ranked by " + ranking.label());
        doc.paragraph("Engines ranked by " + what + ": the geometric mean of one value per fork, with its 95 %"
                + " interval. Every pair of engines is compared with Welch's t-test on the logarithms, confirmed by a"
                + " permutation test, with Holm's correction across all pairs (alpha " + ALPHA + "); a difference"
                + " that is not significant after Holm is a **tie**.");
        Map<EngineRun, double[]> values = rankValues();
        Comparator<EngineRun> order = Comparator.comparingDouble(e -> geometricMean(values.get(e)));
        List<EngineRun> ranked = new ArrayList<>(engines);
        ranked.sort(ranking.direction() == Direction.HIGHER_IS_BETTER ? order.reversed() : order);

        List<String> pairNames = new ArrayList<>();
        List<RatioComparison> family = new ArrayList<>();
        List<String> untested = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                EngineRun a = ranked.get(i);
                EngineRun b = ranked.get(j);
                String name = a.engine() + " vs " + b.engine();
                try {
                    family.add(RatioComparison.of(values.get(a), values.get(b)));
                    pairNames.add(name);
                } catch (IllegalArgumentException e) {
                    untested.add(name + ": not tested, " + e.getMessage());
                }
            }
        }
        List<RatioComparison.Judged> judged = RatioComparison.judge(family,
                family.stream().map(c -> ranking.direction()).toList(), 0, ALPHA);

        TextTable table = new TextTable(List.of("rank", "engine", "forks", ranking.label() + " [95% CI]",
                "next engine", "next is", "Holm p", "difference"), true, false, true, true, false, true, true, false);
        for (int i = 0; i < ranked.size(); i++) {
            EngineRun engine = ranked.get(i);
            String next = i + 1 < ranked.size() ? ranked.get(i + 1).engine() : "";
            int index = pairNames.indexOf(engine.engine() + " vs " + next);
            String change = "";
            String holm = "";
            String difference = next.isEmpty() ? "" : "not tested (fewer than " + RatioComparison.MIN_FORKS + " forks)";
            if (index >= 0) {
                RatioComparison.Judged j = judged.get(index);
                change = Figures.change(j.comparison().ratio());
                holm = Figures.p(j.holmP());
                difference = significant(j) ? "significant" : "tie";
            }
            table.add(Integer.toString(i + 1), engine.engine(), Integer.toString(engine.forks().size()),
                    interval(values.get(engine)), next, change, holm, difference);
        }
        doc.table(table);

        TextTable pairs = new TextTable(List.of("pair (A vs B)", "B / A [95% CI]", "p", "permutation p", "Holm p",
                "difference"), false, true, true, true, true, false);
        for (int i = 0; i < family.size(); i++) {
            RatioComparison.Judged j = judged.get(i);
            RatioComparison c = j.comparison();
            pairs.add(pairNames.get(i), String.format(Locale.ROOT, "%.3f [%.3f..%.3f]", c.ratio(), c.ratioLower(),
                    c.ratioUpper()), Figures.p(c.p()), Figures.p(c.permutationP()), Figures.p(j.holmP()),
                    significant(j) ? "significant" : j.verdict() == Verdict.INCONCLUSIVE
                            && ((c.p() < ALPHA) != (c.permutationP() < ALPHA)) ? "tie (the two tests disagree)" : "tie");
        }
        if (!family.isEmpty()) {
            doc.paragraph("Every pair, " + ranking.label() + ":");
            doc.table(pairs);
        }
        doc.bullets(untested);
    }

    private static boolean significant(RatioComparison.Judged judged) {
        return judged.verdict() == Verdict.REGRESSED || judged.verdict() == Verdict.IMPROVED;
    }

    private String interval(double[] values) {
        for (double value : values) {
            if (!(value > 0 && Double.isFinite(value))) {
                return "n/a";
            }
        }
        ConfidenceInterval ci = ConfidenceInterval.geometric95(values);
        return values.length < 2 ? Figures.value(ranking, ci.mean()) : Figures.interval(ranking, ci);
    }

    private static double geometricMean(double[] values) {
        double logs = 0;
        for (double value : values) {
            logs += Math.log(value);
        }
        return values.length == 0 ? Double.NaN : Math.exp(logs / values.length);
    }

    /** Per fork with errors: the errors by operation, the windows in which operations failed, and the first error. */
    private void failures(ReportDocument doc, Map<String, Map<ForkResult, List<HdrLogs.Interval>>> logs) {
        List<ForkResult> failing = engines.stream().flatMap(e -> e.forks().stream()).filter(f -> f.errors() > 0)
                .toList();
        if (failing.isEmpty()) {
            return;
        }
        doc.heading(1, "Errors and unavailability");
        doc.paragraph("Failed operations are counted and the run goes on; their latency (up to the failure) is in the"
                + " histograms. A window of unavailability runs from the end of the last operation that succeeded"
                + " before a failure to the end of the first one that succeeded after it (\"open\": none did before"
                + " the iteration ended); the windows of a fork's threads are merged where they overlap. Times are"
                + " seconds since the fork's first measurement interval, as on the p99 timeline, where the windows"
                + " are shaded.");
        TextTable table = new TextTable(List.of("engine", "fork", "errors", "by operation", "windows", "longest",
                "in all", "windows (since the first interval)", "first error"), false, false, true, false, true, true, true, false, false);
        for (ForkResult fork : failing) {
            List<HdrLogs.Interval> intervals = logs.getOrDefault(fork.engine(), Map.of()).get(fork);
            long first = intervals == null ? 0 : HdrLogs.origin(intervals);
            List<String> byOperation = new ArrayList<>();
            for (OperationResult operation : fork.operations()) {
                if (operation.errors() > 0) {
                    byOperation.add(operation.operation() + " " + operation.errors());
                }
            }
            List<String> at = new ArrayList<>();
            for (Unavailability window : fork.unavailable()) {
                at.add((first == 0 ? "?" : Figures.significant((window.startEpochMillis() - first) / 1000.0) + " s") + " for "
                        + Figures.latency(window.durationNanos()) + (window.closed() ? "" : " open"));
            }
            String firstError = fork.firstError() == null ? "" : fork.firstError();
            table.add(fork.engine(), fork.forkId(), Long.toString(fork.errors()), String.join(", ", byOperation),
                    Integer.toString(fork.unavailable().size()), fork.unavailable().isEmpty() ? "—"
                            : Figures.latency(fork.longestUnavailableNanos()),
                    fork.unavailable().isEmpty() ? "—" : Figures.latency(fork.unavailableNanos()),
                    at.size() > 6 ? String.join(", ", at.subList(0, 6)) + ", ..." : String.join(", ", at),
                    firstError.length() > 160 ? firstError.substring(0, 157) + "..." : firstError);
        }
        doc.table(table);
    }

    private void engineMetrics(ReportDocument doc) {
        boolean server = engines.stream().flatMap(e -> e.forks().stream()).map(ForkResult::engineMetrics)
                .filter(Objects::nonNull).anyMatch(m -> m.logSyncP99Nanos() != null || m.commitP99Nanos() != null);
        List<String> header = new ArrayList<>(List.of("engine", "cache hit ratio", "log bytes/s",
                "write amplification", "bytes on disk", "space amplification"));
        if (server) {
            header.addAll(List.of("log sync p99", "commit p99"));
        }
        boolean[] numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, 1, numeric.length, true);
        TextTable table = new TextTable(header, numeric);
        List<String> notes = new ArrayList<>();
        double userBytes = loadedUserBytes();
        for (EngineRun engine : engines) {
            List<EngineMetrics> metrics = engine.forks().stream().map(ForkResult::engineMetrics)
                    .filter(Objects::nonNull).toList();
            Double disk = mean(metrics, m -> m.bytesOnDisk() == null ? null : m.bytesOnDisk().doubleValue());
            List<String> row = new ArrayList<>(List.of(engine.engine(),
                    ratio(mean(metrics, EngineMetrics::cacheHitRatio), "%.3f"),
                    bytes(mean(metrics, EngineMetrics::logBytesPerSecond), "/s"),
                    ratio(mean(metrics, EngineMetrics::writeAmplification), "%.2fx"), bytes(disk, ""),
                    disk == null || Double.isNaN(userBytes) ? "—" : String.format(Locale.ROOT, "%.2fx",
                            disk / userBytes)));
            if (server) {
                Double sync = mean(metrics, EngineMetrics::logSyncP99Nanos);
                Double commit = mean(metrics, EngineMetrics::commitP99Nanos);
                row.add(sync == null ? "—" : Figures.latency(sync));
                row.add(commit == null ? "—" : Figures.latency(commit));
            }
            table.add(row);
            metrics.stream().flatMap(m -> m.sources() == null ? java.util.stream.Stream.<Map.Entry<String, String>>empty()
                    : m.sources().entrySet().stream()).distinct().forEach(source -> {
                        String note = engine.engine() + " " + source.getKey() + ": " + source.getValue();
                        if (!notes.contains(note)) {
                            notes.add(note);
                        }
                    });
        }
        doc.heading(1, "Engine metrics");
        doc.paragraph("Means across forks, over the measurement iterations. Write amplification is engine bytes"
                + " written / user bytes written; space amplification is bytes on disk / the loaded user data ("
                + (Double.isNaN(userBytes) ? "unknown for variable value sizes"
                        : String.format(Locale.ROOT, "%,.0f bytes", userBytes))
                + "). Log sync and commit p99 are the server's own (etcd: WAL fsync and backend commit), over each"
                + " fork's last measurement iteration. — means the engine does not report it. Where each figure comes from (a **proxy** is a stand-in,"
                + " not the engine's own counter):");
        doc.table(table);
        doc.bullets(notes);
    }

    /** Records × (key + value bytes), when the value size is fixed; NaN otherwise. */
    private double loadedUserBytes() {
        Long bytes = record.settings() == null ? null : record.settings().loadedUserBytes();
        return bytes == null ? Double.NaN : bytes;
    }

    private static Double mean(List<EngineMetrics> metrics, Function<EngineMetrics, Double> field) {
        double[] values = metrics.stream().map(field).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .toArray();
        return values.length == 0 ? null : java.util.Arrays.stream(values).average().orElseThrow();
    }

    private static String ratio(Double value, String format) {
        return value == null ? "—" : String.format(Locale.ROOT, format, value);
    }

    private static String bytes(Double value, String suffix) {
        if (value == null) {
            return "—";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return Figures.significant(v) + " " + units[unit] + suffix;
    }

    private void panorama(ReportDocument doc) {
        EngineRegistry registry = EngineRegistry.discover();
        TextTable table = new TextTable(List.of("engine", "data model", "transactions", "durability", "client path",
                "capabilities"));
        for (EngineRun engine : record.engines()) {
            EngineProfileRecord profile = engine.profile() != null ? engine.profile() : currentProfile(registry,
                    engine.engine());
            String capabilities = engine.capabilities() == null ? "" : String.join(", ", engine.capabilities());
            if (profile == null) {
                table.add(engine.engine(), Objects.toString(engine.description(), ""), "", "", "", capabilities);
            } else {
                table.add(engine.engine(), profile.dataModel(), profile.transactions(), profile.durability(),
                        profile.clientPath(), capabilities);
            }
        }
        doc.heading(1, "The engines");
        doc.paragraph("Durability in this run: " + (record.settings() == null ? "not recorded"
                : record.settings().durability()) + ". Compare engines only within one durability profile.");
        doc.table(table);
    }

    /**
     * A {@code storebench.run/1} folder did not record the engine's profile: this build's
     * description of it, or null for an engine this build does not know.
     */
    private static EngineProfileRecord currentProfile(EngineRegistry registry, String engine) {
        try {
            EngineProfile profile = registry.provider(engine).profile();
            return new EngineProfileRecord(profile.dataModel(), profile.transactions(), profile.durability(),
                    profile.clientPath());
        } catch (ConfigurationException unknown) {
            return null; // another tool's engine: its description is all there is
        }
    }
}
