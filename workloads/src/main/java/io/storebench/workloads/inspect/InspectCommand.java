package io.storebench.workloads.inspect;

import io.storebench.workloads.WorkloadOverrides;
import io.storebench.workloads.WorkloadSpec;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.OptionValues;
import io.storebench.workloads.cli.WorkloadOptions;
import io.storebench.workloads.cli.StoreBenchVersion;
import io.storebench.workloads.cli.UnmatchedArguments;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
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
 * {@code inspect}: draws operations from a workload and prints the effective skew beside theory.
 * Run as {@code java -jar bench/target/benchmarks.jar inspect [options]}.
 *
 * <p>Exit codes: 0 done (or help shown), 2 bad input (one line on standard error), 1 an
 * unexpected failure. Option values are kept as text and converted in {@link #call()}, so that a
 * bad one gets the same one line as ever.
 */
@Command(name = "inspect",
        header = "draw operations from a workload and show its skew",
        mixinStandardHelpOptions = true, exitCodeOnInvalidInput = InspectCommand.EXIT_BAD_INPUT,
        versionProvider = StoreBenchVersion.class, sortOptions = false,
        description = {"Draws operations from a workload and prints the effective skew of the keys they choose"
                + " (distinct keys, shares of the hottest key, top 1 %% and top 10 %% of keys), each beside its"
                + " theoretical value, a goodness-of-fit p-value, the operation mix as drawn and the workload"
                + " fingerprint.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:unexpected failure", "2:bad input"})
public final class InspectCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    static final long DEFAULT_SAMPLES = 1_000_000;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--samples", paramLabel = "N", order = 30,
            description = "operations to draw, 1.." + SkewAnalysis.MAX_SAMPLES + ". Default: " + DEFAULT_SAMPLES)
    String samples;

    @Option(names = "--json", arity = "0", order = 31, description = "print one JSON object instead of the table")
    boolean json;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    InspectCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; returns the exit code. Exclusive bounds (theta &gt; 0) are checked by the distribution. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(), args, out, err);
    }

    /** The command's picocli model: what {@link #run} parses, and what benchmarks.jar's help and completion show. */
    public static CommandSpec spec() {
        return CommandSpec.forAnnotatedObject(new InspectCommand());
    }

    @Override
    public Integer call() {
        UnmatchedArguments.refuse(spec, unmatched, EXIT_BAD_INPUT);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            WorkloadSpec workloadSpec = overrides().resolve();
            long draws = samples == null ? DEFAULT_SAMPLES
                    : OptionValues.wholeNumber("--samples", samples, 1, SkewAnalysis.MAX_SAMPLES);
            if (!json) {
                err.printf("inspect: drawing %,d operations from %s...%n", draws, workloadSpec.name());
                err.flush();
            }
            SkewReport report = SkewAnalysis.analyze(workloadSpec, draws);
            out.println(json ? report.toJson() : report.toText());
            return EXIT_OK;
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage(), EXIT_BAD_INPUT);
        } catch (IOException e) {
            throw new Cli.UsageError("cannot read the workload file: " + e.getMessage(), EXIT_BAD_INPUT);
        } catch (OutOfMemoryError e) {
            err.println("inspect: not enough memory for the samples; use fewer --samples or a larger -Xmx");
            return EXIT_FAILURE;
        }
    }

    /** The workload options, converted in the order they have always been checked. */
    WorkloadOverrides overrides() {
        return workload.overrides();
    }
}
