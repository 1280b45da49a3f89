package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The report's "Engine metrics" section: per engine, the means across forks of its internal
 * metrics (cache hit ratio, log bytes, write and space amplification, and for a server its own log
 * sync and commit p99); then, when some engine reports them, the readings of one engine family
 * (compaction and write stalls, LSM and value-log sizes, value-log GC, B+tree pages, a relational
 * server's checkpoints and a managed server's CPU per operation), only the columns some engine of
 * the run has; then where each figure comes from, or why the engine cannot measure it.
 */
final class EngineMetricsSection {
    private EngineMetricsSection() {
    }

    /** Adds the section for {@code engines} (those with forks) of {@code record}. */
    static void add(ReportDocument doc, RunRecord record, List<EngineRun> engines) {
        Long loaded = record.settings() == null ? null : record.settings().loadedUserBytes();
        List<EngineMetrics> all = engines.stream().flatMap(e -> metrics(e).stream()).toList();
        List<MetricColumn> columns = new ArrayList<>(List.of(
                new MetricColumn("cache hit ratio", EngineMetrics::cacheHitRatio, v -> format("%.3f", v)),
                new MetricColumn("log bytes/s", EngineMetrics::logBytesPerSecond, v -> bytes(v, "/s")),
                new MetricColumn("write amplification", EngineMetrics::writeAmplification, v -> format("%.2fx", v)),
                new MetricColumn("bytes on disk", EngineMetrics::bytesOnDisk, v -> bytes(v, "")),
                new MetricColumn("space amplification", m -> spaceAmplification(m, loaded), v -> format("%.2fx", v))));
        List<MetricColumn> server = List.of(
                new MetricColumn("log sync p99", EngineMetrics::logSyncP99Nanos, Figures::latency),
                new MetricColumn("commit p99", EngineMetrics::commitP99Nanos, Figures::latency));
        if (!MetricColumn.reported(server, all).isEmpty()) {
            columns.addAll(server);
        }
        List<MetricColumn> internals = MetricColumn.reported(List.of(
                new MetricColumn("compaction bytes", EngineMetrics::compactionBytesWritten, v -> bytes(v, "")),
                new MetricColumn("write stalls", EngineMetrics::writeStalls, MetricColumn::count),
                new MetricColumn("LSM size", EngineMetrics::lsmBytes, v -> bytes(v, "")),
                new MetricColumn("value-log size", EngineMetrics::valueLogBytes, v -> bytes(v, "")),
                new MetricColumn("value-log GC runs", EngineMetrics::valueLogGcRuns, MetricColumn::count),
                new MetricColumn("value-log bytes reclaimed", EngineMetrics::valueLogBytesReclaimed,
                        v -> bytes(v, "")),
                new MetricColumn("pages allocated", EngineMetrics::pagesAllocated, MetricColumn::count),
                new MetricColumn("free pages", EngineMetrics::freePages, MetricColumn::count),
                new MetricColumn("checkpoints", EngineMetrics::checkpoints, MetricColumn::count),
                new MetricColumn("server CPU/op", EngineMetrics::serverCpuNanosPerOperation, Figures::latency)),
                all);
        boolean derivedSpace = all.stream().anyMatch(m -> m.spaceAmplification() == null && m.bytesOnDisk() != null);
        doc.heading(1, "Engine metrics");
        doc.paragraph("Means across forks, over the measurement iterations. Write amplification is engine bytes"
                + " written / user bytes written; space amplification is bytes on disk / the key and value bytes the"
                + " load inserted (later inserts not counted)" + (derivedSpace ? "; for forks that did not count"
                        + " them, the loaded user data from the settings (" + (loaded == null
                                ? "unknown for variable value sizes" : String.format(Locale.ROOT, "%,d bytes", loaded))
                        + ")" : "")
                + ". Log sync and commit p99 are the engine's own (what it measures is in its sources below), over"
                + " each fork's last measurement iteration. — means the engine does not report it (where it knows"
                + " why, the reason is among the sources below).");
        doc.table(table(columns, engines));
        if (!internals.isEmpty()) {
            doc.heading(2, "Engine-specific readings");
            doc.paragraph("What only some engines count, over the measurement iterations (sizes and free pages:"
                    + " at the end of them; a managed server's CPU time per operation completed); means across forks,"
                    + " — where the engine does not report it.");
            doc.table(table(internals, engines));
        }
        Set<String> notes = new LinkedHashSet<>();
        for (EngineRun engine : engines) {
            metrics(engine).stream().flatMap(m -> m.sources().entrySet().stream())
                    .forEach(source -> notes.add(engine.engine() + " " + source.getKey() + ": " + source.getValue()));
        }
        doc.paragraph("Where each figure comes from (a **proxy** is a stand-in, not the engine's own counter;"
                + " \"not reported\": the engine cannot measure it, and says why):");
        doc.bullets(List.copyOf(notes));
    }

    /** The engine metrics of {@code engine}'s forks that have them. */
    static List<EngineMetrics> metrics(EngineRun engine) {
        return engine.forks().stream().map(ForkResult::engineMetrics).filter(Objects::nonNull).toList();
    }

    private static TextTable table(List<MetricColumn> columns, List<EngineRun> engines) {
        TextTable table = MetricColumn.table(columns);
        engines.forEach(engine -> table.add(MetricColumn.row(engine.engine(), columns, metrics(engine))));
        return table;
    }

    /**
     * The fork's space amplification; for a fork written before the load counted its bytes, bytes on
     * disk / the loaded user data of the settings ({@code loaded}, null when unknown).
     */
    private static Double spaceAmplification(EngineMetrics metrics, Long loaded) {
        if (metrics.spaceAmplification() != null) {
            return metrics.spaceAmplification();
        }
        return metrics.bytesOnDisk() == null || loaded == null || loaded == 0 ? null
                : metrics.bytesOnDisk() / (double) loaded;
    }

    private static String format(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    /** Bytes in binary units, three significant digits: {@code 97.6 MiB}. */
    static String bytes(Double value, String suffix) {
        if (value == null) {
            return MetricColumn.NOT_MEASURED;
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
}
