package io.storebench.bench;

import io.storebench.bench.analysis.CompareCommand;
import io.storebench.bench.analysis.GateCommand;
import io.storebench.bench.analysis.ReportCommand;
import io.storebench.bench.run.RunCommand;
import io.storebench.workloads.inspect.InspectCommand;
import java.util.List;

/**
 * The entry point of {@code benchmarks.jar}.
 * <ul>
 *   <li>no arguments: the default run ({@code rocksdb}, {@code lmdb}, {@code sqlite} on
 *       {@code ycsb-a}, quick profile);</li>
 *   <li>{@code run}, {@code list}, {@code inspect}, {@code gate}, {@code compare}, {@code report},
 *       {@code help} / {@code --help}: StoreBench's commands;</li>
 *   <li>anything else goes to JMH's own main ({@code -l}, {@code -h}, a regex, {@code -p},
 *       {@code -prof gc}, {@code -rf json}), after two checks JMH does not make: engine names in
 *       {@code -p engine=a,b} are checked first (one line, exit 2), and a failing benchmark fails
 *       the run ({@code -foe true} unless {@code -foe} is given).</li>
 * </ul>
 * Exit codes: 0 success; 1 a run or benchmark failed; 2 bad input; 130 interrupted. {@code gate},
 * {@code compare} and {@code report} document their own.
 */
public final class Main {
    static final String USAGE = """
            StoreBench: storage-engine benchmarks on JMH.

            Usage: java -jar bench/target/benchmarks.jar [COMMAND] [options]

              (no arguments)  the default run: rocksdb, lmdb, sqlite on ycsb-a (100k records of 1 KB,
                              2 threads, durability buffered), quick profile; about 3 minutes
              run [options]   benchmark engines under a workload (run --help lists the options)
              list            engines, capabilities, options, workloads, distributions, profiles
              inspect [opts]  draw operations from a workload and show its skew (inspect --help)
              gate --baseline DIR --candidate DIR [opts]
                              judge a candidate run against a baseline: exit 1 on a regression
                              (0 pass, 1 regressed, 2 invalid or incomparable data, 3 usage or I/O)
              compare DIR DIR...  the gate's table for two or more runs, without gating
              report DIR      rebuild a run's report.md and report.html (engine selection, charts)
              help, --help    this text
              anything else   JMH's own command line: -l, -h, a regex, -p, -prof gc, -rf json ...

            Exit codes: 0 success, 1 a run or benchmark failed, 2 bad input, 130 interrupted
            (gate, compare and report: see their --help).
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = args.length == 0 ? List.of() : List.of(args).subList(1, args.length);
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> System.exit(RunCommand.run(rest, System.out, System.err));
            case "inspect" -> System.exit(InspectCommand.run(rest, System.out, System.err));
            case "gate" -> System.exit(GateCommand.run(rest, System.out, System.err));
            case "compare" -> System.exit(CompareCommand.run(rest, System.out, System.err));
            case "report" -> System.exit(ReportCommand.run(rest, System.out, System.err));
            case "list" -> System.exit(ListCommand.run(System.out));
            case "help", "--help" -> {
                System.out.print(USAGE);
                System.exit(0);
            }
            default -> System.exit(JmhPassThrough.run(args));
        }
    }
}
