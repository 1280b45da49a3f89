package io.storebench.bench.run;

import java.util.Map;

/**
 * The {@code run} options as given (name without {@code --} to its text), with typed accessors
 * whose errors are one line naming the option, the bad value and what is allowed. picocli parses
 * the command line; this turns its values into numbers through {@link io.storebench.workloads.cli.OptionValues},
 * with the messages {@code run} has always given.
 */
final class OptionValues {
    private final Map<String, String> values;

    OptionValues(Map<String, String> values) {
        this.values = values;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name) {
        return values.get(name);
    }

    /** The option as a whole number in [min, max]; {@code null} when absent. Accepts 1_000_000 and 1e6 forms. */
    Long longValue(String name, long min, long max) {
        return io.storebench.workloads.cli.OptionValues.wholeNumber("--" + name, values.get(name), min, max);
    }

    /** The option as a number in [min, max] (bounds inclusive); {@code null} when absent. */
    Double doubleValue(String name, double min, double max) {
        return io.storebench.workloads.cli.OptionValues.number("--" + name, values.get(name), min, max);
    }
}
