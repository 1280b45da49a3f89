package io.storebench.bench.analysis;

import io.storebench.stats.Design;
import io.storebench.stats.Verdict;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.RunLevelPairing;
import io.storebench.stats.compare.RunPairing;
import io.storebench.stats.compare.SaturatedRuns;
import io.storebench.stats.model.RunRecord;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.UnmatchedArguments;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code gate}: judges a candidate run against a baseline run, key by key, and exits non-zero on a
 * regression; or, with several baseline runs, one or more candidate runs at the run level
 * ({@link Designs}). Prints one line per key, and writes {@code gate.md} (for a pull-request
 * comment) and {@code gate.json} (the verdict for machines), both or neither ({@link VerdictFiles}).
 *
 * <p>Named {@code storebench gate} so that its one-line errors read as they always have
 * ({@code storebench gate: ...}); {@code Main} calls {@link #run}.
 */
@Command(name = "storebench gate",
        header = "judge a candidate run against a baseline: exit 1 on a regression (0 pass, 1 regressed,"
                + " 2 invalid or incomparable data, 3 usage or I/O)",
        mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        exitCodeOnInvalidInput = GateResult.EXIT_USAGE,
        description = {"Judges the candidate run against the baseline run for every key (engine x workload x"
                + " operation x metric) both have. With one run a side (fork-level) the sample is one value per fork;"
                + " the test is Welch's t on the logarithms (the change is the ratio of geometric means), confirmed by"
                + " an exact permutation test, with Holm's correction across all keys. Fork spread excludes drift"
                + " between runs, which the output says: for a verdict that counts it give several baseline runs,"
                + " run `ab` (interleaved A/B runs in one invocation) or measure the false-positive rate on this host"
                + " with `calibrate`.", "",
                "Several baseline runs (--baseline DIR1,DIR2,DIR3, or a folder of run folders; at least 3) judge at the"
                + " run level: the run is the sample, each contributing the geometric mean of its forks. One candidate"
                + " run is tested by the prediction-interval t on the logs, t = (c - mean(b)) / (s_b sqrt(1 + 1/k)),"
                + " df = k - 1 (k baseline runs), whose interval also gives the change's; a permutation test cannot"
                + " confirm one candidate value, so none is made and the verdict rests on the t alone. Several"
                + " candidate runs (--candidate DIR1,DIR2; --out then required) are Welch's t on the run values with"
                + " the permutation confirmation. Every run must agree with the first baseline run on the workload settings and the"
                + " machine. gate.json says the design (fork-level or run-level).", ""},
        footer = {"", "Verdicts: REGRESSED (significant after Holm and worse than the floor), IMPROVED, BELOW-FLOOR"
                + " (significant, inside the floor), NO-CHANGE (90%% CI of the change inside +-floor), INCONCLUSIVE"
                + " (with the forks per side likely to decide it).", "",
                "Refused, never fixed (exit 2): a run.json with a key given twice, a number with a decimal point in"
                + " an integer field (\"p99\": 2345.7, and 2345.0 alike), or a fork listed twice; a workload setting"
                + " recorded on one side only; a fork whose threads are not its run's or whose durability is not its"
                + " engine's; several runs with fewer than 3 baseline runs; a run given twice, or a copy of a run (one"
                + " fork's measurement in two runs).", "",
                "gate.md and gate.json are written both or neither; a gate that stops before its verdict first"
                + " removes an earlier pair from the verdict directory.", "",
                "Exit codes: 0 no regression, 1 at least one REGRESSED (with --strict: or INCONCLUSIVE), 2 invalid or"
                + " insufficient data or runs that cannot be compared (different workload settings, different"
                + " machines without --allow-cross-host, keys on one side only, fewer than 5 forks, too few"
                + " operations per fork for the percentile, an open-loop run that could not keep its rate (saturated:"
                + " below 95%% of it, or over 50%% of operations late) without --allow-saturated, a refusal above), 3"
                + " usage or I/O error."})
public final class GateCommand implements Callable<Integer> {
    @Option(names = "--baseline", paramLabel = "DIR", split = ",", description = "the baseline run folder (or its"
            + " run.json); several (DIR1,DIR2,DIR3, or a folder of run folders) judge at the run level")
    List<Path> baseline = new ArrayList<>();

    @Option(names = "--candidate", paramLabel = "DIR", split = ",", description = "the candidate run folder (or its"
            + " run.json); several, as for --baseline, need at least 3 baseline runs and --out")
    List<Path> candidate = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "M[,M]", description = "p99 | p999 | p50 | iter-p99 | iter-p999 | iter-p50 | throughput [p99]")
    String metric = "p99";

    @Mixin
    GateOptions judging;

    @Option(names = "--allow-cross-host", arity = "0",
            description = "compare runs from machines with different environments")
    boolean allowCrossHost;

    @Option(names = SaturatedRuns.ALLOW, arity = "0", description = "compare an open-loop run that could not keep"
            + " its rate (saturated: its latencies measure the queue), with a warning instead of exit 2")
    boolean allowSaturated;

    @Option(names = "--calibration", paramLabel = "FILE", description = "this host's calibration (see calibrate),"
            + " for the noise line and the --floor warning [$STOREBENCH_CALIBRATION or ~/.storebench/calibration.json]")
    Path calibration;

    @Option(names = "--strict", arity = "0", description = "INCONCLUSIVE fails the gate too")
    boolean strict;

    @Option(names = "--out", paramLabel = "DIR", description = "where gate.md and gate.json go [the candidate run"
            + " folder]")
    Path outDirectory;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    private GateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code gate} with {@code args}; returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(out, err), args, out, err);
    }

    /**
     * The command's picocli model, writing to {@code out} and {@code err}: what {@link #run} parses,
     * and what {@code benchmarks.jar}'s help and completion show.
     */
    public static CommandSpec spec(PrintStream out, PrintStream err) {
        return CommandSpec.forAnnotatedObject(new GateCommand(out, err));
    }

    @Override
    public Integer call() {
        UnmatchedArguments.refuse(spec, unmatched, GateResult.EXIT_USAGE);
        if (baseline.isEmpty() || candidate.isEmpty()) {
            throw new Cli.UsageError("--" + (baseline.isEmpty() ? "baseline" : "candidate") + " DIR is required (gate"
                    + " --help)", GateResult.EXIT_USAGE);
        }
        if (outDirectory == null && (candidate.size() > 1 || RunSet.isFolderOfRuns(candidate.get(0)))) {
            throw new Cli.UsageError("--out DIR is required with several --candidate runs (where gate.md and gate.json"
                    + " go)", GateResult.EXIT_USAGE);
        }
        Path verdictDirectory = outDirectory != null ? outDirectory : RunReader.folder(candidate.get(0));
        try {
            VerdictFiles.clear(verdictDirectory); // a gate that stops before its verdict leaves none
        } catch (IOException e) {
            throw new Cli.UsageError("cannot remove the earlier gate.md and gate.json in " + verdictDirectory + ": "
                    + VerdictFiles.reason(e), GateResult.EXIT_USAGE);
        }
        GateSettings settings;
        try {
            settings = judging.settings(metric, allowCrossHost, strict);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_USAGE);
        }
        List<RunSet.Run> baselines = read("--baseline", baseline);
        List<RunSet.Run> candidates = read("--candidate", candidate);
        Design design = Designs.of(baselines.size(), candidates.size());
        String tooFew = Designs.tooFewBaselineRuns(baselines.size(), candidates.size());
        if (tooFew != null) {
            throw new Cli.UsageError(tooFew, GateResult.EXIT_INVALID);
        }
        RunPairing pairing;
        if (design == Design.RUNS) {
            List<RunSet.Run> all = new ArrayList<>(baselines);
            all.addAll(candidates);
            try {
                RunSet.refuseCopies(all); // a candidate among the baselines would be judged against itself
            } catch (RunReader.Invalid e) {
                throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_INVALID);
            }
            all = RunSet.distinctNames(all);
            baselines = all.subList(0, baselines.size());
            candidates = all.subList(baselines.size(), all.size());
            pairing = RunLevelPairing.of(records(baselines), records(candidates), settings.metrics(),
                    settings.allowCrossHost());
        } else {
            pairing = RunPairing.of(baselines.get(0).record(), candidates.get(0).record(), settings.metrics(),
                    settings.allowCrossHost());
        }
        List<String> baselineIds = baselines.stream().map(RunSet.Run::id).toList();
        List<String> candidateIds = candidates.stream().map(RunSet.Run::id).toList();
        GateResult judged = SaturatedRuns.judged(GateResult.judge(String.join(",", candidateIds), pairing, settings),
                SaturatedRuns.named(records(baselines), records(candidates)), allowSaturated);
        GateResult result = Calibration.withNotes(judged, calibration, baselines.get(0).record());
        String spread = Designs.spread(baselines.size(), candidates.size());

        out.printf("storebench gate: %s%n%n", title(baselines, candidates));
        if (!result.verdicts().isEmpty()) {
            out.print(VerdictTable.of(result, false).text());
            out.println();
            out.println(VerdictTable.legend(result));
        }
        out.println("note: " + spread);
        result.warnings().forEach(w -> out.println("warning: " + w));
        result.problems().forEach(p -> out.println("problem: " + p));
        out.println(summary(result));
        try {
            VerdictFiles.write(verdictDirectory, markdown(result, baselineIds, candidateIds, spread),
                    GateFile.of(result, design, baselineIds, candidateIds, spread));
        } catch (IOException e) {
            throw new Cli.UsageError("cannot write gate.md and gate.json to " + verdictDirectory + " (neither was"
                    + " written): " + VerdictFiles.reason(e), GateResult.EXIT_USAGE);
        }
        out.println("storebench gate: wrote " + verdictDirectory.resolve("gate.md") + " and gate.json; exit "
                + result.exitCode());
        return result.exitCode();
    }

    private static List<RunSet.Run> read(String option, List<Path> given) {
        try {
            return RunSet.read(option, given);
        } catch (IllegalArgumentException | RunReader.Unreadable e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_USAGE);
        } catch (RunReader.Invalid e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_INVALID);
        }
    }

    private static List<RunRecord> records(List<RunSet.Run> runs) {
        return runs.stream().map(RunSet.Run::record).toList();
    }

    private static String quoted(List<String> ids) {
        return String.join(", ", ids.stream().map(id -> "`" + id + "`").toList());
    }

    /** {@code baseline a, candidate b}, or with several runs {@code baseline runs a, b, c; candidate run d}. */
    static String title(List<RunSet.Run> baselines, List<RunSet.Run> candidates) {
        if (baselines.size() == 1 && candidates.size() == 1) {
            return "baseline " + baselines.get(0).id() + ", candidate " + candidates.get(0).id();
        }
        return "baseline runs " + RunSet.ids(baselines) + "; candidate run" + (candidates.size() == 1 ? " " : "s ")
                + RunSet.ids(candidates);
    }

    public static String summary(GateResult result) {
        String counts = String.format("%d regressed, %d improved, %d below floor, %d no change, %d inconclusive",
                result.count(Verdict.REGRESSED), result.count(Verdict.IMPROVED), result.count(Verdict.BELOW_FLOOR),
                result.count(Verdict.NO_CHANGE), result.count(Verdict.INCONCLUSIVE));
        return switch (result.exitCode()) {
            case GateResult.EXIT_PASS -> "PASS: no regression (" + counts + ")";
            case GateResult.EXIT_REGRESSED -> "FAIL: " + counts + (result.settings().strict()
                    && result.count(Verdict.REGRESSED) == 0 ? " (--strict fails INCONCLUSIVE)" : "");
            default -> "INVALID: " + result.problems().size() + " problem(s) above; the runs cannot be judged (" + counts
                    + ")";
        };
    }

    /**
     * gate.md: the outcome, the runs, the table, the note on what the spread includes (none when
     * {@code spread} is null), problems and warnings.
     */
    public static String markdown(GateResult result, List<String> baselines, List<String> candidates, String spread) {
        String icon = switch (result.exitCode()) {
            case GateResult.EXIT_PASS -> "✅";
            case GateResult.EXIT_REGRESSED -> "❌";
            default -> "⚠️";
        };
        StringBuilder md = new StringBuilder();
        md.append("## ").append(icon).append(" StoreBench gate: ").append(result.outcome()).append("\n\n");
        md.append(baselines.size() == 1 && candidates.size() == 1 ? "Baseline " + quoted(baselines) + ", candidate "
                + quoted(candidates) : "Baseline runs " + quoted(baselines) + "; candidate run"
                + (candidates.size() == 1 ? " " : "s ") + quoted(candidates)).append(".  \n")
                .append(summary(result)).append(".\n\n");
        if (!result.verdicts().isEmpty()) {
            md.append(VerdictTable.of(result, false).markdown()).append('\n');
            md.append(VerdictTable.legend(result)).append(".\n");
        }
        if (spread != null) {
            md.append("\nNote: ").append(spread).append(".\n");
        }
        if (!result.problems().isEmpty()) {
            md.append("\n**Problems** (the runs cannot be judged until they are fixed):\n\n");
            result.problems().forEach(p -> md.append("- ").append(p).append('\n'));
        }
        if (!result.warnings().isEmpty()) {
            md.append("\nWarnings:\n\n");
            result.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
        }
        return md.toString();
    }
}
