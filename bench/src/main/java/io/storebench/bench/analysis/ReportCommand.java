package io.storebench.bench.analysis;

import io.storebench.stats.compare.KeyMetric;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code report DIR}: (re)builds a run's {@code report.md} and {@code report.html} from its run.json and hdr logs.
 *
 * <p>Named {@code storebench report} so that its one-line errors read as they always have
 * ({@code storebench report: ...}); {@code Main} calls {@link #run}.
 */
@Command(name = "storebench report",
        header = "rebuild a run's report.md and report.html (engine selection, charts)",
        mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        exitCodeOnInvalidInput = ReportCommand.EXIT_BAD_INPUT,
        description = {"(Re)builds the run's report.md and report.html (self-contained, charts included, viewable"
                + " offline) from its run.json and hdr/ logs. For a run with several engines the report is the"
                + " engine-selection report: engines ranked by the metric, with the significance of every pairwise"
                + " difference after Holm's correction, engine metrics and a panorama of the engines.", ""},
        footer = {"", "Exit codes: 0 written, 1 the report could not be written, 2 bad input or a run that cannot be"
                + " read."})
public final class ReportCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_WRITE_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "the run folder (or its run.json)")
    Path directory;

    @Option(names = "--metric", paramLabel = "M", description = {"throughput | p50 | p99 | p999: what engines are"
            + " ranked by [throughput]; for a percentile, each fork's value is its slowest operation type's"})
    String metric;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    private ReportCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code report} with {@code args}; returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(out, err), args, out, err);
    }

    /**
     * The command's picocli model, writing to {@code out} and {@code err}: what {@link #run} parses,
     * and what {@code benchmarks.jar}'s help and completion show.
     */
    public static CommandSpec spec(PrintStream out, PrintStream err) {
        return CommandSpec.forAnnotatedObject(new ReportCommand(out));
    }

    @Override
    public Integer call() {
        UnmatchedArguments.refuse(spec, unmatched, EXIT_BAD_INPUT);
        if (directory == null) {
            throw new Cli.UsageError("give the run folder first: report DIR [--metric M]", EXIT_BAD_INPUT);
        }
        KeyMetric ranking;
        try {
            ranking = metric == null ? RunReport.DEFAULT_RANKING : GateOptions.metrics(metric).get(0);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage(), EXIT_BAD_INPUT);
        }
        if (metric != null && metric.contains(",")) {
            throw new Cli.UsageError("--metric takes one metric; got '" + metric + "'", EXIT_BAD_INPUT);
        }
        RunRecord record;
        try {
            record = RunReader.read(directory);
        } catch (RunReader.Unreadable | RunReader.Invalid e) {
            throw new Cli.UsageError(e.getMessage(), EXIT_BAD_INPUT);
        }
        Path folder = RunReader.folder(directory);
        try {
            RunReport.write(folder, record, ranking);
        } catch (IOException | RuntimeException e) {
            throw new Cli.UsageError("cannot write the report into " + folder + ": " + e.getMessage(),
                    EXIT_WRITE_FAILED);
        }
        out.println("storebench report: wrote " + folder.resolve("report.md") + " and "
                + folder.resolve("report.html"));
        return EXIT_OK;
    }
}
