package io.storebench.bench.analysis;

import io.storebench.stats.model.BoundaryCost;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * What the engines behind a language boundary (the Go engines) cost to reach, from their forks'
 * {@link BoundaryCost}s: the report's "Language boundary" section, and the lines the run's
 * closing table ends with. Such an engine's latencies are timed inside the engine, so they
 * exclude the boundary; this says so, and what the boundary cost beside them: per call, measured
 * against the baselines, and per operation, as the forks observed it under the workload. Nothing
 * for a run without such an engine, or recorded before the harness measured it.
 */
public final class BoundarySection {
    private BoundarySection() {
    }

    /** One engine's boundary over the forks that measured it. */
    private record Summary(EngineRun engine, List<BoundaryCost> costs) {
        static Summary of(EngineRun engine) {
            return new Summary(engine, engine.forks().stream().map(ForkResult::boundary).filter(Objects::nonNull)
                    .toList());
        }

        String baseline() {
            return costs.get(0).baseline();
        }

        double callNanos() {
            return mean(BoundaryCost::callNanos).orElseThrow();
        }

        OptionalDouble mean(Function<BoundaryCost, ? extends Number> figure) {
            return costs.stream().map(figure).filter(Objects::nonNull).mapToDouble(Number::doubleValue).average();
        }

        String range(Function<BoundaryCost, ? extends Number> figure) {
            double[] values = costs.stream().map(figure).filter(Objects::nonNull).mapToDouble(Number::doubleValue)
                    .toArray();
            if (values.length < 2) {
                return MetricColumn.NOT_MEASURED;
            }
            return Figures.latency(java.util.Arrays.stream(values).min().orElseThrow()) + " – "
                    + Figures.latency(java.util.Arrays.stream(values).max().orElseThrow());
        }
    }

    private static List<Summary> summaries(List<EngineRun> engines) {
        return engines.stream().map(Summary::of).filter(s -> !s.costs().isEmpty()).toList();
    }

    /** Adds the section for {@code engines} (those with forks); nothing when none measured a boundary. */
    static void add(ReportDocument doc, List<EngineRun> engines) {
        List<Summary> summaries = summaries(engines);
        if (summaries.isEmpty()) {
            return;
        }
        List<String> names = summaries.stream().map(s -> s.engine().engine()).toList();
        doc.heading(1, "Language boundary");
        doc.paragraph("The latencies of " + String.join(", ", names) + " are timed inside the engine, on the far side"
                + " of the language boundary the harness reaches it through: each operation's latency is the engine's"
                + " own time for its call(s), with any pacing wait and injected delay, and excludes what crossing the"
                + " boundary costs (the other engines are timed around the call, their adapter and any JNI crossing"
                + " included). That cost, measured in each fork beside the engine's figures, means across forks:"
                + " per call, a get of the boundary's baseline (which crosses the same boundary and does nothing there)"
                + " less a get of the `null` baseline (the harness's own); and per operation, the time the forks"
                + " observed outside the engine under the workload (around each successful operation, less the"
                + " engine's time and any injected delay: the boundary, the adapter and the harness). — means not"
                + " measured.");
        TextTable table = new TextTable(List.of("engine", "baseline", "forks", "boundary per call",
                "range over forks", "baseline get", "null get", "outside the engine per operation"),
                false, false, true, true, true, true, true, true);
        for (Summary s : summaries) {
            table.add(s.engine().engine(), s.baseline(), s.costs().size() + " of " + s.engine().forks().size(),
                    Figures.latency(s.callNanos()), s.range(BoundaryCost::callNanos),
                    latency(s.mean(BoundaryCost::baselineCallNanos)), latency(s.mean(BoundaryCost::nullCallNanos)),
                    latency(s.mean(BoundaryCost::observedNanosPerOperation)));
        }
        doc.table(table);
        Set<String> notes = new LinkedHashSet<>();
        for (Summary s : summaries) {
            s.costs().stream().map(BoundaryCost::crossing).filter(Objects::nonNull).distinct()
                    .forEach(crossing -> notes.add(s.engine().engine() + " is reached " + crossing));
        }
        summaries.stream().flatMap(s -> s.costs().stream()).map(BoundaryCost::method).filter(Objects::nonNull)
                .distinct().forEach(method -> notes.add("How the boundary per call was measured: " + method));
        doc.bullets(List.copyOf(notes));
    }

    /**
     * One line per engine that measured a boundary, for beneath the run's closing table:
     * {@code badger: latencies timed inside the engine; the boundary costs 142 ns per call (go-null
     * vs null, mean of 5 forks), 171 ns per operation observed}.
     */
    public static List<String> notes(RunRecord record) {
        List<String> lines = new ArrayList<>();
        for (Summary s : summaries(record.engines())) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: latencies timed inside the engine;"
                    + " the boundary costs %.0f ns per call (%s vs null, mean of %d fork%s)", s.engine().engine(),
                    s.callNanos(), s.baseline(), s.costs().size(), s.costs().size() == 1 ? "" : "s"));
            s.mean(BoundaryCost::observedNanosPerOperation).ifPresent(observed -> line.append(String.format(Locale.ROOT,
                    ", %.0f ns per operation observed", observed)));
            lines.add(line.toString());
        }
        return lines;
    }

    private static String latency(OptionalDouble nanos) {
        return nanos.isPresent() ? Figures.latency(nanos.getAsDouble()) : MetricColumn.NOT_MEASURED;
    }
}
