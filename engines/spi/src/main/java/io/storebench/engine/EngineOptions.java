package io.storebench.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An engine's options after validation against its documented list: every documented option has
 * a value (given or default), and nothing else is present. Typed accessors never fail for a
 * documented option.
 */
public final class EngineOptions {
    private final String engine;
    private final Map<String, String> values;

    private EngineOptions(String engine, Map<String, String> values) {
        this.engine = engine;
        this.values = Map.copyOf(values);
    }

    /**
     * Validates {@code given} against {@code documented}.
     *
     * @throws ConfigurationException for an unknown option (listing the known ones) or a bad value
     *     (naming the allowed ones)
     */
    public static EngineOptions resolve(String engine, List<EngineOption> documented, Map<String, String> given) {
        Map<String, EngineOption> byName = new LinkedHashMap<>();
        documented.forEach(option -> byName.put(option.name(), option));
        Map<String, String> values = new LinkedHashMap<>();
        documented.forEach(option -> values.put(option.name(), option.defaultValue()));
        given.forEach((name, value) -> {
            EngineOption option = byName.get(name);
            if (option == null) {
                throw new ConfigurationException("unknown option '" + name + "' for engine '" + engine + "'; known: "
                        + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
            }
            if (value == null) {
                throw new ConfigurationException("option '" + name + "' of engine '" + engine + "' has no value");
            }
            values.put(name, option.allowed().check(engine, name, value));
        });
        return new EngineOptions(engine, values);
    }

    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("engine '" + engine + "' read undocumented option '" + name + "'");
        }
        return value;
    }

    public long longValue(String name) {
        return Long.parseLong(string(name));
    }

    public int intValue(String name) {
        return Math.toIntExact(longValue(name));
    }

    /** All values, for the run record. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", engine + "{", "}"));
    }
}
