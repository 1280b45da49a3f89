package io.storebench.workloads.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options of the form {@code --name value}, {@code --name=value} or a bare
 * {@code --flag}, checked against the options a command declares. Every error is an
 * {@link UsageException} whose one-line message names the option, the bad value and what is allowed.
 */
public final class Arguments {
    private final String command;
    private final Map<String, String> values;

    private Arguments(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /**
     * @param valued options that take a value
     * @param flags options that take none
     * @throws UsageException for an unknown option (listing the known ones), a missing value, a
     *     repeated option or a stray argument
     */
    public static Arguments parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + arg + "'; options start with --");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(command + ": --" + name + " takes no value");
                }
                value = "true";
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
            } else {
                Set<String> known = new TreeSet<>(valued);
                known.addAll(flags);
                throw new UsageException(command + ": unknown option '" + arg + "'; known: --"
                        + String.join(", --", known));
            }
            if (values.put(name, value) != null) {
                throw new UsageException(command + ": --" + name + " is given twice");
            }
        }
        return new Arguments(command, values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        return values.get(name);
    }

    /** The option as a whole number in [min, max]; {@code null} when absent. Accepts 1_000_000 and 1e6 forms. */
    public Long longValue(String name, long min, long max) {
        String text = values.get(name);
        if (text == null) {
            return null;
        }
        long value;
        try {
            String digits = text.replace("_", "").trim();
            value = digits.matches("[0-9.]+[eE][0-9]+") ? new java.math.BigDecimal(digits).longValueExact()
                    : Long.parseLong(digits);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException(command + ": --" + name + " '" + text + "' is not a whole number; allowed: "
                    + min + ".." + max);
        }
        if (value < min || value > max) {
            throw new UsageException(command + ": --" + name + " " + value + " is out of range; allowed: " + min
                    + ".." + max);
        }
        return value;
    }

    /** The option as a number in [min, max] (bounds inclusive); {@code null} when absent. */
    public Double doubleValue(String name, double min, double max) {
        String text = values.get(name);
        if (text == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " '" + text + "' is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw new UsageException(command + ": --" + name + " " + text + " is out of range; allowed: "
                    + (max == Double.MAX_VALUE ? min + " or more" : min + ".." + max));
        }
        return value;
    }

    /** Bad command-line input: one line for the user. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }
}
