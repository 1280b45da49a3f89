package io.storebench.bench.analysis;

import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.model.RunRecord;
import io.storebench.workloads.cli.Arguments;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code report DIR}: (re)builds a run's {@code report.md} and {@code report.html} from its run.json and hdr logs. */
public final class ReportCommand {
    static final String USAGE = """
            Usage: java -jar bench/target/benchmarks.jar report DIR [--metric M]

            (Re)builds the run's report.md and report.html (self-contained, charts included, viewable
            offline) from its run.json and hdr/ logs. For a run with several engines the report is the
            engine-selection report: engines ranked by the metric, with the significance of every
            pairwise difference after Holm's correction, engine metrics and a panorama of the engines.

              --metric M    throughput | p50 | p99 | p999: what engines are ranked by [throughput];
                            for a percentile, each fork's value is its slowest operation type's
              --help        this text

            Exit codes: 0 written, 1 the report could not be written, 2 bad input or a run that
            cannot be read.
            """;
    static final int EXIT_OK = 0;
    static final int EXIT_WRITE_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;

    private ReportCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.print(USAGE);
            return EXIT_OK;
        }
        List<String> options = new ArrayList<>(args);
        String directory = null;
        if (!options.isEmpty() && !options.get(0).startsWith("--")) {
            directory = options.remove(0);
        }
        KeyMetric metric;
        try {
            Arguments a = Arguments.parse("report", options, Set.of("metric"), Set.of("help"));
            if (directory == null) {
                throw new Arguments.UsageException("report: give the run folder first: report DIR [--metric M]");
            }
            metric = a.has("metric") ? GateOptions.metrics("report", a.string("metric")).get(0) : RunReport.DEFAULT_RANKING;
            if (a.has("metric") && a.string("metric").contains(",")) {
                throw new Arguments.UsageException("report: --metric takes one metric; got '" + a.string("metric") + "'");
            }
        } catch (IllegalArgumentException e) {
            err.println("storebench " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        RunRecord record;
        try {
            record = RunReader.read(Path.of(directory));
        } catch (RunReader.Unreadable | RunReader.Invalid e) {
            err.println("storebench report: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        Path folder = RunReader.folder(Path.of(directory));
        try {
            RunReport.write(folder, record, metric);
        } catch (IOException | RuntimeException e) {
            err.println("storebench report: cannot write the report into " + folder + ": " + e.getMessage());
            return EXIT_WRITE_FAILED;
        }
        out.println("storebench report: wrote " + folder.resolve("report.md") + " and " + folder.resolve("report.html"));
        return EXIT_OK;
    }
}
