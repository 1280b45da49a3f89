package io.storebench.bench.ab;

import io.storebench.bench.analysis.GateCommand;
import io.storebench.bench.analysis.GateFile;
import io.storebench.bench.analysis.VerdictFiles;
import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.Design;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.PairedRuns;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One interleaved A/B experiment: forks run as pairs, one of each side, back to back, in a
 * {@link PairOrder}; then each side's forks are gathered into a run folder ({@link SideMerger})
 * and the two are judged pair by pair ({@link PairedRuns}, the Wilcoxon signed-rank test, Holm
 * across keys). A failed fork drops its pair and a replacement with the same first side is
 * appended, which the output and {@code ab.json} say.
 *
 * <p>The folder: {@code forks/pNN-SIDE/} (each fork's own run folder) and {@code forks/pNN-SIDE.log}
 * (its output), {@code baseline/} and {@code candidate/} (the sides as runs), {@code gate.md},
 * {@code gate.json} and {@code ab.json}.
 */
final class AbExperiment {
    /**
     * What to run.
     *
     * @param shared the {@code run} options of both sides
     * @param command the command that asked for it, for the sides' {@code run.json}
     */
    record Plan(SideSpec baseline, SideSpec candidate, List<String> shared, int pairs, long orderSeed, Path folder,
            GateSettings judging, List<String> command) {
        SideSpec side(Side side) {
            return side == Side.BASELINE ? baseline : candidate;
        }
    }

    /** How it ended: the verdict, the sides as runs, and each pair's fate (for {@code ab.json}). */
    record Result(GateResult gate, RunRecord baseline, RunRecord candidate, int completedPairs,
            List<AbFile.PairFile> pairs, List<String> notes) {
        /** The same with another verdict (a calibration's notes added to its warnings). */
        Result with(GateResult other) {
            return new Result(other, baseline, candidate, completedPairs, pairs, notes);
        }
    }

    /** A side's options were refused by its jar ({@code run} exit 2): no pair can succeed. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The experiment was interrupted; the pairs it finished are in their folders. */
    static final class Interrupted extends Exception {
        Interrupted(String message) {
            super(message);
        }
    }

    private final Plan plan;
    private final ForkLauncher launcher;

    AbExperiment(Plan plan, ForkLauncher launcher) {
        this.plan = plan;
        this.launcher = launcher;
    }

    Result run(PrintStream out) throws IOException, Refused, Interrupted, SideMerger.Unusable {
        PairOrder order = PairOrder.of(plan.pairs(), plan.orderSeed());
        Map<Side, List<SideMerger.PairRun>> done = new EnumMap<>(Side.class);
        done.put(Side.BASELINE, new ArrayList<>());
        done.put(Side.CANDIDATE, new ArrayList<>());
        List<AbFile.PairFile> pairs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path forks = plan.folder().resolve("forks");
        for (PairOrder.Pair pair = order.next(); pair != null; pair = order.next()) {
            Map<Side, ForkLauncher.Outcome> outcomes = new EnumMap<>(Side.class);
            String failure = null;
            for (Side side : List.of(pair.first(), pair.first().other())) {
                String name = pair.tag() + "-" + side.label();
                ForkLauncher.Outcome outcome;
                try {
                    outcome = launcher.launch(plan.side(side), plan.shared(), forks.resolve(name),
                            forks.resolve(name + ".log"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Interrupted("interrupted in pair " + pair.number());
                }
                outcomes.put(side, outcome);
                if (outcome.exitCode() == 2) {
                    throw new Refused("the " + side.label() + " side's options were refused by "
                            + plan.side(side).jar() + ": " + outcome.failureLine());
                }
                if (outcome.exitCode() == 130 || outcome.exitCode() == 143) {
                    throw new Interrupted("the " + side.label() + " fork of pair " + pair.number()
                            + " was interrupted");
                }
                if (!outcome.ok()) {
                    failure = "the " + side.label() + " fork failed (exit " + outcome.exitCode() + ": "
                            + outcome.failureLine() + "; log " + forks.resolve(name + ".log") + ")";
                    break;
                }
            }
            double baselineSeconds = seconds(outcomes.get(Side.BASELINE));
            double candidateSeconds = seconds(outcomes.get(Side.CANDIDATE));
            if (failure == null) {
                for (Side side : Side.values()) {
                    done.get(side).add(new SideMerger.PairRun(pair.tag(), forks.resolve(pair.tag() + "-"
                            + side.label())));
                }
                out.printf(Locale.ROOT, "ab: pair %d/%d, %s first: baseline %.1f s, candidate %.1f s%n",
                        pair.number(), order.total(), pair.first().label(), baselineSeconds, candidateSeconds);
                pairs.add(new AbFile.PairFile(pair.number(), pair.first().label(), "done", baselineSeconds,
                        candidateSeconds, null));
                continue;
            }
            PairOrder.Pair replacement = order.replace(pair);
            String note = "pair " + pair.number() + " dropped: " + failure + "; " + (replacement == null
                    ? "no replacement (at most " + plan.pairs() + " replacements)"
                    : "pair " + replacement.number() + " added, " + replacement.first().label()
                            + " first, to keep the order balanced");
            notes.add(note);
            out.println("ab: " + note);
            pairs.add(new AbFile.PairFile(pair.number(), pair.first().label(), "dropped", baselineSeconds,
                    candidateSeconds, failure));
        }
        int completed = done.get(Side.BASELINE).size();
        if (completed == 0) {
            throw new SideMerger.Unusable("no pair finished: every pair lost a fork (" + pairs.get(0).failure()
                    + ")");
        }
        List<String> missing = new ArrayList<>(notes);
        if (completed < plan.pairs()) {
            missing.add(0, completed + " of " + plan.pairs() + " pairs finished");
        }
        RunRecord baseline = SideMerger.merge(plan.folder().resolve("baseline"), plan.command(),
                done.get(Side.BASELINE), completed < plan.pairs() ? missing : List.of());
        RunRecord candidate = SideMerger.merge(plan.folder().resolve("candidate"), plan.command(),
                done.get(Side.CANDIDATE), completed < plan.pairs() ? missing : List.of());
        GateResult judged = GateResult.judge(candidate.runId(),
                PairedRuns.of(baseline, candidate, plan.judging().metrics()), plan.judging());
        List<String> warnings = new ArrayList<>(notes);
        warnings.addAll(judged.warnings());
        GateResult gate = new GateResult(judged.settings(), judged.verdicts(), judged.problems(), warnings);
        return new Result(gate, baseline, candidate, completed, List.copyOf(pairs), List.copyOf(notes));
    }

    /**
     * Writes the verdict, {@code gate.md} and {@code gate.json} (both or neither), then
     * {@code ab.json} with that verdict's outcome: an {@code ab.json} never reports a verdict that
     * was not written.
     */
    void write(Result result) throws IOException {
        List<String> baseline = List.of(result.baseline().runId());
        List<String> candidate = List.of(result.candidate().runId());
        String spread = Design.PAIRS.label() + ": " + Design.PAIRS.description();
        VerdictFiles.write(plan.folder(), GateCommand.markdown(result.gate(), baseline, candidate, spread),
                GateFile.of(result.gate(), Design.PAIRS, baseline, candidate, spread));
        JsonFiles.write(plan.folder().resolve("ab.json"), new AbFile(AbFile.SCHEMA, plan.command(), plan.shared(),
                sideFile(plan.baseline(), "baseline"), sideFile(plan.candidate(), "candidate"), plan.pairs(),
                plan.orderSeed(), result.pairs(), result.completedPairs(), result.gate().outcome(),
                result.gate().exitCode(), result.notes()));
    }

    private static AbFile.SideFile sideFile(SideSpec side, String folder) {
        return new AbFile.SideFile(side.jar().toString(), side.args(), folder);
    }

    private static double seconds(ForkLauncher.Outcome outcome) {
        return outcome == null ? Double.NaN : outcome.seconds();
    }
}
