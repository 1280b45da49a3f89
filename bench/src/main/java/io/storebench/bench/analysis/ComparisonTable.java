package io.storebench.bench.analysis;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SettingsRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The table a run ends with: per engine, throughput, and per operation p50, p99 and p99.9 with
 * their 95 % confidence intervals across forks (one value per fork), errors and integrity
 * failures, and when an engine of the run retries (the SQL engines), the retries inside the
 * operations ("—" for an engine that does not retry). As text for the terminal, with a line
 * beneath per engine whose operations failed, per engine saturated in an open loop
 * ({@link SaturationSection#notes}) and per engine behind a language boundary
 * ({@link BoundarySection#notes}); {@code report} puts the same table in {@code report.md} and
 * {@code report.html}.
 */
public final class ComparisonTable {
    private static final List<String> HEADER = List.of("engine", "forks", "throughput ops/s", "operation", "p50 us",
        "p99 us", "p99.9 us", "errors", "integrity");
    private static final String RETRIES = "retries";

    private ComparisonTable() {
    }

    /** The rows: one per engine and operation, with a retries cell when {@link #retries} says so. */
    public static List<String[]> rows(RunRecord record) {
        boolean withRetries = retries(record);
        List<String[]> rows = new ArrayList<>();
        for (EngineRun engine : record.engines()) {
            List<ForkResult> forks = engine.forks();
            if (forks.isEmpty()) {
                String[] row = new String[HEADER.size() + (withRetries ? 1 : 0)];
                Arrays.fill(row, "");
                row[0] = engine.engine();
                row[1] = "0";
                row[2] = "no fork finished";
                rows.add(row);
                continue;
            }
            String throughput = interval(forks.stream().mapToDouble(ForkResult::throughput).toArray(), 1, "%,.0f");
            Set<String> operations = new LinkedHashSet<>();
            forks.forEach(f -> f.operations().forEach(o -> operations.add(o.operation())));
            boolean first = true;
            for (String operation : operations) {
                List<OperationResult> results = forks.stream().flatMap(f -> f.operations().stream())
                        .filter(o -> o.operation().equals(operation)).toList();
                List<String> row = new ArrayList<>(List.of(first ? engine.engine() : "",
                        first ? Integer.toString(forks.size()) : "", first ? throughput : "", operation,
                        latency(results, o -> o.latency().p50()), latency(results, o -> o.latency().p99()),
                        latency(results, o -> o.latency().p999()),
                        Long.toString(results.stream().mapToLong(OperationResult::errors).sum()),
                        Long.toString(results.stream().mapToLong(OperationResult::integrityFailures).sum())));
                if (withRetries) {
                    row.add(retries(results));
                }
                rows.add(row.toArray(String[]::new));
                first = false;
            }
        }
        return rows;
    }

    /** Whether a fork of {@code record} ran on a store that retries: then the table has a retries column. */
    static boolean retries(RunRecord record) {
        return record.engines().stream().flatMap(e -> e.forks().stream()).flatMap(f -> f.operations().stream())
                .anyMatch(o -> o.retries() != null);
    }

    /** The retries of {@code results} together; "—" when none of them is of a store that retries. */
    private static String retries(List<OperationResult> results) {
        List<Long> counts = results.stream().map(OperationResult::retries).filter(Objects::nonNull).toList();
        return counts.isEmpty() ? MetricColumn.NOT_MEASURED
                : Long.toString(counts.stream().mapToLong(Long::longValue).sum());
    }

    private static String latency(List<OperationResult> results, ToDoubleFunction<OperationResult> nanos) {
        return interval(results.stream().mapToDouble(nanos).toArray(), 1e-3, null);
    }

    /** Mean ± half-width; {@code format} null means {@link Figures#significant}. */
    private static String interval(double[] values, double scale, String format) {
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * scale;
        }
        ConfidenceInterval ci = ConfidenceInterval.of95(scaled);
        String mean = number(ci.mean(), format);
        return Double.isNaN(ci.halfWidth()) ? mean : mean + " ± " + number(ci.halfWidth(), format);
    }

    private static String number(double value, String format) {
        if (format != null) {
            return String.format(Locale.ROOT, format, value);
        }
        return Figures.significant(value);
    }

    /** The header lines that say what the figures are. */
    public static List<String> caption(RunRecord record) {
        SettingsRecord s = record.settings();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "StoreBench run %s: workload %s, %,d records, %s, %s threads, durability %s",
                record.runId(), s.workload(), s.records(), s.distribution(), s.threads(), s.durability()));
        lines.add(s.openLoop()
                ? String.format(Locale.ROOT, "open loop at %,.0f ops/s: latency from each operation's intended start"
                        + " (coordinated omission corrected)", s.rate())
                : "closed loop: latency from each operation's actual start (no --rate; stalls hide in throughput)");
        if (s.operations() != null) {
            lines.add(String.format(Locale.ROOT, "%,d measured operations per fork (single-shot batches)",
                    s.operations()));
        }
        if (s.injectTail() != null) {
            lines.add("injected tail " + s.injectTail() + ": that fraction of operations was delayed on purpose");
        }
        lines.add("± is the 95 % confidence interval of the mean across forks (one value per fork); latency in"
                + " microseconds");
        if (!record.complete()) {
            lines.add("INCOMPLETE: " + String.join("; ", record.missing()));
        }
        return lines;
    }

    /** The per-engine, per-operation table. */
    public static TextTable table(RunRecord record) {
        List<String> header = new ArrayList<>(HEADER);
        if (retries(record)) {
            header.add(RETRIES);
        }
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, true);
        numeric[0] = false;
        numeric[3] = false;
        TextTable table = new TextTable(header, numeric);
        rows(record).forEach(table::add);
        return table;
    }

    public static String text(RunRecord record) {
        StringBuilder out = new StringBuilder();
        caption(record).forEach(line -> out.append(line).append('\n'));
        out.append('\n').append(table(record).text());
        failureNotes(record).forEach(line -> out.append(line).append('\n'));
        SaturationSection.notes(record).forEach(line -> out.append(line).append('\n'));
        BoundarySection.notes(record).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /**
     * One line per engine whose servers died, and one per engine whose operations failed: how many,
     * in how many forks, the longest window that closed and the one still open at a fork's end
     * ({@link UnavailabilityText}).
     */
    static List<String> failureNotes(RunRecord record) {
        List<String> notes = new ArrayList<>();
        for (EngineRun engine : record.engines()) {
            String deaths = UnavailabilityText.deathNote(engine);
            if (deaths != null) {
                notes.add(deaths);
            }
            String failures = UnavailabilityText.engineNote(engine);
            if (failures != null) {
                notes.add(failures);
            }
        }
        return notes;
    }
}
