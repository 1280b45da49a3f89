package io.storebench.workloads.cli;

import java.math.BigDecimal;

/**
 * Converts an option's text to a number in a range, with the one-line messages StoreBench's
 * commands give: {@code --records 'many' is not a whole number; allowed: 1..1000000000000},
 * {@code --hot-ops 1.5 is out of range; allowed: 0.0..1.0}. Each method returns {@code null}
 * for an option not given ({@code text == null}) and throws {@link IllegalArgumentException}
 * otherwise; {@link Cli} puts the command's name in front.
 */
public final class OptionValues {
    private OptionValues() {
    }

    /** A whole number in [min, max]; accepts {@code 1_000_000} and {@code 1e6} forms. */
    public static Long wholeNumber(String option, String text, long min, long max) {
        if (text == null) {
            return null;
        }
        long value;
        try {
            String digits = text.replace("_", "").trim();
            value = digits.matches("[0-9.]+[eE][0-9]+") ? new BigDecimal(digits).longValueExact()
                    : Long.parseLong(digits);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a whole number; allowed: " + min + ".."
                    + max);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " " + value + " is out of range; allowed: " + min + ".." + max);
        }
        return value;
    }

    /** A number in [min, max], bounds included ({@code Double.MAX_VALUE} for no upper bound). */
    public static Double number(String option, String text, double min, double max) {
        if (text == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " " + text + " is out of range; allowed: "
                    + (max == Double.MAX_VALUE ? min + " or more" : min + ".." + max));
        }
        return value;
    }
}
