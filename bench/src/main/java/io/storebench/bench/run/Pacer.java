package io.storebench.bench.run;

/**
 * One thread's open-loop schedule: with {@code rate} operations per second over {@code threads}
 * threads, this thread's operations are due every {@code threads / rate} seconds, staggered by
 * thread so that the threads together keep an even pace.
 *
 * <p>Where latency starts: when the engine kept the thread busy past an operation's due time,
 * that operation's latency counts from its due time, so a stall delays every operation due during
 * it and shows in the percentiles (coordinated omission corrected). When the thread was idle at
 * the due time, any delay in waking up is the harness's, not the engine's: latency then counts
 * from the actual start ({@link #FROM_ACTUAL_START}).
 *
 * <p>{@link #restart(long)} re-anchors the schedule and clears the counters at each iteration
 * (JMH pauses threads between iterations, and that pause is not the engine's). An operation found
 * more than one interval behind its due time when the previous one returned counts as late.
 */
public final class Pacer {
    /** Returned by {@link #awaitNext()} when latency should count from the operation's actual start. */
    public static final long FROM_ACTUAL_START = Long.MIN_VALUE;

    private final long intervalNanos;
    private final long offsetNanos;
    private long next;
    private long late;
    private long maxLagNanos;

    public Pacer(double rate, int threads, int threadIndex) {
        this.intervalNanos = Math.max(1, Math.round(threads * 1e9 / rate));
        this.offsetNanos = Math.round(threadIndex * 1e9 / rate);
    }

    /** Starts the schedule at {@code nowNanos} and clears the late count and lag. */
    public void restart(long nowNanos) {
        next = nowNanos + offsetNanos;
        late = 0;
        maxLagNanos = 0;
    }

    /**
     * Waits until the next operation is due. Call it when the previous operation has returned.
     *
     * @return the due time to measure latency from (the engine made this operation late), or
     *     {@link #FROM_ACTUAL_START} (it was on time: the thread waited for it)
     */
    public long awaitNext() {
        long due = next;
        next += intervalNanos;
        long now = System.nanoTime();
        if (now < due) {
            PreciseWait.until(due);
            return FROM_ACTUAL_START;
        }
        long lag = now - due;
        if (lag > intervalNanos) {
            late++;
        }
        maxLagNanos = Math.max(maxLagNanos, lag);
        return due;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** Operations of this iteration that were more than one interval behind schedule. */
    public long late() {
        return late;
    }

    /** The largest delay behind schedule in this iteration. */
    public long maxLagNanos() {
        return maxLagNanos;
    }
}
