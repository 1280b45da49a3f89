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
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code list}: engines with capabilities and options, workloads, distributions, durability profiles, run profiles. */
@Command(name = "list", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
        header = "engines, capabilities, options, workloads, distributions, profiles",
        description = "Lists the engines (capabilities, durability profiles, options), workloads, distributions,"
                + " durability profiles and run profiles.")
final class ListCommand implements Callable<Integer> {
    private final PrintStream out;

    ListCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code list} with {@code args} (after {@code list}) and returns its exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(new ListCommand(out), args, out, err);
    }

    @Override
    public Integer call() {
        out.println("Engines:");
        for (EngineProvider engine : EngineRegistry.discover().providers()) {
            out.printf(Locale.ROOT, "  %-8s %s%n", engine.name(), engine.description());
            out.printf(Locale.ROOT, "           capabilities: %s%n", engine.capabilities().isEmpty() ? "(none)"
                    : engine.capabilities().stream().map(Capability::label).collect(Collectors.joining(", ")));
            out.printf(Locale.ROOT, "           durability: %s%n",
                    engine.durabilities().stream().map(Durability::label).collect(Collectors.joining(", ")));
            for (EngineOption option : engine.options()) {
                out.printf(Locale.ROOT, "           option %s.%s=%s (%s): %s%n", engine.name(), option.name(),
                        option.defaultValue(), option.allowed().describe(), option.description());
            }
        }
        out.println();
        out.println("Workloads (or a YCSB workload file):");
        for (Preset preset : Preset.values()) {
            var spec = preset.spec();
            out.printf(Locale.ROOT, "  %-8s %s, %s%n", preset.label(), spec.mix().asMap().entrySet().stream()
                    .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", ")),
                    spec.distribution().describe());
        }
        out.println();
        out.println("Distributions: " + DistributionKind.allowedNames());
        out.println();
        out.println("Durability profiles:");
        for (Durability durability : Durability.values()) {
            out.printf(Locale.ROOT, "  %-8s %s%n", durability.label(), durability.description());
        }
        out.println();
        out.println("Run profiles:");
        for (Profile profile : Profile.values()) {
            out.printf(Locale.ROOT, "  %-8s %s%n", profile.label(), profile.describe());
        }
        out.flush();
        return 0;
    }
}
