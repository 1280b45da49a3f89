package io.storebench.bench.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.Defaults;

/**
 * What has to fit in one iteration, checked before anything runs. JMH ends an iteration when every
 * thread's operation in flight has returned, and from {@link #TIMEOUT_NANOS JMH's timeout} after
 * the iteration began it interrupts threads that have not (waits here do not listen). An open-loop
 * thread waits for its next due time and an injected delay waits out its delay, so a rate too low
 * or a delay too long would hold a fork until that timeout and past it. Refused instead, in one line:
 * <ul>
 *   <li>timed iterations: each thread's interval between operations ({@code threads / rate}
 *       seconds) and an injected delay longer than the shortest iteration (warm-up or
 *       measurement) or than JMH's timeout;</li>
 *   <li>{@code --operations}: an iteration whose operations per thread, one per interval, or whose
 *       expected injected delays alone would take longer than JMH's timeout.</li>
 * </ul>
 *
 * @param threads benchmark threads per fork
 * @param iterationNanos the shortest timed iteration, or 0 with {@code --operations}
 * @param batch operations per thread per iteration with {@code --operations}, or 0
 */
record IterationFit(int threads, long iterationNanos, long batch) {
    /** JMH's iteration timeout, which {@code run} leaves at its default (10 minutes). */
    static final long TIMEOUT_NANOS = Defaults.TIMEOUT.convertTo(TimeUnit.NANOSECONDS);

    /** The fit of timed iterations ({@code batch} 0) or of {@code --operations} batches. */
    static IterationFit of(int threads, int warmupIterations, long warmupMillis, long iterationMillis, long batch) {
        long shortest = warmupIterations > 0 ? Math.min(warmupMillis, iterationMillis) : iterationMillis;
        return batch > 0 ? new IterationFit(threads, 0, batch) : new IterationFit(threads, shortest * 1_000_000, 0);
    }

    /** The longest a single wait may last: the shortest iteration, and never past JMH's timeout. */
    private long longestWait() {
        return batch > 0 ? TIMEOUT_NANOS : Math.min(iterationNanos, TIMEOUT_NANOS);
    }

    /**
     * {@code --rate}: operations per second over all threads.
     *
     * @throws IllegalArgumentException naming the rate and the smallest one allowed
     */
    double rate(String text) {
        // One interval per thread must fit in a timed iteration; a whole batch of them with --operations.
        double slowest = (batch > 0 ? batch : 1) * (double) threads * 1e9 / longestWait();
        String allowed = String.format(Locale.ROOT, "allowed: %s or more operations per second (%s)",
                roundedUp(slowest), batch > 0
                        ? String.format(Locale.ROOT, "each of the %d threads runs %,d operations per iteration, one"
                                + " every %d / rate seconds, and an iteration must end within JMH's %s timeout",
                                threads, batch, threads, Durations.format(TIMEOUT_NANOS))
                        : String.format(Locale.ROOT, "each of the %d threads runs one operation every %d / rate"
                                + " seconds, which must fit in the shortest iteration, %s", threads, threads,
                                Durations.format(longestWait())));
        double rate;
        try {
            rate = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate '" + text + "' is not a number; " + allowed);
        }
        if (!(rate >= slowest) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate " + text + " is out of range; " + allowed);
        }
        return rate;
    }

    /**
     * {@code --inject-tail P:DELAY}.
     *
     * @throws IllegalArgumentException naming the value and the longest delay allowed
     */
    TailInjection tail(String text) {
        TailInjection tail = TailInjection.parse(text);
        long longest;
        String why;
        if (batch > 0) {
            // Each thread's expected delays in one batch must end within the timeout.
            long delayed = (long) Math.min(Long.MAX_VALUE, Math.ceil(batch * tail.fraction()));
            longest = TIMEOUT_NANOS / Math.max(1, delayed);
            why = String.format(Locale.ROOT, "each of the %d threads delays about %,d of its %,d operations per"
                    + " iteration, and its delays must end within JMH's %s timeout", threads, delayed, batch,
                    Durations.format(TIMEOUT_NANOS));
        } else {
            longest = longestWait();
            why = "a delayed operation must end within the shortest iteration, " + Durations.format(iterationNanos)
                    + ", and JMH's " + Durations.format(TIMEOUT_NANOS) + " timeout";
        }
        if (tail.delayNanos() > longest) {
            throw new IllegalArgumentException("--inject-tail " + text + ": the delay is out of range; allowed: 1us to "
                    + Durations.format(longest) + " (" + why + ")");
        }
        return tail;
    }

    /** {@code value} rounded up to 3 significant digits, plainly written: a rate given as printed passes. */
    private static String roundedUp(double value) {
        return new BigDecimal(value).round(new MathContext(3, RoundingMode.CEILING)).stripTrailingZeros()
                .toPlainString();
    }
}
