package io.storebench.bench.run;

import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code --ENGINE-OPTION VALUE}: every option of every registered engine as a {@code run} option
 * of its own, e.g. {@code --etcd-endpoints h1:2379,h2:2379} for
 * {@code --engine-options etcd.endpoints=h1:2379,h2:2379}. They are added to the command's
 * picocli model at run time from {@link EngineProvider#options()}, so {@code run --help} and the
 * completion script list them with their defaults and allowed values. The value is taken whole,
 * so a list or a path needs no escaping. Each is a plain option of one value: {@code Cli} words
 * one without its value ({@code --etcd-members needs a value}) or given twice.
 */
final class EngineFlags {
    /** Where the engine flags come in {@code run --help}: after the command's own options. */
    private static final int ENGINE_FLAGS_ORDER = 100;

    private EngineFlags() {
    }

    /** An engine flag's engine and option. */
    record Flag(String engine, String option) {
    }

    /** Adds an option {@code --ENGINE-OPTION} to {@code spec} for every option of every engine. */
    static void addTo(CommandSpec spec, EngineRegistry registry) {
        for (EngineProvider provider : registry.providers()) {
            for (EngineOption option : provider.options()) {
                OptionSpec.Builder flag = OptionSpec.builder("--" + provider.name() + "-" + option.name())
                        .paramLabel(label(option.allowed()))
                        .type(String.class).arity("1").hideParamSyntax(true).order(ENGINE_FLAGS_ORDER)
                        .description(option.description() + " (" + provider.name() + "; allowed: "
                                + option.allowed().describe() + "; default: "
                                + (option.defaultValue() == null || option.defaultValue().isEmpty() ? "none"
                                : option.defaultValue()) + ")");
                if (option.allowed() instanceof EngineOption.Choice choice) {
                    flag.completionCandidates(choice.values());
                }
                spec.addOption(flag.build());
            }
        }
    }

    /** What a flag's value looks like in help: {@code N}, {@code none|snappy|lz4|zstd}, {@code TEXT}. */
    private static String label(EngineOption.Allowed allowed) {
        if (allowed instanceof EngineOption.LongRange) {
            return "N";
        }
        return allowed instanceof EngineOption.Choice choice ? String.join("|", choice.values()) : "TEXT";
    }

    /**
     * The engine flags given: engine to option to value, in the order given. A flag without its
     * value or given twice has been refused by picocli already, with {@code Cli}'s one line.
     */
    static Map<String, Map<String, String>> given(ParseResult parsed, EngineRegistry registry) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            Flag flag = flag(option.longestName().substring(2), registry);
            if (flag != null) {
                values.computeIfAbsent(flag.engine(), e -> new LinkedHashMap<>()).put(flag.option(), option.getValue());
            }
        }
        return values;
    }

    /** The engine and option of flag {@code name} (without {@code --}), or null if it is not an engine flag. */
    static Flag flag(String name, EngineRegistry registry) {
        EngineProvider provider = engineOf(name, registry);
        if (provider == null) {
            return null;
        }
        String option = name.substring(provider.name().length() + 1);
        return provider.options().stream().anyMatch(o -> o.name().equals(option))
                ? new Flag(provider.name(), option) : null;
    }

    /**
     * The message for an unknown option {@code arg} that begins with an engine's name and a dash
     * (listing that engine's flags), or null if it names no engine.
     */
    static String unknown(String arg, EngineRegistry registry) {
        String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
        EngineProvider provider = name == null ? null : engineOf(name, registry);
        if (provider == null) {
            return null;
        }
        return "unknown option '--" + name + "'; " + provider.name() + " has: " + (provider.options().isEmpty()
                ? "no options" : provider.options().stream().map(o -> "--" + provider.name() + "-" + o.name())
                .collect(Collectors.joining(", ")));
    }

    /** The engine whose name and a dash begin {@code name}, or null. */
    private static EngineProvider engineOf(String name, EngineRegistry registry) {
        for (EngineProvider provider : registry.providers()) {
            if (name.startsWith(provider.name() + "-")) {
                return provider;
            }
        }
        return null;
    }
}
