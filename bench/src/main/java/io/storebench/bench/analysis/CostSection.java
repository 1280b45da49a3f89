package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ResourceCost;
import io.storebench.stats.model.RunRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * What each operation cost (issue #16): the fork process's CPU (and a managed server's), its bytes
 * through the storage layer, the data device's traffic and busy time, and the peak resident
 * memory; means across forks (the peak: the largest). On the console under the run's table and in
 * the report's "Resource cost per operation" section, with the sources.
 */
public final class CostSection {
    /** What the process figures include: said wherever they are printed. */
    static final String SCOPE_NOTE = "CPU, read/op and written/op are the whole fork process's, the harness's own"
            + " threads included (the null engine's row is the harness's share); the device's are every process's I/O"
            + " on the data directory's device; server CPU is a managed server's own, beside the fork's";

    private CostSection() {
    }

    private static Function<EngineMetrics, Number> cost(Function<ResourceCost, Number> figure) {
        return metrics -> metrics.cost() == null ? null : figure.apply(metrics.cost());
    }

    private static List<MetricColumn> columns(List<EngineMetrics> all) {
        return MetricColumn.reported(List.of(
                new MetricColumn("CPU/op", cost(ResourceCost::cpuNanosPerOperation), Figures::latency),
                new MetricColumn("of it system", cost(ResourceCost::systemCpuNanosPerOperation), Figures::latency),
                new MetricColumn("server CPU/op", EngineMetrics::serverCpuNanosPerOperation, Figures::latency),
                new MetricColumn("read/op", cost(ResourceCost::readBytesPerOperation),
                        v -> EngineMetricsSection.bytes(v, "")),
                new MetricColumn("written/op", cost(ResourceCost::writeBytesPerOperation),
                        v -> EngineMetricsSection.bytes(v, "")),
                new MetricColumn("device read/op", cost(ResourceCost::deviceReadBytesPerOperation),
                        v -> EngineMetricsSection.bytes(v, "")),
                new MetricColumn("device written/op", cost(ResourceCost::deviceWriteBytesPerOperation),
                        v -> EngineMetricsSection.bytes(v, "")),
                new MetricColumn("device busy", cost(ResourceCost::deviceBusyFraction),
                        v -> String.format(Locale.ROOT, "%.0f %%", 100 * v)),
                new MetricColumn("peak RSS", cost(ResourceCost::peakRssBytes), v -> EngineMetricsSection.bytes(v, ""))),
                all);
    }

    /** The table, one row per engine with forks; null when no fork measured its cost. */
    static TextTable table(List<EngineRun> engines) {
        List<EngineMetrics> all = engines.stream().flatMap(e -> EngineMetricsSection.metrics(e).stream()).toList();
        if (all.stream().noneMatch(m -> m.cost() != null)) {
            return null;
        }
        List<MetricColumn> columns = columns(all);
        TextTable table = MetricColumn.table(columns);
        for (EngineRun engine : engines) {
            List<EngineMetrics> forks = EngineMetricsSection.metrics(engine);
            List<String> row = MetricColumn.row(engine.engine(), columns, forks);
            int peak = columns.stream().map(MetricColumn::header).toList().indexOf("peak RSS");
            if (peak >= 0) { // the largest across forks, not the mean
                OptionalDouble largest = forks.stream().map(EngineMetrics::cost).filter(Objects::nonNull)
                        .map(ResourceCost::peakRssBytes).filter(Objects::nonNull).mapToDouble(Long::doubleValue).max();
                row.set(peak + 1, EngineMetricsSection.bytes(largest.isPresent() ? largest.getAsDouble() : null, ""));
            }
            table.add(row);
        }
        return table;
    }

    /** The console's lines: a heading, the table and the note; empty when no fork measured its cost. */
    public static String text(RunRecord record) {
        TextTable table = table(record.engines().stream().filter(e -> !e.forks().isEmpty()).toList());
        return table == null ? "" : "resource cost per operation (means across forks; peak RSS: the largest)\n"
                + table.text() + SCOPE_NOTE + "\n";
    }

    /** Adds the report's section for {@code engines} (those with forks). */
    static void add(ReportDocument doc, List<EngineRun> engines) {
        TextTable table = table(engines);
        if (table == null) {
            return;
        }
        doc.heading(1, "Resource cost per operation");
        doc.paragraph("Means across forks over the measurement iterations, per operation completed; peak RSS is the"
                + " largest across forks, from the fork's start (its load included). " + SCOPE_NOTE + ".");
        doc.table(table);
        Set<String> sources = new LinkedHashSet<>();
        for (EngineRun engine : engines) {
            EngineMetricsSection.metrics(engine).stream().map(EngineMetrics::cost).filter(Objects::nonNull)
                    .forEach(cost -> {
                        cost.sources().forEach((field, source) -> sources.add(field + ": " + source));
                        if (cost.device() != null) {
                            sources.add("device: " + cost.device());
                        }
                    });
        }
        doc.paragraph("Where each figure comes from:");
        doc.bullets(List.copyOf(sources));
    }
}
