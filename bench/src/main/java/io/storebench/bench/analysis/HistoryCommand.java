package io.storebench.bench.analysis;

import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.history.ChangePoints;
import io.storebench.stats.history.KeyHistory;
import io.storebench.stats.history.RunHistory;
import io.storebench.stats.model.RunRecord;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.UnmatchedArguments;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code history DIR...}: the change points of every key over a series of runs of one experiment
 * (a main branch's nightly runs), and whether the newest run sits after a regression. Prints a
 * table per key, and writes {@code history.html} (a chart per key), {@code history.md} and
 * {@code history.json} to {@code --out}.
 *
 * <p>Named {@code storebench history} so that its one-line errors read {@code storebench history:
 * ...}; {@code Main} calls {@link #run}. Exit codes as {@code gate}'s ({@link GateResult}).
 */
@Command(name = "storebench history",
        header = "change points over a series of runs of one experiment: exit 1 when the newest run is after a"
                + " regression (0 none, 1 regressed, 2 invalid or incomparable runs, 3 usage or I/O)",
        mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        exitCodeOnInvalidInput = GateResult.EXIT_USAGE,
        description = {"Follows every key (engine x workload x operation x metric) over a series of runs and finds"
                + " where its level changed. Each run's value of a key is the geometric mean of its per-fork values;"
                + " the runs are put in order by run.json's createdAt (oldest first; ties by run id), whatever the"
                + " order they are given in. A DIR is a run folder, a run.json, or a folder whose subfolders are run"
                + " folders.", "",
            "The runs must be one experiment: the same workload settings (workload, records, mix, distribution,"
                + " key format and size, value size, seed, threads, durability, cache, engine options, loop, rate),"
                + " the same workload fingerprint per engine, the same keys, and the same machine unless"
                + " --allow-cross-host. A run that differs is refused (exit 2, naming the run and the setting),"
                + " never dropped.", ""},
        footer = {"", "Method (the E-divisive means / Apache Otava family): binary segmentation of each key's series."
                + " In a segment, every split leaving at least 3 runs on each side is tested with Welch's t on the"
                + " log values, at most --window runs each side of the split; among the splits whose change (ratio"
                + " of geometric means) is at least --min-magnitude, the one of smallest p is accepted if p <="
                + " --max-pvalue, and both halves are segmented again. Then, as Otava does, every change point is"
                + " tested again between its neighbouring change points and the weakest failing one is removed"
                + " until all pass; the figures shown are those of that last test. Two constant sides give p = 0"
                + " (no variance: shown as such). A change needs 3 runs after it to be seen, so a history needs at"
                + " least 6 runs. A change undone a few runs later is tested against the runs after it, which mix"
                + " both levels, and may go unseen; a smaller --window tests each split against its near neighbours"
                + " only.", "",
            "Verdict of a change point by the metric's direction: REGRESSED (latency up, throughput down) or"
                + " IMPROVED. The newest run sits after a regression when a key's latest change point is"
                + " REGRESSED, i.e. its newest segment is worse than the one before it.", "",
            "Exit codes: 0 no key's newest segment follows a regression, 1 at least one does, 2 invalid data or runs"
                + " that cannot be followed as one series (other settings, other machines without"
                + " --allow-cross-host, keys missing from a run, fewer than 6 runs, too few operations per fork for"
                + " the percentile), 3 usage or I/O error."})
public final class HistoryCommand implements Callable<Integer> {
    /** Where the files go without {@code --out}: a folder {@code history} in the current directory. */
    static final Path DEFAULT_OUT = Path.of("history");

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "run folders (or run.json files), or folders of"
            + " run folders; at least 6 runs in all")
    List<Path> directories = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "M[,M]", description = "p99 | p999 | p50 | iter-p99 | iter-p999 | iter-p50 | throughput [p99]")
    String metric = "p99";

    @Option(names = "--max-pvalue", paramLabel = "P", description = "a change is significant when Welch's p <= P,"
            + " 0 < P < 1 [0.001, as Otava]")
    String maxPValue;

    @Option(names = "--min-magnitude", paramLabel = "P", description = "the smallest change reported, 0%%..99%% [5%%]")
    String minMagnitude;

    @Option(names = "--window", paramLabel = "N", description = "runs each side of a split tested, at most; N >= 3"
            + " [50, as Otava's window_len]")
    String window;

    @Option(names = "--allow-cross-host", arity = "0",
            description = "follow runs from machines with different environments")
    boolean allowCrossHost;

    @Option(names = "--out", paramLabel = "DIR", description = "where history.html, history.md and history.json go"
            + " [history in the current directory]")
    Path outDirectory;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    private HistoryCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code history} with {@code args}; returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(out, err), args, out, err);
    }

    /**
     * The command's picocli model, writing to {@code out} and {@code err}: what {@link #run} parses,
     * and what {@code benchmarks.jar}'s help and completion show.
     */
    public static CommandSpec spec(PrintStream out, PrintStream err) {
        return CommandSpec.forAnnotatedObject(new HistoryCommand(out));
    }

    @Override
    public Integer call() {
        UnmatchedArguments.refuse(spec, unmatched, GateResult.EXIT_USAGE);
        List<KeyMetric> metrics;
        ChangePoints.Settings settings;
        try {
            metrics = GateOptions.metrics(metric);
            settings = new ChangePoints.Settings(
                    maxPValue == null ? ChangePoints.DEFAULT_MAX_PVALUE : maxPValue(maxPValue),
                    minMagnitude == null ? ChangePoints.DEFAULT_MIN_MAGNITUDE : minMagnitude(minMagnitude),
                    window == null ? ChangePoints.DEFAULT_WINDOW : window(window));
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_USAGE);
        }
        if (directories.isEmpty()) {
            throw new Cli.UsageError("give the runs: history DIR... (run folders, or a folder of run folders; at"
                    + " least " + RunHistory.MIN_RUNS + " runs)", GateResult.EXIT_USAGE);
        }
        List<String> notes = new ArrayList<>();
        List<Path> folders = runFolders(directories, notes);
        List<RunRecord> records = new ArrayList<>();
        Map<String, Path> folderOf = new HashMap<>();
        for (Path folder : folders) {
            try {
                RunRecord record = RunReader.read(folder);
                records.add(record);
                folderOf.putIfAbsent(record.runId(), folder);
            } catch (RunReader.Unreadable e) {
                throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_USAGE);
            } catch (RunReader.Invalid e) {
                throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_INVALID);
            }
        }
        RunHistory history;
        try {
            history = RunHistory.of(records, metrics, settings, allowCrossHost);
        } catch (RunHistory.Incomparable e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_INVALID);
        }
        int exit = history.regressedAtNewest() ? GateResult.EXIT_REGRESSED : GateResult.EXIT_PASS;

        HistoryReport report = new HistoryReport(history, settings, metrics, allowCrossHost, folderOf);
        out.println("storebench history: " + report.runsLine());
        out.println(report.methodLine());
        notes.forEach(note -> out.println("note: " + note));
        for (KeyHistory key : history.keys()) {
            out.println();
            out.println(report.keyLine(key));
            if (!key.result().changePoints().isEmpty()) {
                out.print(report.changePointTable(key).text().indent(2));
            }
        }
        out.println();
        history.warnings().forEach(w -> out.println("warning: " + w));
        out.println(report.summary());
        Path directory = outDirectory != null ? outDirectory : DEFAULT_OUT;
        try {
            ReportDocument document = report.document();
            JsonFiles.writeString(directory.resolve("history.html"), document.html());
            // ReportDocument names report.html as the charts' page; this page's charts are in history.html
            JsonFiles.writeString(directory.resolve("history.md"), document.markdown()
                    .replace("open `report.html`", "open `history.html`"));
            JsonFiles.write(directory.resolve("history.json"), HistoryFile.of(history, settings, metrics,
                    allowCrossHost, folderOf, exit));
        } catch (IOException e) {
            throw new Cli.UsageError("cannot write history.html, history.md and history.json to " + directory + ": "
                    + e.getMessage(), GateResult.EXIT_USAGE);
        }
        out.println("storebench history: wrote " + directory.resolve("history.html") + ", history.md and history.json;"
                + " exit " + exit);
        return exit;
    }

    /**
     * The run folders (or run.json files) named: a file or a folder with a run.json is a run; any other
     * folder stands for its subfolders that hold a run.json (in name order), and those without one are
     * noted, not read.
     */
    static List<Path> runFolders(List<Path> given, List<String> notes) {
        List<Path> runs = new ArrayList<>();
        for (Path path : given) {
            if (!Files.exists(path)) {
                throw new Cli.UsageError(path + " does not exist", GateResult.EXIT_USAGE);
            }
            if (Files.isRegularFile(path) || Files.isRegularFile(path.resolve("run.json"))) {
                runs.add(path);
                continue;
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, Files::isDirectory)) {
                entries.forEach(children::add);
            } catch (IOException e) {
                throw new Cli.UsageError(path + " cannot be listed: " + e.getMessage(), GateResult.EXIT_USAGE);
            }
            children.sort(null);
            List<Path> found = children.stream().filter(c -> Files.isRegularFile(c.resolve("run.json"))).toList();
            if (found.isEmpty()) {
                throw new Cli.UsageError(path + " has no run.json and no run folders in it: is it a run folder?",
                        GateResult.EXIT_USAGE);
            }
            children.stream().filter(c -> !found.contains(c))
                    .forEach(c -> notes.add(c + " has no run.json: not a run, not read"));
            runs.addAll(found);
        }
        return runs;
    }

    /** A p-value threshold in (0, 1). */
    static double maxPValue(String text) {
        double p;
        try {
            p = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-pvalue '" + text + "' is not a number; allowed: 0 < P < 1,"
                    + " e.g. 0.001");
        }
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("--max-pvalue " + text + " is out of range; allowed: 0 < P < 1,"
                    + " e.g. 0.001");
        }
        return p;
    }

    /** {@code 5%} or {@code 5}: a percentage in [0, 99], as a fraction. */
    static double minMagnitude(String text) {
        String trimmed = text.trim();
        String digits = trimmed.endsWith("%") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        double percent;
        try {
            percent = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--min-magnitude '" + text + "' is not a percentage; allowed: 0%..99%,"
                    + " e.g. 5%");
        }
        if (!(percent >= 0 && percent <= 99)) {
            throw new IllegalArgumentException("--min-magnitude " + text + " is out of range; allowed: 0%..99%");
        }
        return percent / 100;
    }

    /** Runs each side of a split, at least {@link ChangePoints#MIN_SIDE}. */
    static int window(String text) {
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--window '" + text + "' is not a whole number; allowed: "
                    + ChangePoints.MIN_SIDE + " or more, e.g. 50");
        }
        if (n < ChangePoints.MIN_SIDE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--window %s is out of range; allowed: %d"
                    + " or more (runs each side of a split)", text, ChangePoints.MIN_SIDE));
        }
        return n;
    }
}
