package io.storebench.bench.analysis;

import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run's report, {@code report.md} and {@code report.html}: the caption, and for a run with
 * several engines the engine-selection ranking ({@link RankingSection}); then throughput and
 * latency per operation with 95 % intervals ({@link ComparisonTable}) and beneath it the engines
 * that could not keep an open loop's rate ({@link SaturationSection}), for engines behind a language
 * boundary what the boundary cost beside their latencies ({@link BoundarySection}), errors and unavailability
 * ({@link ErrorsSection}), engine metrics ({@link EngineMetricsSection}), what each operation
 * cost in CPU, I/O and memory ({@link CostSection}), the JVM's and a Go
 * runtime's garbage collection ({@link GcPressureSection}), charts ({@link Charts},
 * HTML only) and a panorama of the engines ({@link PanoramaSection}).
 */
public final class RunReport {
    /** What {@code run} ranks engines by unless {@code report --metric} says otherwise. */
    public static final KeyMetric DEFAULT_RANKING = KeyMetric.THROUGHPUT;
    static final double ALPHA = GateSettings.DEFAULT_ALPHA;

    private RunReport() {
    }

    /** Writes {@code report.md} and {@code report.html} into {@code folder}, each atomically. */
    public static void write(Path folder, RunRecord record, KeyMetric ranking) throws IOException {
        ReportDocument document = build(folder, record, ranking);
        JsonFiles.writeString(folder.resolve("report.md"), document.markdown());
        JsonFiles.writeString(folder.resolve("report.html"), document.html());
    }

    /** The report of {@code record}, whose hdr logs are in {@code folder}, engines ranked by {@code ranking}. */
    static ReportDocument build(Path folder, RunRecord record, KeyMetric ranking) throws IOException {
        List<EngineRun> engines = record.engines().stream().filter(e -> !e.forks().isEmpty()).toList();
        ReportDocument doc = new ReportDocument("StoreBench run " + record.runId());
        doc.paragraph(String.join("  \n", ComparisonTable.caption(record)));
        if (engines.size() > 1) {
            RankingSection.add(doc, record, engines, ranking, ALPHA);
        }
        doc.heading(1, "Throughput and latency per operation");
        doc.table(ComparisonTable.table(record));
        SaturationSection.add(doc, record);
        BoundarySection.add(doc, engines);
        Map<String, Map<ForkResult, List<HdrLogs.Interval>>> logs = HdrLogs.read(folder, engines);
        ErrorsSection.add(doc, engines, logs);
        EngineMetricsSection.add(doc, record, engines);
        CostSection.add(doc, engines);
        GcPressureSection.add(doc, engines);
        Charts.add(doc, record, engines, logs);
        PanoramaSection.add(doc, record);
        doc.paragraph("Command: `java -jar bench/target/benchmarks.jar " + String.join(" ", record.command())
                + "`  \nRaw data: `run.json` (one result per fork), `hdr/` (HdrHistogram interval logs), `jmh.json`."
                + " Rebuild this report with `java -jar bench/target/benchmarks.jar report " + folder + "`.");
        return doc;
    }
}
