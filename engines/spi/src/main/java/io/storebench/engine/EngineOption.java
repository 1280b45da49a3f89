package io.storebench.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One engine-specific option, as an engine documents it in {@link EngineProvider#options()}:
 * its name, meaning, default and allowed values. Given on the command line as
 * {@code --engine-options rocksdb.compression=lz4} (or in an {@link EngineConfig}'s option map).
 *
 * @param name lower-case, dashed name
 * @param description one line for {@code list} and the README
 * @param defaultValue the value used when the option is not given
 * @param allowed the allowed values
 */
public record EngineOption(String name, String description, String defaultValue, Allowed allowed) {

    /** The set of values an option accepts. */
    public sealed interface Allowed permits LongRange, Choice, Text {
        /** Returns the normalised value, or throws naming the allowed values. */
        String check(String engine, String option, String value);

        /** Human-readable allowed values, e.g. {@code 0..64} or {@code none|lz4}. */
        String describe();
    }

    /** An integer between {@code min} and {@code max} inclusive. */
    public record LongRange(long min, long max) implements Allowed {
        @Override
        public String check(String engine, String option, String value) {
            long parsed;
            try {
                parsed = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw invalid(engine, option, value, "is not an integer", describe());
            }
            if (parsed < min || parsed > max) {
                throw invalid(engine, option, value, "is out of range", describe());
            }
            return Long.toString(parsed);
        }

        @Override
        public String describe() {
            return min + ".." + max;
        }
    }

    /** One of a fixed list of words, matched without regard to case. */
    public record Choice(List<String> values) implements Allowed {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public String check(String engine, String option, String value) {
            String normalised = value.trim().toLowerCase(Locale.ROOT);
            if (!values.contains(normalised)) {
                throw invalid(engine, option, value, "is not allowed", describe());
            }
            return normalised;
        }

        @Override
        public String describe() {
            return String.join("|", values);
        }
    }

    /**
     * Free text checked by a rule: a list of endpoints, a path. {@code describe} says what is
     * allowed; {@code rule} returns the normalised value or throws an {@link IllegalArgumentException}
     * whose message says what is wrong with it.
     */
    public record Text(String describe, UnaryOperator<String> rule) implements Allowed {
        public Text {
            Objects.requireNonNull(describe, "describe");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String check(String engine, String option, String value) {
            try {
                return rule.apply(value.trim());
            } catch (SecretInValueException e) {
                throw new ConfigurationException("option '" + option + "' of engine '" + engine + "' (value not shown) "
                        + e.getMessage() + "; allowed: " + describe);
            } catch (IllegalArgumentException e) {
                throw invalid(engine, option, value, e.getMessage(), describe);
            }
        }
    }

    /**
     * Thrown by a {@link Text} rule when the value holds a secret it must not (a password in a URL):
     * the error names the option and what is wrong, never the value.
     */
    public static final class SecretInValueException extends IllegalArgumentException {
        public SecretInValueException(String message) {
            super(message);
        }
    }

    public EngineOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(allowed, "allowed");
        allowed.check("(definition)", name, defaultValue);
    }

    public static EngineOption range(String name, String description, long defaultValue, long min, long max) {
        return new EngineOption(name, description, Long.toString(defaultValue), new LongRange(min, max));
    }

    public static EngineOption choice(String name, String description, String defaultValue, String... values) {
        return new EngineOption(name, description, defaultValue, new Choice(List.of(values)));
    }

    /** A free-text option; see {@link Text}. */
    public static EngineOption text(String name, String description, String defaultValue, String allowed,
            UnaryOperator<String> rule) {
        return new EngineOption(name, description, defaultValue, new Text(allowed, rule));
    }

    private static ConfigurationException invalid(String engine, String option, String value, String what,
            String allowed) {
        return new ConfigurationException("option '" + option + "' of engine '" + engine + "': '" + value + "' "
                + what + "; allowed: " + allowed);
    }
}
