package io.storebench.workloads.inspect;

import io.storebench.workloads.Preset;
import io.storebench.workloads.WorkloadOverrides;
import io.storebench.workloads.WorkloadSpec;
import io.storebench.workloads.cli.Arguments;
import io.storebench.workloads.distribution.DistributionKind;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code inspect}: draws operations from a workload and prints the effective skew beside theory.
 * Run as {@code java -jar bench/target/benchmarks.jar inspect [options]}.
 *
 * <p>Exit codes: 0 done (or help shown), 2 bad input (one line on standard error), 1 an
 * unexpected failure.
 */
public final class InspectCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    static final long DEFAULT_SAMPLES = 1_000_000;
    private static final Set<String> VALUED = Set.of("workload", "records", "distribution", "theta", "hot-set",
            "hot-ops", "seed", "samples");
    private static final Set<String> FLAGS = Set.of("json", "help");

    static final String USAGE = """
            Usage: java -jar bench/target/benchmarks.jar inspect [options]

            Draws operations from a workload and prints the effective skew of the keys they
            choose (distinct keys, shares of the hottest key, top 1 %% and top 10 %% of keys),
            each beside its theoretical value, a goodness-of-fit p-value, the operation mix as
            drawn and the workload fingerprint.

            Options:
              --workload NAME|FILE   a preset (%s) or a YCSB workload file [ycsb-a]
              --records N            records in the key space, 1..10^12 [the workload's]
              --distribution NAME    %s [the workload's]
              --theta T              Zipf exponent for zipfian, scrambled-zipfian, latest; any T > 0 [0.99]
              --hot-set F            hotspot: fraction of keys that are hot, (0, 1] [0.2]
              --hot-ops F            hotspot: fraction of operations on hot keys, [0, 1] [0.8]
              --seed S               master seed, any 64-bit integer [the workload's]
              --samples N            operations to draw, 1..%d [%d]
              --json                 print one JSON object instead of the table
              --help                 show this text

            Exit codes: 0 done, 1 unexpected failure, 2 bad input.
            """.formatted(Preset.names(), DistributionKind.allowedNames(), SkewAnalysis.MAX_SAMPLES, DEFAULT_SAMPLES);

    private InspectCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command; returns the exit code. Exclusive bounds (theta &gt; 0) are checked by the distribution. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Arguments options = Arguments.parse("inspect", args, VALUED, FLAGS);
            if (options.has("help")) {
                out.print(USAGE);
                return EXIT_OK;
            }
            WorkloadSpec spec = overrides(options).resolve();
            long samples = options.has("samples") ? options.longValue("samples", 1, SkewAnalysis.MAX_SAMPLES)
                    : DEFAULT_SAMPLES;
            if (!options.has("json")) {
                err.printf("inspect: drawing %,d operations from %s...%n", samples, spec.name());
            }
            SkewReport report = SkewAnalysis.analyze(spec, samples);
            out.println(options.has("json") ? report.toJson() : report.toText());
            return EXIT_OK;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage().startsWith("inspect:") ? e.getMessage() : "inspect: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("inspect: cannot read the workload file: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("inspect: not enough memory for the samples; use fewer --samples or a larger -Xmx");
            return EXIT_FAILURE;
        }
    }

    static WorkloadOverrides overrides(Arguments options) {
        String distribution = options.string("distribution");
        return new WorkloadOverrides(options.string("workload"),
                options.longValue("records", 1, WorkloadSpec.MAX_RECORDS),
                distribution == null ? null : DistributionKind.parse(distribution),
                options.doubleValue("theta", 0, Double.MAX_VALUE),
                options.doubleValue("hot-set", 0, 1),
                options.doubleValue("hot-ops", 0, 1),
                options.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE));
    }
}
