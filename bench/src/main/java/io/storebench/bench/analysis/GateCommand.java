package io.storebench.bench.analysis;

import io.storebench.stats.Verdict;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.RunPairing;
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
 * regression. Prints one line per key, and writes {@code gate.md} (for a pull-request comment) and
 * {@code gate.json} (the verdict for machines).
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
                + " operation x metric) both have. The sample is one value per fork; the test is Welch's t on the"
                + " logarithms (the change is the ratio of geometric means), confirmed by an exact permutation test,"
                + " with Holm's correction across all keys.", ""},
        footer = {"", "Verdicts: REGRESSED (significant after Holm and worse than the floor), IMPROVED, BELOW-FLOOR"
                + " (significant, inside the floor), NO-CHANGE (90%% CI of the change inside +-floor), INCONCLUSIVE"
                + " (with the forks per side likely to decide it).", "",
                "Refused, never fixed (exit 2): a run.json with a key given twice, a number with a decimal point in"
                + " an integer field (\"p99\": 2345.7, and 2345.0 alike), or a fork listed twice; a workload setting"
                + " recorded on one side only; a fork whose threads are not its run's or whose durability is not its"
                + " engine's.", "",
                "gate.md and gate.json are written both or neither; a gate that stops before its verdict first"
                + " removes an earlier pair from the verdict directory.", "",
                "Exit codes: 0 no regression, 1 at least one REGRESSED (with --strict: or INCONCLUSIVE), 2 invalid or"
                + " insufficient data or runs that cannot be compared (different workload settings, different"
                + " machines without --allow-cross-host, keys on one side only, fewer than 5 forks, too few"
                + " operations per fork for the percentile, a refusal above), 3 usage or I/O error."})
public final class GateCommand implements Callable<Integer> {
    @Option(names = "--baseline", paramLabel = "DIR", description = "the baseline run folder (or its run.json)")
    Path baseline;

    @Option(names = "--candidate", paramLabel = "DIR", description = "the candidate run folder (or its run.json)")
    Path candidate;

    @Option(names = "--metric", paramLabel = "M[,M]", description = "p99 | p999 | p50 | throughput [p99]")
    String metric = "p99";

    @Mixin
    GateOptions judging;

    @Option(names = "--allow-cross-host", arity = "0",
            description = "compare runs from machines with different environments")
    boolean allowCrossHost;

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
        if (baseline == null || candidate == null) {
            throw new Cli.UsageError("--" + (baseline == null ? "baseline" : "candidate") + " DIR is required (gate"
                    + " --help)", GateResult.EXIT_USAGE);
        }
        Path verdictDirectory = outDirectory != null ? outDirectory : RunReader.folder(candidate);
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
        RunRecord baselineRun;
        RunRecord candidateRun;
        try {
            baselineRun = RunReader.read(baseline);
            candidateRun = RunReader.read(candidate);
        } catch (RunReader.Unreadable e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_USAGE);
        } catch (RunReader.Invalid e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_INVALID);
        }
        GateResult result = GateResult.judge(candidateRun.runId(),
                RunPairing.of(baselineRun, candidateRun, settings.metrics(), settings.allowCrossHost()), settings);

        out.printf("storebench gate: baseline %s, candidate %s%n%n", baselineRun.runId(), candidateRun.runId());
        if (!result.verdicts().isEmpty()) {
            out.print(VerdictTable.of(result, false).text());
            out.println();
            out.println(VerdictTable.legend(result));
        }
        result.warnings().forEach(w -> out.println("warning: " + w));
        result.problems().forEach(p -> out.println("problem: " + p));
        out.println(summary(result));
        try {
            VerdictFiles.write(verdictDirectory, markdown(result, baselineRun, candidateRun),
                    GateFile.of(result, baselineRun.runId(), candidateRun.runId()));
        } catch (IOException e) {
            throw new Cli.UsageError("cannot write gate.md and gate.json to " + verdictDirectory + " (neither was"
                    + " written): " + VerdictFiles.reason(e), GateResult.EXIT_USAGE);
        }
        out.println("storebench gate: wrote " + verdictDirectory.resolve("gate.md") + " and gate.json; exit "
                + result.exitCode());
        return result.exitCode();
    }

    static String summary(GateResult result) {
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

    static String markdown(GateResult result, RunRecord baseline, RunRecord candidate) {
        String icon = switch (result.exitCode()) {
            case GateResult.EXIT_PASS -> "✅";
            case GateResult.EXIT_REGRESSED -> "❌";
            default -> "⚠️";
        };
        StringBuilder md = new StringBuilder();
        md.append("## ").append(icon).append(" StoreBench gate: ").append(result.outcome()).append("\n\n");
        md.append("Baseline `").append(baseline.runId()).append("`, candidate `").append(candidate.runId())
                .append("`.  \n").append(summary(result)).append(".\n\n");
        if (!result.verdicts().isEmpty()) {
            md.append(VerdictTable.of(result, false).markdown()).append('\n');
            md.append(VerdictTable.legend(result)).append(".\n");
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
