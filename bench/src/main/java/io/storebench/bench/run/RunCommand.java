package io.storebench.bench.run;

import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.UnmatchedArguments;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
 * The options are {@link RunOptions}' fields: the command's model (its help and completion) and
 * what {@link RunSettings#parse} reads.
 */
@Command(name = "run", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = RunCommand.EXIT_BAD_INPUT,
        usageHelpAutoWidth = true, sortOptions = false, abbreviateSynopsis = true,
        header = "benchmark engines under a workload",
        description = {"Benchmarks engines under a workload: each fork (a fresh JVM) loads the records into a fresh"
                + " directory (timed: the load result), runs the workload, and records latency per operation in"
                + " HdrHistograms. Results go to a run folder; the run ends with a table of throughput and"
                + " p50/p99/p99.9 per operation with 95 %% confidence intervals across forks.", ""},
        footer = {"", "Every engine option is also a flag of its own, --ENGINE-OPTION VALUE (listed above, after"
                + " --prof), its value taken whole, so a list needs no escaping; the same option given here and in"
                + " --engine-options is refused.", "",
                "A fork that fails (killed, out of memory, an exception) is recorded in run.json with why, and the"
                + " run goes on with the next fork. One run at a time: a run holds JMH's lock (java.io.tmpdir/jmh.lock)"
                + " and another is refused (exit 2); java -Djmh.ignoreLock=true -jar ... runs anyway.", "",
                "Exit codes: 0 done, 1 a fork failed or forks are missing (the run folder says which), 2 bad input"
                + " or another run holds the lock (nothing is run), 130 interrupted (finished forks are kept)."})
public final class RunCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERRUPTED = 130;

    /** The name errors begin with when {@code run} is called on its own: {@code storebench run: ...}. */
    static final String NAME = "storebench run";

    /** The options, typed fields that {@link RunSettings#parse} reads (the engine flags are added by {@link #spec}). */
    @Mixin
    RunOptions options = new RunOptions();

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
        return RunSettings.parse(command.checked(parsed), registry);
    }

    /**
     * The settings {@code args} (after {@code run}) would run with, checked as {@code run} checks
     * them before running anything: what {@code ab} asks of each side's arguments before its first
     * fork.
     *
     * @throws IllegalArgumentException with {@code run}'s one line for anything it would refuse
     */
    public static RunSettings check(List<String> args) {
        try {
            return settings(args, EngineRegistry.discover());
        } catch (CommandLine.ParameterException | Cli.UsageError e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> command = new ArrayList<>(List.of("run"));
        command.addAll(parsed.originalArgs());
        RunSettings settings;
        RunLock lock = null;
        RunFolder folder = null;
        try {
            settings = RunSettings.parse(checked(parsed), registry);
            folder = RunFolder.create(settings);
            Preflight.check(settings, folder, registry);
            lock = RunLock.acquire(); // once the input is checked, before the folder is written: refused, it is removed
            folder.writeStart(command, settings);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            release(lock);
            if (folder != null) {
                folder.discardIfEmpty();
            }
            throw badInput(e.getMessage());
        } catch (IOException e) {
            release(lock);
            throw badInput("cannot write the run folder: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "storebench: %s on %s, %,d records, %d threads, %s; profile %s (%d forks, %d x %d ms"
                + " warm-up, %d x %s measurement)%nstorebench: run folder %s%n", String.join(", ", settings.engines()),
                settings.workload().name(), settings.workload().recordCount(), settings.threads(),
                settings.openLoop() ? "open loop at " + settings.rate() + " ops/s" : "closed loop",
                settings.profile().label(), settings.forks(), settings.warmupIterations(), settings.warmupMillis(),
                settings.iterations(), settings.operations() > 0 ? settings.operations() / settings.iterations()
                        + " operations" : settings.iterationMillis() + " ms", folder.directory());
        try {
            return new RunLifecycle(folder, command, settings, registry).run(out, err);
        } finally {
            lock.close();
        }
    }

    private static void release(RunLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    /**
     * The options, once anything picocli could not match is refused with {@code run}'s one line
     * (an unknown engine flag lists its engine's flags; the {@code known:} list leaves the engine
     * flags out), with what {@code parsed} matched recorded for {@code run.json}.
     */
    private RunOptions checked(ParseResult parsed) {
        UnmatchedArguments.refuse(spec, unmatched, EXIT_BAD_INPUT,
                option -> EngineFlags.flag(option.longestName().substring(2), registry) == null,
                unknown -> EngineFlags.unknown(unknown, registry));
        return options.record(parsed, registry);
    }

    /** One line and exit 2, whichever check found it; {@code run: } prefixes of older messages are dropped. */
    private static Cli.UsageError badInput(String message) {
        String line = message == null ? "bad input" : message.startsWith("run: ") ? message.substring(5) : message;
        return new Cli.UsageError(line, EXIT_BAD_INPUT);
    }
}
