package io.storebench.bench.analysis;

import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.RunPairing;
import io.storebench.stats.model.RunRecord;
import io.storebench.workloads.cli.Arguments;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code compare DIR DIR...}: the gate's table for two or more runs, without gating. The first run
 * is the baseline of every other; Holm's adjustment runs across every key of every candidate.
 * Differences that would stop a gate (other machines, other settings, missing keys) are shown as
 * notes, and the keys that can be compared still are.
 */
public final class CompareCommand {
    static final String USAGE = """
            Usage: java -jar bench/target/benchmarks.jar compare BASELINE CANDIDATE [CANDIDATE...] [options]

            Shows, for every key (engine x workload x operation x metric) the runs share, the
            baseline and candidate with 95%% intervals, the change with its 95%% interval, Welch's p,
            Holm's adjusted p and the verdict the gate would give. Runs are folders (or run.json files).

              --metric M[,M]    p50 | p99 | p999 | throughput [p50,p99,p999,throughput]
              --floor P         the smallest change that matters, 0%%..99%% [5%%]
              --alpha A         family-wise false-positive rate, 0 < A < 1 [0.05]
              --markdown        print Markdown instead of a text table
              --help            this text

            Exit codes: 0 shown, 2 bad input or a run that cannot be read.
            """;
    static final int EXIT_OK = 0;
    static final int EXIT_BAD_INPUT = 2;
    private static final Set<String> VALUED = Set.of("metric", "floor", "alpha");
    private static final Set<String> FLAGS = Set.of("markdown", "help");

    private CompareCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.print(USAGE.replace("%%", "%"));
            return EXIT_OK;
        }
        List<String> runs = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                options.add(arg);
                if (VALUED.contains(arg.substring(2)) && i + 1 < args.size()) {
                    options.add(args.get(++i));
                }
            } else {
                runs.add(arg);
            }
        }
        GateSettings settings;
        Arguments a;
        try {
            a = Arguments.parse("compare", options, VALUED, FLAGS);
            if (runs.size() < 2) {
                throw new Arguments.UsageException("compare: give at least two runs (a baseline and a candidate); got "
                        + runs.size() + " (compare --help)");
            }
            settings = GateOptions.settings("compare", a, "p50,p99,p999,throughput", true, false);
        } catch (IllegalArgumentException e) {
            err.println("storebench " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        List<RunRecord> records = new ArrayList<>();
        for (String run : runs) {
            try {
                records.add(RunReader.read(Path.of(run)));
            } catch (RunReader.Unreadable | RunReader.Invalid e) {
                err.println("storebench compare: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
        }
        RunRecord baseline = records.get(0);
        List<RunPairing> pairings = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (RunRecord candidate : records.subList(1, records.size())) {
            pairings.add(RunPairing.of(baseline, candidate, settings.metrics(), true));
            candidates.add(candidate.runId());
        }
        GateResult result = GateResult.judge(candidates, pairings, settings);
        boolean several = records.size() > 2;
        TextTable table = VerdictTable.of(result, several);
        String title = "baseline " + baseline.runId() + ", candidate" + (several ? "s " : " ")
                + String.join(", ", candidates);
        if (a.has("markdown")) {
            out.println("## StoreBench comparison: " + title + "\n");
            out.print(table.markdown());
            out.println("\n" + VerdictTable.legend(result) + ".");
            notes(result).forEach(note -> out.println("- " + note));
        } else {
            out.println("storebench compare: " + title + "\n");
            out.print(table.text());
            out.println();
            out.println(VerdictTable.legend(result));
            notes(result).forEach(out::println);
        }
        return EXIT_OK;
    }

    private static List<String> notes(GateResult result) {
        List<String> notes = new ArrayList<>();
        result.problems().forEach(p -> notes.add("not compared: " + p));
        result.warnings().forEach(w -> notes.add("note: " + w));
        return notes;
    }
}
