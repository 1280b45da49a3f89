package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.GcPressure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The report's "GC pressure" section: per engine, the fork JVM's garbage collection and, beside it,
 * the Go runtime's for an engine that runs in one (collections, total pause, p99 pause, heap in use,
 * bytes allocated per operation), means across forks; then where the figures come from. Absent for
 * runs recorded before the harness measured it.
 */
final class GcPressureSection {
    private GcPressureSection() {
    }

    /** Adds the section for {@code engines} (those with forks); nothing when no fork measured GC. */
    static void add(ReportDocument doc, List<EngineRun> engines) {
        List<EngineMetrics> all = engines.stream().flatMap(e -> EngineMetricsSection.metrics(e).stream()).toList();
        boolean jvm = all.stream().anyMatch(m -> m.jvmGc() != null);
        boolean go = all.stream().anyMatch(m -> m.goGc() != null);
        if (!jvm && !go) {
            return;
        }
        List<MetricColumn> columns = new ArrayList<>();
        if (jvm) {
            // the JVM times collections in whole milliseconds: 0 is under 1 ms
            columns.addAll(columns("JVM", EngineMetrics::jvmGc, nanos -> nanos == 0 ? "< 1 ms" : Figures.latency(nanos)));
        }
        if (go) {
            columns.addAll(columns("Go", EngineMetrics::goGc, Figures::latency));
        }
        TextTable table = MetricColumn.table(columns);
        Map<Source, TreeSet<String>> sources = new LinkedHashMap<>();
        for (EngineRun engine : engines) {
            List<EngineMetrics> forks = EngineMetricsSection.metrics(engine);
            table.add(MetricColumn.row(engine.engine(), columns, forks));
            forks.stream().flatMap(m -> Stream.of(m.jvmGc(), m.goGc())).filter(Objects::nonNull)
                    .flatMap(Source::of).forEach(source -> sources.computeIfAbsent(source, k -> new TreeSet<>())
                            .add(engine.engine()));
        }
        doc.heading(1, "GC pressure");
        doc.paragraph("Garbage collection over the measurement iterations, means across forks: collections, their"
                + " total stop-the-world pause, the p99 pause (over each fork's last measurement iteration), the"
                + " heap in use at the end and the bytes allocated per operation completed. The JVM's figures are of"
                + " the whole fork JVM, the harness's and JMH's threads included, for every engine: compare them"
                + " between engines, not with the Go runtime's, which serves only a Go engine's library. JVM pauses"
                + " are timed to the millisecond (\"< 1 ms\": shorter)"
                + (go ? "" : "; no engine of this run runs in a Go runtime") + ". — means not measured.");
        doc.table(table);
        doc.paragraph("What the figures cover and where each comes from, with the engines whose forks read it so:");
        List<String> notes = new ArrayList<>();
        sources.forEach((source, names) -> notes.add(source.figure() + " (" + String.join(", ", names) + "): "
                + source.text()));
        doc.bullets(notes);
    }

    /** What a runtime's figure (or, as {@code figure} the runtime alone, its scope) was read from. */
    private record Source(String figure, String text) {
        static Stream<Source> of(GcPressure gc) {
            Stream<Source> scope = gc.scope() == null ? Stream.empty() : Stream.of(new Source(gc.runtime(), gc.scope()));
            return Stream.concat(scope, gc.sources().entrySet().stream()
                    .map(e -> new Source(gc.runtime() + " " + e.getKey(), e.getValue())));
        }
    }

    /** The five columns of one runtime, {@code runtime} naming it in their headers, pauses printed by {@code pause}. */
    private static List<MetricColumn> columns(String runtime, Function<EngineMetrics, GcPressure> gc,
            Function<Double, String> pause) {
        return List.of(
                new MetricColumn(runtime + " cycles", field(gc, GcPressure::cycles), MetricColumn::count),
                new MetricColumn(runtime + " pause total", field(gc, GcPressure::pauseNanos), pause),
                new MetricColumn(runtime + " p99 pause", field(gc, GcPressure::pauseP99Nanos), pause),
                new MetricColumn(runtime + " heap in use", field(gc, GcPressure::heapInUseBytes),
                        v -> EngineMetricsSection.bytes(v, "")),
                new MetricColumn(runtime + " allocated/op", field(gc, GcPressure::allocatedBytesPerOperation),
                        v -> EngineMetricsSection.bytes(v, "")));
    }

    private static Function<EngineMetrics, Number> field(Function<EngineMetrics, GcPressure> gc,
            Function<GcPressure, ? extends Number> field) {
        return metrics -> {
            GcPressure pressure = gc.apply(metrics);
            return pressure == null ? null : field.apply(pressure);
        };
    }
}
