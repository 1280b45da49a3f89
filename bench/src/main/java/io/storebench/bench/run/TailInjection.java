package io.storebench.bench.run;

/**
 * {@code --inject-tail P:DELAY}: delay a fraction {@code P} of operations by {@code DELAY}, inside
 * the measured interval, to check that tail regressions are caught. Which operations are delayed
 * is drawn from each thread's seeded stream.
 *
 * @param fraction in (0, 1]
 * @param delayNanos at least 1 µs
 */
public record TailInjection(double fraction, long delayNanos) {
    public TailInjection {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("--inject-tail fraction " + fraction + " is out of range; allowed: (0, 1]");
        }
        if (delayNanos < 1_000) {
            throw new IllegalArgumentException("--inject-tail delay " + delayNanos + " ns is out of range; allowed: 1us or more");
        }
    }

    /** Parses {@code 0.005:200ms}. */
    public static TailInjection parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--inject-tail '" + text + "' is not FRACTION:DELAY (e.g. 0.005:200ms)");
        }
        double fraction;
        try {
            fraction = Double.parseDouble(text.substring(0, colon).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--inject-tail fraction '" + text.substring(0, colon)
                    + "' is not a number; allowed: (0, 1]");
        }
        return new TailInjection(fraction, Durations.parseNanos("--inject-tail delay", text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return fraction + ":" + Durations.format(delayNanos).replace(" ", "");
    }
}
