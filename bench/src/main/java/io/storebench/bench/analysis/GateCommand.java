package io.storebench.bench.analysis;

import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.Verdict;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.RunPairing;
import io.storebench.stats.model.RunRecord;
import io.storebench.workloads.cli.Arguments;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code gate}: judges a candidate run against a baseline run, key by key, and exits non-zero on a
 * regression. Prints one line per key, and writes {@code gate.md} (for a pull-request comment) and
 * {@code gate.json} (the verdict for machines).
 */
public final class GateCommand {
    static final String USAGE = """
            Usage: java -jar bench/target/benchmarks.jar gate --baseline DIR --candidate DIR [options]

            Judges the candidate run against the baseline run for every key (engine x workload x
            operation x metric) both have. The sample is one value per fork; the test is Welch's t on
            the logarithms (the change is the ratio of geometric means), confirmed by an exact
            permutation test, with Holm's correction across all keys.

              --baseline DIR        the baseline run folder (or its run.json)
              --candidate DIR       the candidate run folder (or its run.json)
              --metric M[,M]        p99 | p999 | p50 | throughput [p99]
              --floor P             the smallest change that matters, 0%%..99%% [5%%]
              --alpha A             family-wise false-positive rate, 0 < A < 1 [0.05]
              --allow-cross-host    compare runs from machines with different environments
              --strict              INCONCLUSIVE fails the gate too
              --out DIR             where gate.md and gate.json go [the candidate run folder]
              --help                this text

            Verdicts: REGRESSED (significant after Holm and worse than the floor), IMPROVED,
            BELOW-FLOOR (significant, inside the floor), NO-CHANGE (90%% CI of the change inside
            +-floor), INCONCLUSIVE (with the forks per side likely to decide it).

            Exit codes: 0 no regression, 1 at least one REGRESSED (with --strict: or INCONCLUSIVE),
            2 invalid or insufficient data or runs that cannot be compared (different workload
            settings, different machines without --allow-cross-host, keys on one side only, fewer
            than 5 forks, too few operations per fork for the percentile), 3 usage or I/O error.
            """;
    private static final Set<String> VALUED = Set.of("baseline", "candidate", "metric", "floor", "alpha", "out");
    private static final Set<String> FLAGS = Set.of("allow-cross-host", "strict", "help");

    private GateCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.print(USAGE.replace("%%", "%"));
            return GateResult.EXIT_PASS;
        }
        GateSettings settings;
        Path baselinePath;
        Path candidatePath;
        Path outDirectory;
        try {
            Arguments a = Arguments.parse("gate", args, VALUED, FLAGS);
            for (String required : List.of("baseline", "candidate")) {
                if (!a.has(required)) {
                    throw new Arguments.UsageException("gate: --" + required + " DIR is required (gate --help)");
                }
            }
            settings = GateOptions.settings("gate", a, "p99", a.has("allow-cross-host"), a.has("strict"));
            baselinePath = Path.of(a.string("baseline"));
            candidatePath = Path.of(a.string("candidate"));
            outDirectory = a.has("out") ? Path.of(a.string("out")) : RunReader.folder(candidatePath);
        } catch (IllegalArgumentException e) {
            err.println("storebench " + e.getMessage());
            return GateResult.EXIT_USAGE;
        }
        RunRecord baseline;
        RunRecord candidate;
        try {
            baseline = RunReader.read(baselinePath);
            candidate = RunReader.read(candidatePath);
        } catch (RunReader.Unreadable e) {
            err.println("storebench gate: " + e.getMessage());
            return GateResult.EXIT_USAGE;
        } catch (RunReader.Invalid e) {
            err.println("storebench gate: " + e.getMessage());
            return GateResult.EXIT_INVALID;
        }
        GateResult result = GateResult.judge(candidate.runId(),
                RunPairing.of(baseline, candidate, settings.metrics(), settings.allowCrossHost()), settings);

        out.printf("storebench gate: baseline %s, candidate %s%n%n", baseline.runId(), candidate.runId());
        if (!result.verdicts().isEmpty()) {
            out.print(VerdictTable.of(result, false).text());
            out.println();
            out.println(VerdictTable.legend(result));
        }
        result.warnings().forEach(w -> out.println("warning: " + w));
        result.problems().forEach(p -> out.println("problem: " + p));
        out.println(summary(result));
        try {
            JsonFiles.writeString(outDirectory.resolve("gate.md"), markdown(result, baseline, candidate));
            JsonFiles.write(outDirectory.resolve("gate.json"), GateFile.of(result, baseline.runId(), candidate.runId()));
        } catch (IOException e) {
            err.println("storebench gate: cannot write gate.md and gate.json to " + outDirectory + ": " + e.getMessage());
            return GateResult.EXIT_USAGE;
        }
        out.println("storebench gate: wrote " + outDirectory.resolve("gate.md") + " and gate.json; exit "
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
