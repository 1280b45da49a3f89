package io.storebench.workloads.inspect;

import io.storebench.workloads.Preset;
import io.storebench.workloads.WorkloadOverrides;
import io.storebench.workloads.WorkloadSpec;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.OneValue;
import io.storebench.workloads.cli.OptionValues;
import io.storebench.workloads.cli.StoreBenchVersion;
import io.storebench.workloads.cli.UnmatchedArguments;
import io.storebench.workloads.distribution.DistributionKind;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
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

    @Option(names = "--workload", paramLabel = "NAME|FILE", parameterConsumer = OneValue.class,
            completionCandidates = PresetNames.class,
            description = "a preset (${COMPLETION-CANDIDATES}) or a YCSB workload file [" + WorkloadOverrides.DEFAULT_WORKLOAD
                    + "]")
    String workload;

    @Option(names = "--records", paramLabel = "N", parameterConsumer = OneValue.class,
            description = "records in the key space, 1..10^12 [the workload's]")
    String records;

    @Option(names = "--distribution", paramLabel = "NAME", parameterConsumer = OneValue.class,
            completionCandidates = DistributionNames.class,
            description = "${COMPLETION-CANDIDATES} [the workload's]")
    String distribution;

    @Option(names = "--theta", paramLabel = "T", parameterConsumer = OneValue.class,
            description = "Zipf exponent for zipfian, scrambled-zipfian, latest; any T > 0 [0.99]")
    String theta;

    @Option(names = "--hot-set", paramLabel = "F", parameterConsumer = OneValue.class,
            description = "hotspot: fraction of keys that are hot, (0, 1] [0.2]")
    String hotSet;

    @Option(names = "--hot-ops", paramLabel = "F", parameterConsumer = OneValue.class,
            description = "hotspot: fraction of operations on hot keys, [0, 1] [0.8]")
    String hotOps;

    @Option(names = "--seed", paramLabel = "S", parameterConsumer = OneValue.class,
            description = "master seed, any 64-bit integer [the workload's]")
    String seed;

    @Option(names = "--samples", paramLabel = "N", parameterConsumer = OneValue.class,
            description = "operations to draw, 1.." + SkewAnalysis.MAX_SAMPLES + " [" + DEFAULT_SAMPLES + "]")
    String samples;

    @Option(names = "--json", description = "print one JSON object instead of the table")
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
        return new WorkloadOverrides(workload,
                OptionValues.wholeNumber("--records", records, 1, WorkloadSpec.MAX_RECORDS),
                distribution == null ? null : DistributionKind.parse(distribution),
                OptionValues.number("--theta", theta, 0, Double.MAX_VALUE),
                OptionValues.number("--hot-set", hotSet, 0, 1),
                OptionValues.number("--hot-ops", hotOps, 0, 1),
                OptionValues.wholeNumber("--seed", seed, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** The preset names, for the help and for shell completion. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(Preset.values()).map(Preset::label).iterator();
        }
    }

    /** The distribution names, for the help and for shell completion. */
    static final class DistributionNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(DistributionKind.values()).map(DistributionKind::label).iterator();
        }
    }
}
