package io.storebench.bench;

import io.storebench.bench.run.Profile;
import io.storebench.engine.Capability;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.Preset;
import io.storebench.workloads.distribution.DistributionKind;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.UnmatchedArguments;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code list}: engines with capabilities and options, workloads, distributions, durability profiles, run profiles.
 *
 * <p>Named {@code storebench list} so that its one-line errors read {@code storebench list: ...} as
 * the other commands'; {@code Main} calls {@link #run}. It takes no arguments.
 */
@Command(name = "storebench list", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ListCommand.EXIT_BAD_INPUT,
        header = "engines, capabilities, options, workloads, distributions, profiles",
        description = "Lists the engines (capabilities, durability profiles, options), workloads, distributions,"
                + " durability profiles and run profiles.")
final class ListCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;

    /** Anything at all: {@code list} takes no arguments, refused with StoreBench's one line. */
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    private ListCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code list} with {@code args} (after {@code list}) and returns its exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(out), args, out, err);
    }

    /** The command's picocli model, printing to {@code out}: what {@link #run} parses, and what the help shows. */
    static CommandSpec spec(PrintStream out) {
        return CommandSpec.forAnnotatedObject(new ListCommand(out));
    }

    @Override
    public Integer call() {
        UnmatchedArguments.refuse(spec, unmatched, EXIT_BAD_INPUT);
        out.println("Engines:");
        for (EngineProvider engine : EngineRegistry.discover().providers()) {
            out.printf(Locale.ROOT, "  %-10s %s%n", engine.name(), engine.description());
            engine.unavailable().ifPresent(reason -> out.printf(Locale.ROOT, "             UNAVAILABLE: %s%n", reason));
            out.printf(Locale.ROOT, "             capabilities: %s%n", engine.capabilities().isEmpty() ? "(none)"
                    : engine.capabilities().stream().map(Capability::label).collect(Collectors.joining(", ")));
            out.printf(Locale.ROOT, "             durability: %s%n",
                    engine.durabilities().stream().map(Durability::label).collect(Collectors.joining(", ")));
            for (EngineOption option : engine.options()) {
                out.printf(Locale.ROOT, "             option %s.%s=%s (%s): %s%n", engine.name(), option.name(),
                        option.defaultValue(), option.allowed().describe(), option.description());
            }
        }
        out.println();
        out.println("Workloads (or a YCSB workload file):");
        for (Preset preset : Preset.values()) {
            var spec = preset.spec();
            out.printf(Locale.ROOT, "  %-10s %s, %s%n", preset.label(), spec.mix().asMap().entrySet().stream()
                    .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", ")),
                    spec.distribution().describe());
        }
        out.println();
        out.println("Distributions: " + DistributionKind.allowedNames());
        out.println();
        out.println("Durability profiles:");
        for (Durability durability : Durability.values()) {
            out.printf(Locale.ROOT, "  %-10s %s%n", durability.label(), durability.description());
        }
        out.println();
        out.println("Run profiles:");
        for (Profile profile : Profile.values()) {
            out.printf(Locale.ROOT, "  %-10s %s%n", profile.label(), profile.describe());
        }
        out.flush();
        return 0;
    }
}
