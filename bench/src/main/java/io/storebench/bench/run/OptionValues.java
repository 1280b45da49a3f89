package io.storebench.bench.run;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The {@code run} options as given (name without {@code --} to its text), with typed accessors
 * whose errors are one line naming the option, the bad value and what is allowed. picocli parses
 * the command line; this turns its values into numbers with the messages {@code run} has always given.
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
        String text = values.get(name);
        if (text == null) {
            return null;
        }
        long value;
        try {
            String digits = text.replace("_", "").trim();
            value = digits.matches("[0-9.]+[eE][0-9]+") ? new BigDecimal(digits).longValueExact()
                    : Long.parseLong(digits);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--" + name + " '" + text + "' is not a whole number; allowed: " + min
                    + ".." + max);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " " + value + " is out of range; allowed: " + min + ".."
                    + max);
        }
        return value;
    }

    /** The option as a number in [min, max] (bounds inclusive); {@code null} when absent. */
    Double doubleValue(String name, double min, double max) {
        String text = values.get(name);
        if (text == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " '" + text + "' is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("--" + name + " " + text + " is out of range; allowed: "
                    + (max == Double.MAX_VALUE ? min + " or more" : min + ".." + max));
        }
        return value;
    }
}
