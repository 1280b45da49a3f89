package io.storebench.stats.compare;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.Saturation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs of a comparison whose open loop could not keep its rate ({@code engines[].saturation},
 * see {@link io.storebench.stats.model.SaturationRule}): their latencies measure the queue, not the
 * engine, so {@code gate} and {@code ab} refuse them (a problem: exit 2) unless allowed (then a
 * warning), and {@code compare} notes them. An open-loop run written before saturation was recorded
 * is one warning: whether it kept its rate is not known.
 */
public final class SaturatedRuns {
    /** The option that lets {@code gate} and {@code ab} compare saturated runs. */
    public static final String ALLOW = "--allow-saturated";

    private SaturatedRuns() {
    }

    /**
     * One line per saturated engine of the runs, each run named as its key says ("baseline run b1"):
     * {@code candidate run c: rocksdb is saturated: open-loop target 20,000 ops/s, achieved 11,731 (58.7 %),
     * 99.97 % of operations late}.
     */
    public static List<String> saturated(List<Named> runs) {
        List<String> lines = new ArrayList<>();
        runs.forEach(named -> {
            String name = named.name();
            RunRecord run = named.run();
            for (EngineRun engine : run.engines()) {
                Saturation s = engine.saturation();
                if (s != null && s.saturated()) {
                    lines.add(name + ": " + engine.engine() + " is saturated: " + s.describe());
                }
            }
        });
        return lines;
    }

    /** One line per open-loop run written before saturation was recorded. */
    public static List<String> unknown(List<Named> runs) {
        List<String> lines = new ArrayList<>();
        runs.forEach(named -> {
            String name = named.name();
            RunRecord run = named.run();
            List<String> engines = run.engines().stream().filter(e -> e.saturation() == null && e.forks() != null
                    && e.forks().stream().anyMatch(f -> !f.closedLoop() && f.rate() > 0)).map(EngineRun::engine)
                    .toList();
            if (!engines.isEmpty()) {
                double rate = run.engines().stream().flatMap(e -> e.forks().stream()).filter(f -> !f.closedLoop())
                        .mapToDouble(ForkResult::rate).findFirst().orElse(0);
                lines.add(String.format(Locale.ROOT, "%s ran open-loop at %,.0f ops/s and was written before"
                        + " saturation was recorded: whether %s kept that rate is not known", name, rate,
                        String.join(", ", engines)));
            }
        });
        return lines;
    }

    /**
     * {@code result} with the saturated runs as problems (exit 2), or with {@code allowed} as
     * warnings, and the runs whose saturation is not known as warnings.
     */
    public static GateResult judged(GateResult result, List<Named> runs, boolean allowed) {
        List<String> problems = new ArrayList<>(result.problems());
        List<String> warnings = new ArrayList<>(result.warnings());
        for (String line : saturated(runs)) {
            if (allowed) {
                warnings.add(line + ": its latencies measure the queue, not the engine (allowed by " + ALLOW + ")");
            } else {
                problems.add(line + ": its latencies measure the queue, not the engine; give " + ALLOW
                        + " to compare it anyway");
            }
        }
        warnings.addAll(unknown(runs));
        return new GateResult(result.settings(), result.verdicts(), List.copyOf(problems), List.copyOf(warnings));
    }

    /** A run as the lines name it. */
    public record Named(String name, RunRecord run) {
    }

    /** The runs named as a comparison's lines name them: {@code baseline run ID}, {@code candidate run ID}. */
    public static List<Named> named(List<RunRecord> baselines, List<RunRecord> candidates) {
        List<Named> named = new ArrayList<>();
        baselines.forEach(run -> named.add(new Named("baseline run " + run.runId(), run)));
        candidates.forEach(run -> named.add(new Named("candidate run " + run.runId(), run)));
        return named;
    }
}
