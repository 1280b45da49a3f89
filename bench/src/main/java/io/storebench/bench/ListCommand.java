package io.storebench.bench;

import io.storebench.bench.run.Profile;
import io.storebench.engine.Capability;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.Preset;
import io.storebench.workloads.distribution.DistributionKind;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code list}: engines with capabilities and options, workloads, distributions, durability profiles, run profiles. */
final class ListCommand {
    private ListCommand() {
    }

    static int run(PrintStream out) {
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
        return 0;
    }
}
