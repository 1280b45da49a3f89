package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The report's "Engine metrics" section: per engine, the means across forks of its internal
 * metrics (cache hit ratio, log bytes, write and space amplification, and for a server its own log
 * sync and commit p99), then where each figure comes from.
 */
final class EngineMetricsSection {
    private EngineMetricsSection() {
    }

    /** Adds the section for {@code engines} (those with forks) of {@code record}. */
    static void add(ReportDocument doc, RunRecord record, List<EngineRun> engines) {
        boolean server = engines.stream().flatMap(e -> e.forks().stream()).map(ForkResult::engineMetrics)
                .filter(Objects::nonNull).anyMatch(m -> m.logSyncP99Nanos() != null || m.commitP99Nanos() != null);
        List<String> header = new ArrayList<>(List.of("engine", "cache hit ratio", "log bytes/s",
                "write amplification", "bytes on disk", "space amplification"));
        if (server) {
            header.addAll(List.of("log sync p99", "commit p99"));
        }
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, 1, numeric.length, true);
        TextTable table = new TextTable(header, numeric);
        Set<String> notes = new LinkedHashSet<>();
        double userBytes = loadedUserBytes(record);
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
            metrics.stream().filter(m -> m.sources() != null).flatMap(m -> m.sources().entrySet().stream())
                    .forEach(source -> notes.add(engine.engine() + " " + source.getKey() + ": " + source.getValue()));
        }
        doc.heading(1, "Engine metrics");
        doc.paragraph("Means across forks, over the measurement iterations. Write amplification is engine bytes"
                + " written / user bytes written; space amplification is bytes on disk / the loaded user data ("
                + (Double.isNaN(userBytes) ? "unknown for variable value sizes"
                        : String.format(Locale.ROOT, "%,.0f bytes", userBytes))
                + "). Log sync and commit p99 are the engine's own (what it measures is in its sources below), over"
                + " each fork's last measurement iteration. — means the engine does not report it. Where each figure"
                + " comes from (a **proxy** is a stand-in, not the engine's own counter):");
        doc.table(table);
        doc.bullets(List.copyOf(notes));
    }

    /** Records × (key + value bytes), when the value size is fixed; NaN otherwise. */
    private static double loadedUserBytes(RunRecord record) {
        Long bytes = record.settings() == null ? null : record.settings().loadedUserBytes();
        return bytes == null ? Double.NaN : bytes;
    }

    /** The mean of the non-null values of {@code field}, or null when there are none. */
    private static Double mean(List<EngineMetrics> metrics, Function<EngineMetrics, Double> field) {
        double[] values = metrics.stream().map(field).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .toArray();
        return values.length == 0 ? null : Arrays.stream(values).average().orElseThrow();
    }

    private static String ratio(Double value, String format) {
        return value == null ? "—" : String.format(Locale.ROOT, format, value);
    }

    /** Bytes in binary units, three significant digits: {@code 97.6 MiB}. */
    static String bytes(Double value, String suffix) {
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
}
