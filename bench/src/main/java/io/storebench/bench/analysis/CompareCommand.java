package io.storebench.bench.analysis;

import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.RunLevelPairing;
import io.storebench.stats.compare.RunPairing;
import io.storebench.stats.compare.SaturatedRuns;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.UnmatchedArguments;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code compare DIR DIR...}: the gate's table for two or more runs, without gating. The first run
 * is the baseline of every other; or, with {@code --baseline}, the runs it names are the baseline of
 * every RUN (several: at the run level, {@link Designs}). Holm's adjustment runs across every key of
 * every candidate.
 * Differences that would stop a gate (other machines, other settings, missing keys) are shown as
 * notes, and the keys that can be compared still are.
 *
 * <p>Named {@code storebench compare} so that its one-line errors read as they always have
 * ({@code storebench compare: ...}); {@code Main} calls {@link #run}.
 */
@Command(name = "storebench compare",
        header = "the gate's table for two or more runs, without gating",
        mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        exitCodeOnInvalidInput = CompareCommand.EXIT_BAD_INPUT,
        description = {"Shows, for every key (engine x workload x operation x metric) the runs share, the baseline and"
                + " candidate with 95%% intervals, the change with its 95%% interval, the t test's p, the permutation"
                + " p, Holm's adjusted p and the verdict the gate would give. Runs are folders (or run.json files).",
                "",
                "compare BASELINE RUN...: the first run is the baseline of every other, fork by fork (the spread"
                + " excludes drift between runs). compare --baseline DIR1,DIR2,DIR3 RUN... (or --baseline FOLDER, a"
                + " folder of run folders): every RUN is judged alone against the baseline runs at the run level, one"
                + " value per run, by the prediction-interval t, which counts run-to-run drift.", ""},
        footer = {"", "Refused, never fixed (exit 2): a run.json with a key given twice, a number with a decimal point"
                + " in an integer field (\"p99\": 2345.7, and 2345.0 alike), or a fork listed twice; with --baseline,"
                + " 2 baseline runs (the run level needs 3), a run given twice, or a copy of a run (one fork's"
                + " measurement in two runs). What would stop a gate between runs that can be read (other settings,"
                + " other machines, forks that did not run their run's threads or durability, an open-loop run that"
                + " could not keep its rate) is shown as a note.",
                "",
                "Exit codes: 0 shown, 2 bad input: a run that cannot be read or is refused, or runs of which no key"
                + " could be compared."})
public final class CompareCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_BAD_INPUT = 2;

    @Parameters(paramLabel = "RUN", arity = "0..*", description = "the baseline, then one or more candidates; with"
            + " --baseline, the candidates only (a folder of run folders stands for its runs)")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "DIR", split = ",", description = "the baseline run(s), every RUN"
            + " then a candidate: one run, or several (DIR1,DIR2,DIR3, or a folder of run folders; at least 3) to"
            + " judge each RUN at the run level")
    List<Path> baseline = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "M[,M]", description = "p50 | p99 | p999 | iter-p50 | iter-p99 |"
            + " iter-p999 | throughput [p50,p99,p999,throughput]")
    String metric = "p50,p99,p999,throughput";

    @Mixin
    GateOptions judging;

    @Option(names = "--markdown", arity = "0", description = "print Markdown instead of a text table")
    boolean markdown;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    private CompareCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code compare} with {@code args}; returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(out, err), args, out, err);
    }

    /**
     * The command's picocli model, writing to {@code out} and {@code err}: what {@link #run} parses,
     * and what {@code benchmarks.jar}'s help and completion show.
     */
    public static CommandSpec spec(PrintStream out, PrintStream err) {
        return CommandSpec.forAnnotatedObject(new CompareCommand(out));
    }

    @Override
    public Integer call() {
        UnmatchedArguments.refuse(spec, unmatched, EXIT_BAD_INPUT);
        if (baseline.isEmpty() && runs.size() < 2) {
            throw new Cli.UsageError("give at least two runs (a baseline and a candidate); got " + runs.size()
                    + " (compare --help)", EXIT_BAD_INPUT);
        }
        if (!baseline.isEmpty() && runs.isEmpty()) {
            throw new Cli.UsageError("give one or more candidate RUNs after --baseline (compare --help)",
                    EXIT_BAD_INPUT);
        }
        GateSettings settings;
        try {
            settings = judging.settings(metric, true, false);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage(), EXIT_BAD_INPUT);
        }
        List<RunSet.Run> baselines;
        List<RunSet.Run> candidates;
        try {
            if (baseline.isEmpty()) { // the first RUN is the baseline of the others, each RUN one run
                baselines = List.of(one(runs.get(0)));
                candidates = new ArrayList<>();
                for (Path run : runs.subList(1, runs.size())) {
                    candidates.add(one(run));
                }
            } else {
                baselines = RunSet.read("--baseline", baseline);
                candidates = RunSet.read("RUN", runs);
            }
        } catch (IllegalArgumentException | RunReader.Unreadable | RunReader.Invalid e) {
            throw new Cli.UsageError(e.getMessage(), EXIT_BAD_INPUT);
        }
        String tooFew = Designs.tooFewBaselineRuns(baselines.size(), 1);
        if (tooFew != null) {
            throw new Cli.UsageError(tooFew, EXIT_BAD_INPUT);
        }
        boolean runLevel = baselines.size() > 1;
        if (runLevel) {
            List<RunSet.Run> all = new ArrayList<>(baselines);
            all.addAll(candidates);
            try {
                RunSet.refuseCopies(all); // a candidate among the baselines would be judged against itself
            } catch (RunReader.Invalid e) {
                throw new Cli.UsageError(e.getMessage(), EXIT_BAD_INPUT);
            }
            all = RunSet.distinctNames(all);
            baselines = all.subList(0, baselines.size());
            candidates = all.subList(baselines.size(), all.size());
        }
        List<RunPairing> pairings = new ArrayList<>();
        List<String> candidateIds = new ArrayList<>();
        for (RunSet.Run candidate : candidates) {
            if (runLevel) {
                pairings.add(RunLevelPairing.of(baselines.stream().map(RunSet.Run::record).toList(),
                        List.of(candidate.record()), settings.metrics(), true));
            } else {
                pairings.add(RunPairing.of(baselines.get(0).record(), candidate.record(), settings.metrics(), true));
            }
            candidateIds.add(candidate.id());
        }
        GateResult result = GateResult.judge(candidateIds, pairings, settings);
        if (result.verdicts().isEmpty()) {
            throw new Cli.UsageError("no key could be compared" + (result.problems().isEmpty() ? ""
                    : ": " + result.problems().get(0) + (result.problems().size() > 1 ? " (and "
                    + (result.problems().size() - 1) + " more)" : "")), EXIT_BAD_INPUT);
        }
        boolean several = candidates.size() > 1;
        TextTable table = VerdictTable.of(result, several);
        String title = (runLevel ? "baseline runs " + RunSet.ids(baselines) + "; candidate"
                : "baseline " + baselines.get(0).id() + ", candidate") + (several ? "s " : " ")
                + String.join(", ", candidateIds);
        List<String> notes = new ArrayList<>(List.of("note: " + Designs.spread(baselines.size(), 1)));
        notes.addAll(notes(result));
        List<SaturatedRuns.Named> named = SaturatedRuns.named(baselines.stream().map(RunSet.Run::record).toList(),
                candidates.stream().map(RunSet.Run::record).toList());
        SaturatedRuns.saturated(named).forEach(line -> notes.add("note: SATURATED: " + line + ": its latencies"
                + " measure the queue, not the engine (gate refuses it without " + SaturatedRuns.ALLOW + ")"));
        SaturatedRuns.unknown(named).forEach(line -> notes.add("note: " + line));
        if (markdown) {
            out.println("## StoreBench comparison: " + title + "\n");
            out.print(table.markdown());
            out.println("\n" + VerdictTable.legend(result) + ".");
            notes.forEach(note -> out.println("- " + note));
        } else {
            out.println("storebench compare: " + title + "\n");
            out.print(table.text());
            out.println();
            out.println(VerdictTable.legend(result));
            notes.forEach(out::println);
        }
        return EXIT_OK;
    }

    /** One RUN of the positional form: a run folder or its run.json, as before. */
    private static RunSet.Run one(Path run) throws RunReader.Unreadable, RunReader.Invalid {
        return new RunSet.Run(RunReader.folder(run), RunReader.read(run));
    }

    private static List<String> notes(GateResult result) {
        List<String> notes = new ArrayList<>();
        result.problems().forEach(p -> notes.add("not compared: " + p));
        result.warnings().forEach(w -> notes.add("note: " + w));
        return notes;
    }
}
