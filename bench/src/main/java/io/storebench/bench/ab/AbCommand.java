package io.storebench.bench.ab;

import io.storebench.bench.analysis.GateCommand;
import io.storebench.bench.analysis.Calibration;
import io.storebench.bench.analysis.GateOptions;
import io.storebench.bench.analysis.VerdictFiles;
import io.storebench.bench.analysis.VerdictTable;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.SaturatedRuns;
import io.storebench.workloads.cli.Cli;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ab}: a baseline and a candidate in one invocation, their forks interleaved in pairs on
 * this machine, judged pair by pair. What CI should run instead of gating a fresh run against a
 * baseline measured at another time: drift between runs is the largest noise there is (issue 14),
 * and pairs cancel it.
 */
@Command(name = "storebench ab",
        header = "a baseline and a candidate, interleaved in pairs on this machine, judged pair by pair: exit 1 on a"
                + " regression",
        mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        exitCodeOnInvalidInput = GateResult.EXIT_USAGE,
        customSynopsis = {"storebench ab [RUN OPTIONS] [--baseline-args \"...\"] [--candidate-args \"...\"]"
                + " [--baseline-jar JAR] [--candidate-jar JAR] [--pairs N] [options below]", ""},
        description = {"Runs the forks as pairs, one fork of each side back to back, in a seeded order with as many"
                + " baseline-first as candidate-first pairs. Each fork is `java -jar JAR run RUN-OPTIONS SIDE-ARGS"
                + " --forks 1`: every option this command does not know is a run option both sides share (see run"
                + " --help); a side differs by its own --baseline-args / --candidate-args (engine options, engine,"
                + " durability...) or by its jar (the base build against the head build). A failed fork drops its"
                + " pair and a pair with the same first side is added.", "",
                "The test is paired: per pair, the log of candidate/baseline; the Wilcoxon signed-rank test (exact"
                + " up to 20 pairs), the change its Hodges-Lehmann estimate with a 95%% interval, Holm across keys;"
                + " the verdicts of gate. A disturbed pair counts as one rank. On a shared host, --metric iter-p99"
                + " (each fork's median of its iterations' p99) keeps a disturbed iteration out of a fork's value. The folder holds each fork's run (forks/), both sides as runs (baseline/, candidate/: for"
                + " report and compare), gate.md, gate.json and ab.json.", ""},
        footer = {"", "Exit codes: 0 no regression, 1 at least one REGRESSED (with --strict: or INCONCLUSIVE), 2 invalid"
                + " or insufficient data (fewer than 6 complete pairs, sides that cannot be paired, no pair finished, a"
                + " side whose open loop could not keep its rate without --allow-saturated)"
                + " or run options that run refuses (an option neither ab nor run knows among them), 3 usage or I/O"
                + " error (a bad value of an option above, a missing jar, --out not empty), 130 interrupted (the pairs"
                + " finished are in forks/)."})
public final class AbCommand implements Callable<Integer> {
    static final int EXIT_INTERRUPTED = 130;

    @Mixin
    SideOptions sides;

    @Option(names = "--metric", paramLabel = "M[,M]", description = "p99 | p999 | p50 | iter-p99 | iter-p999 | iter-p50 | throughput [p99]")
    String metric = "p99";

    @Mixin
    GateOptions judging;

    @Option(names = "--strict", arity = "0", description = "INCONCLUSIVE fails too")
    boolean strict;

    @Option(names = SaturatedRuns.ALLOW, arity = "0", description = "judge a side whose open loop could not keep"
            + " its rate (saturated: its latencies measure the queue), with a warning instead of exit 2")
    boolean allowSaturated;

    @Option(names = "--out", paramLabel = "DIR", description = "the experiment's folder, new or empty"
            + " [results/<date-time>-ab]")
    Path out;

    @Option(names = "--calibration", paramLabel = "FILE", description = "this host's calibration (see calibrate),"
            + " for the noise line and the --floor warning [$STOREBENCH_CALIBRATION or ~/.storebench/calibration.json]")
    Path calibration;

    @Unmatched
    List<String> shared = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;

    private AbCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(out, err), args, out, err);
    }

    public static CommandSpec spec(PrintStream out, PrintStream err) {
        return CommandSpec.forAnnotatedObject(new AbCommand(out));
    }

    @Override
    public Integer call() {
        GateSettings settings;
        try {
            settings = judging.settings(metric, false, strict);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_USAGE);
        }
        AbSetup.Sides checked = AbSetup.check(sides, shared);
        Path folder = AbSetup.folder(out, "ab");
        List<String> command = new ArrayList<>(List.of("ab"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        stdout.printf(Locale.ROOT, "storebench ab: %d pairs, order seed %d; folder %s%n", checked.pairs(),
                checked.orderSeed(), folder);
        describe(stdout, checked);
        ForkLauncher launcher = new ForkLauncher(Path.of("").toAbsolutePath());
        AbExperiment experiment = new AbExperiment(new AbExperiment.Plan(checked.baseline(), checked.candidate(),
                checked.shared(), checked.pairs(), checked.orderSeed(), folder, settings, command), launcher);
        try (InterruptGuard guard = new InterruptGuard(launcher, "storebench-ab-interrupt")) {
            AbExperiment.Result result = experiment.run(stdout);
            GateResult judged = SaturatedRuns.judged(result.gate(), List.of(
                    new SaturatedRuns.Named("the baseline side", result.baseline()),
                    new SaturatedRuns.Named("the candidate side", result.candidate())), allowSaturated);
            GateResult gate = Calibration.withNotes(judged, calibration, result.baseline());
            print(stdout, gate);
            experiment.write(result.with(gate));
            stdout.println("storebench ab: wrote " + folder.resolve("gate.md") + ", gate.json and ab.json; sides in "
                    + folder.resolve("baseline") + " and " + folder.resolve("candidate") + "; exit "
                    + gate.exitCode());
            return gate.exitCode();
        } catch (AbExperiment.Refused | SideMerger.Unusable e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_INVALID);
        } catch (AbExperiment.Interrupted e) {
            stdout.println("storebench ab: " + e.getMessage() + "; the pairs finished are in " + folder.resolve("forks"));
            return EXIT_INTERRUPTED;
        } catch (IOException e) {
            throw new Cli.UsageError("cannot write " + folder + " (gate.md and gate.json both or neither, ab.json after"
                    + " them): " + VerdictFiles.reason(e), GateResult.EXIT_USAGE);
        }
    }

    /** The sides, one line each. */
    static void describe(PrintStream out, AbSetup.Sides sides) {
        out.println("storebench ab: shared run options: " + (sides.shared().isEmpty() ? "(none: run's defaults)"
                : String.join(" ", sides.shared())));
        for (SideSpec side : List.of(sides.baseline(), sides.candidate())) {
            out.printf(Locale.ROOT, "storebench ab: %-9s %s%s%n", side.side().label(), side.jar(),
                    side.args().isEmpty() ? "" : " + " + String.join(" ", side.args()));
        }
    }

    /** The verdict table, its legend, the warnings and problems, and the summary line. */
    static void print(PrintStream out, GateResult gate) {
        out.println();
        if (!gate.verdicts().isEmpty()) {
            out.print(VerdictTable.of(gate, false).text());
            out.println();
            out.println(VerdictTable.legend(gate));
        }
        gate.warnings().forEach(w -> out.println("warning: " + w));
        gate.problems().forEach(p -> out.println("problem: " + p));
        out.println(GateCommand.summary(gate));
    }
}
