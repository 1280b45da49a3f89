package io.storebench.bench.run;

import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.cli.Arguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --ENGINE-OPTION VALUE}: every engine option as a {@code run} option of its own, e.g.
 * {@code --etcd-endpoints h1:2379,h2:2379} for {@code --engine-options etcd.endpoints=h1:2379,h2:2379}.
 * The value is taken whole, so a list or a path needs no escaping. They are split off the other
 * {@code run} arguments here, so that an unknown one is refused with the options of its engine
 * instead of every option of every engine.
 *
 * @param remaining the other arguments, in order
 * @param values option values by engine, then option name, in the order given
 * @param flags the same values by flag name without {@code --} (as the run folder saves them)
 */
record EngineFlags(List<String> remaining, Map<String, Map<String, String>> values, Map<String, String> flags) {

    /** Splits {@code --ENGINE-OPTION VALUE} (or {@code --ENGINE-OPTION=VALUE}) off {@code args}. */
    static EngineFlags split(List<String> args, EngineRegistry registry) {
        List<String> remaining = new ArrayList<>();
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            EngineProvider provider = arg.startsWith("--") ? engineOf(arg.substring(2), registry) : null;
            if (provider == null) {
                remaining.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            }
            String option = name.substring(provider.name().length() + 1);
            if (provider.options().stream().noneMatch(o -> o.name().equals(option))) {
                throw new Arguments.UsageException("run: unknown option '--" + name + "'; " + provider.name()
                        + " has: " + known(provider));
            }
            if (value == null) {
                throw new Arguments.UsageException("run: --" + name + " needs a value");
            }
            if (flags.put(name, value) != null) {
                throw new Arguments.UsageException("run: --" + name + " is given twice");
            }
            values.computeIfAbsent(provider.name(), e -> new LinkedHashMap<>()).put(option, value);
        }
        return new EngineFlags(List.copyOf(remaining), values, flags);
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

    private static String known(EngineProvider provider) {
        if (provider.options().isEmpty()) {
            return "no options";
        }
        return provider.options().stream().map(EngineOption::name).map(o -> "--" + provider.name() + "-" + o)
                .collect(Collectors.joining(", "));
    }
}
