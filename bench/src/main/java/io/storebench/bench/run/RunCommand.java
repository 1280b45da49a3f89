package io.storebench.bench.run;

import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.cli.Cli;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code run}: benchmarks engines under a workload with JMH, one folder per run, and ends with the
 * comparison table. With no arguments at all, {@code benchmarks.jar} runs this with its defaults.
 *
 * <p>picocli parses the command line (the options below, and the {@link EngineFlags} added from
 * the registered engines); {@link RunSettings#parse} checks the values once; {@link Preflight}
 * refuses a run that cannot succeed; {@link RunLifecycle} runs the forks and finishes the folder.
 * The option fields are the command's model (its help and completion); their values reach
 * {@link RunSettings} as given, through picocli's parse result.
 */
@Command(name = "run", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = RunCommand.EXIT_BAD_INPUT,
        usageHelpAutoWidth = true, sortOptions = false, abbreviateSynopsis = true,
        header = "benchmark engines under a workload (run --help lists the options)",
        description = {"Benchmarks engines under a workload: each fork (a fresh JVM) loads the records into a fresh"
                + " directory (timed: the load result), runs the workload, and records latency per operation in"
                + " HdrHistograms. Results go to a run folder; the run ends with a table of throughput and"
                + " p50/p99/p99.9 per operation with 95 %% confidence intervals across forks.", ""},
        footer = {"", "Every engine option is also a flag of its own, --ENGINE-OPTION VALUE (listed above, after"
                + " --prof), its value taken whole, so a list needs no escaping; the same option given here and in"
                + " --engine-options is refused.", "",
                "Exit codes: 0 done, 1 a fork failed or forks are missing (the run folder says which), 2 bad input"
                + " (nothing is run), 130 interrupted (finished forks are kept)."})
public final class RunCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERRUPTED = 130;

    /** The name errors begin with when {@code run} is called on its own: {@code storebench run: ...}. */
    static final String NAME = "storebench run";

    @Option(names = "--engines", paramLabel = "a,b", order = 1,
            description = "engines to run (see list). Default: rocksdb,lmdb,sqlite")
    String engines;
    @Option(names = "--durability", paramLabel = "P", order = 2,
            description = "strict | buffered (baselines always run with none). Default: buffered")
    String durability;
    @Option(names = "--cache-mb", paramLabel = "N", order = 3,
            description = "cache budget per engine in MiB, 1..1048576. Default: 64")
    String cacheMb;
    @Option(names = "--engine-options", paramLabel = "L", order = 4,
            description = "ENGINE.OPTION=VALUE,... e.g. rocksdb.compression=lz4 (see list)")
    String engineOptions;
    @Option(names = "--workload", paramLabel = "NAME|FILE", order = 10,
            description = "ycsb-a ... ycsb-f, or a YCSB workload file. Default: ycsb-a")
    String workload;
    @Option(names = "--records", paramLabel = "N", order = 11,
            description = "records loaded before the run, 1..10^12. Default: the workload's (100000)")
    String records;
    @Option(names = "--distribution", paramLabel = "NAME", order = 12,
            description = "key distribution (see list). Default: the workload's")
    String distribution;
    @Option(names = "--theta", paramLabel = "T", order = 13, description = "Zipf exponent, any T > 0. Default: 0.99")
    String theta;
    @Option(names = "--hot-set", paramLabel = "F", order = 14, description = "hotspot: hot set fraction. Default: 0.2")
    String hotSet;
    @Option(names = "--hot-ops", paramLabel = "F", order = 15,
            description = "hotspot: fraction of operations on the hot set. Default: 0.8")
    String hotOps;
    @Option(names = "--read", paramLabel = "P", order = 16,
            description = "operation proportions (--read --update --insert --scan --rmw --delete): when any is"
                    + " given they must sum to 1. Default: the workload's")
    String read;
    @Option(names = "--update", paramLabel = "P", order = 17, description = "proportion of updates")
    String update;
    @Option(names = "--insert", paramLabel = "P", order = 18, description = "proportion of inserts")
    String insert;
    @Option(names = "--scan", paramLabel = "P", order = 19, description = "proportion of scans")
    String scan;
    @Option(names = "--rmw", paramLabel = "P", order = 20, description = "proportion of read-modify-writes")
    String rmw;
    @Option(names = "--delete", paramLabel = "P", order = 21, description = "proportion of deletes")
    String delete;
    @Option(names = "--key-size", paramLabel = "N", order = 22,
            description = "key bytes, 1..1024. Default: the workload's (23 for YCSB keys)")
    String keySize;
    @Option(names = "--value-size", paramLabel = "N", order = 23,
            description = "value bytes, 16..16777216. Default: the workload's (1000)")
    String valueSize;
    @Option(names = "--seed", paramLabel = "S", order = 24, description = "master seed. Default: the workload's")
    String seed;
    @Option(names = "--threads", paramLabel = "N", order = 30,
            description = "benchmark threads per fork, 1..1024. Default: 2")
    String threads;
    @Option(names = "--rate", paramLabel = "N", order = 31,
            description = "open loop: N operations per second over all threads; latency is measured from each"
                    + " operation's intended start. Default: closed loop")
    String rate;
    @Option(names = "--inject-tail", paramLabel = "P:DELAY", order = 32,
            description = "delay a fraction P of operations by DELAY, e.g. 0.005:200ms")
    String injectTail;
    @Option(names = "--profile", paramLabel = "NAME", order = 33,
            description = "smoke | quick | ci | thorough. Default: quick")
    String profile;
    @Option(names = "--forks", paramLabel = "N", order = 34, description = "forks per engine (overrides the profile)")
    String forks;
    @Option(names = "--warmup-iterations", paramLabel = "N", order = 35, description = "warm-up iterations per fork")
    String warmupIterations;
    @Option(names = "--warmup-time", paramLabel = "D", order = 36,
            description = "length of a warm-up iteration (durations: 500ms, 1s, 2m)")
    String warmupTime;
    @Option(names = "--iterations", paramLabel = "N", order = 37, description = "measurement iterations per fork")
    String iterations;
    @Option(names = "--iteration-time", paramLabel = "D", order = 38, description = "length of a measurement iteration")
    String iterationTime;
    @Option(names = "--time", paramLabel = "D", order = 39,
            description = "measurement time per fork, split over the iterations")
    String time;
    @Option(names = "--operations", paramLabel = "N", order = 40,
            description = "measurement operations per fork instead of a time")
    String operations;
    @Option(names = "--out", paramLabel = "DIR", order = 50,
            description = "the run folder, new or empty. Default: results/<date-time>-<workload>")
    String runFolder;
    @Option(names = "--jfr", order = 51, description = "add JMH's flight-recorder profiler")
    boolean jfr;
    @Option(names = "--prof", paramLabel = "NAME[,NAME]", order = 52,
            description = "add JMH profilers (see java -jar benchmarks.jar -lprof)")
    String prof;

    /** Anything picocli does not know: refused in {@link #call()} with {@code run}'s own one line. */
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final EngineRegistry registry;
    private final PrintStream out;
    private final PrintStream err;

    private RunCommand(EngineRegistry registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    /**
     * The command's picocli model with the engine flags of {@code registry}, named {@code name}.
     * {@link #run} names it {@value #NAME}, so that its errors read {@code storebench run: ...}.
     */
    public static CommandSpec spec(String name, EngineRegistry registry, PrintStream out, PrintStream err) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new RunCommand(registry, out, err));
        EngineFlags.addTo(spec, registry);
        return spec.name(name);
    }

    /** Runs {@code run} with {@code args} (after {@code run}) and returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(NAME, EngineRegistry.discover(), out, err), args, out, err);
    }

    /** Parses and checks {@code args} (after {@code run}) into settings, as {@code run} does before running. */
    static RunSettings settings(List<String> args, EngineRegistry registry) {
        CommandLine line = Cli.commandLine(spec(NAME, registry, System.out, System.err), System.out, System.err);
        ParseResult parsed = line.parseArgs(args.toArray(String[]::new));
        RunCommand command = line.getCommand();
        return RunSettings.parse(command.given(parsed), registry);
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> command = new ArrayList<>(List.of("run"));
        command.addAll(parsed.originalArgs());
        RunSettings settings;
        RunFolder folder = null;
        try {
            settings = RunSettings.parse(given(parsed), registry);
            folder = RunFolder.create(settings);
            Preflight.check(settings, folder, registry);
            folder.writeStart(command, settings);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            if (folder != null) {
                folder.discardIfEmpty();
            }
            throw badInput(e.getMessage());
        } catch (IOException e) {
            throw badInput("cannot write the run folder: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "storebench: %s on %s, %,d records, %d threads, %s; profile %s (%d forks, %d x %d ms"
                + " warm-up, %d x %s measurement)%nstorebench: run folder %s%n", String.join(", ", settings.engines()),
                settings.workload().name(), settings.workload().recordCount(), settings.threads(),
                settings.openLoop() ? "open loop at " + settings.rate() + " ops/s" : "closed loop",
                settings.profile().label(), settings.forks(), settings.warmupIterations(), settings.warmupMillis(),
                settings.iterations(), settings.operations() > 0 ? settings.operations() / settings.iterations()
                        + " operations" : settings.iterationMillis() + " ms", folder.directory());
        return new RunLifecycle(folder, command, settings, registry).run(out, err);
    }

    /**
     * The options given, by name without {@code --}, in the order given (engine flags among
     * them): what {@link RunSettings#parse} checks and {@code run.json} records.
     */
    private Map<String, String> given(ParseResult parsed) {
        if (!unmatched.isEmpty()) {
            throw badInput(unknown(unmatched.get(0)));
        }
        Map<String, String> options = new LinkedHashMap<>();
        try {
            Map<String, String> flags = EngineFlags.given(parsed, registry);
            for (OptionSpec option : parsed.matchedOptions()) {
                String name = option.longestName().substring(2);
                if (flags.containsKey(name)) {
                    options.put(name, flags.get(name));
                } else if (!option.usageHelp() && !option.versionHelp()) {
                    options.put(name, String.valueOf((Object) option.getValue()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw badInput(e.getMessage());
        }
        return options;
    }

    private String unknown(String arg) {
        if (!arg.startsWith("-")) {
            return "unexpected argument '" + arg + "'; options start with --";
        }
        String engineFlag = EngineFlags.unknown(arg, registry);
        if (engineFlag != null) {
            return engineFlag;
        }
        TreeSet<String> known = new TreeSet<>();
        spec.options().stream().filter(o -> !o.versionHelp())
                .filter(o -> EngineFlags.flag(o.longestName().substring(2), registry) == null)
                .forEach(o -> known.add(o.longestName()));
        return "unknown option '" + arg + "'; known: " + String.join(", ", known);
    }

    /** One line and exit 2, whichever check found it; {@code run: } prefixes of older messages are dropped. */
    private static Cli.UsageError badInput(String message) {
        String line = message == null ? "bad input" : message.startsWith("run: ") ? message.substring(5) : message;
        return new Cli.UsageError(line, EXIT_BAD_INPUT);
    }
}
