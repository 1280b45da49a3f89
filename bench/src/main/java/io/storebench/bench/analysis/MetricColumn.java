package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A column of a table of engine metrics: its header, the figure it reads from a fork's
 * {@link EngineMetrics} (null where not measured), and how the mean across an engine's forks is
 * printed; a cell with no figure in any fork is "—".
 */
record MetricColumn(String header, Function<EngineMetrics, ? extends Number> figure, Function<Double, String> format) {
    static final String NOT_MEASURED = "—";

    /** Whether some fork among {@code metrics} has this figure. */
    boolean reported(List<EngineMetrics> metrics) {
        return metrics.stream().map(figure).anyMatch(Objects::nonNull);
    }

    /** The mean across {@code forks} of this figure, formatted; "—" when no fork has it. */
    String cell(List<EngineMetrics> forks) {
        double[] values = forks.stream().map(figure).filter(Objects::nonNull).mapToDouble(Number::doubleValue)
                .toArray();
        return values.length == 0 ? NOT_MEASURED : format.apply(Arrays.stream(values).average().orElseThrow());
    }

    /** A mean of counts: whole numbers as such ({@code 12}, {@code 1,024}), others to three significant digits. */
    static String count(double value) {
        return value == Math.rint(value) ? String.format(java.util.Locale.ROOT, "%,.0f", value)
                : Figures.significant(value);
    }

    /** A table with an "engine" column and these, numbers right-aligned. */
    static TextTable table(List<MetricColumn> columns) {
        List<String> header = new ArrayList<>(List.of("engine"));
        columns.forEach(column -> header.add(column.header()));
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, 1, numeric.length, true);
        return new TextTable(header, numeric);
    }

    /** The row of {@code engine}, whose forks' metrics are {@code forks}. */
    static List<String> row(String engine, List<MetricColumn> columns, List<EngineMetrics> forks) {
        List<String> row = new ArrayList<>(List.of(engine));
        columns.forEach(column -> row.add(column.cell(forks)));
        return row;
    }

    /** The columns of {@code columns} that some fork among {@code metrics} has. */
    static List<MetricColumn> reported(List<MetricColumn> columns, List<EngineMetrics> metrics) {
        return columns.stream().filter(column -> column.reported(metrics)).toList();
    }
}
