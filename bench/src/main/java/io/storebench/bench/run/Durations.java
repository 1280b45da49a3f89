package io.storebench.bench.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as a number and a unit: {@code 200ms}, {@code 1s}, {@code 500us}, {@code 2m}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|ms|s|m)");

    private Durations() {
    }

    /**
     * @return nanoseconds
     * @throws IllegalArgumentException naming the text and the accepted form
     */
    public static long parseNanos(String what, String text) {
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a duration; write a number and a unit:"
                    + " ns, us, ms, s or m (e.g. 200ms, 1s)");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double unit = switch (matcher.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        double nanos = amount * unit;
        if (nanos >= Long.MAX_VALUE) {
            throw new IllegalArgumentException(what + " '" + text + "' is too long");
        }
        return Math.round(nanos);
    }

    /** A short human form: 1.5 s, 200 ms, 35 us. */
    public static String format(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return trim(nanos / 1e9) + " s";
        }
        if (nanos >= 1_000_000L) {
            return trim(nanos / 1e6) + " ms";
        }
        return nanos >= 1_000L ? trim(nanos / 1e3) + " us" : nanos + " ns";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.3g", value);
    }
}
