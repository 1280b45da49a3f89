package io.storebench.bench.run;

/**
 * One thread's open-loop schedule: with {@code rate} operations per second over {@code threads}
 * threads, this thread's operations are due every {@code threads / rate} seconds, staggered by
 * thread so that the threads together keep an even pace. Latency is measured from the due time
 * (the intended start), so a stall delays every operation due during it and shows in the
 * percentiles: coordinated omission is corrected, not hidden.
 *
 * <p>{@link #restart(long)} re-anchors the schedule (at each iteration: JMH pauses threads between
 * iterations, and that pause is not the engine's). An operation that starts more than one
 * interval after it was due counts as late.
 */
public final class Pacer {
    private final long intervalNanos;
    private final long offsetNanos;
    private long next;
    private long late;
    private long maxLagNanos;

    public Pacer(double rate, int threads, int threadIndex) {
        this.intervalNanos = Math.max(1, Math.round(threads * 1e9 / rate));
        this.offsetNanos = Math.round(threadIndex * 1e9 / rate);
    }

    /** Starts the schedule at {@code nowNanos}: the first operation is due then (plus this thread's offset). */
    public void restart(long nowNanos) {
        next = nowNanos + offsetNanos;
    }

    /** Waits until the next operation is due and returns its due time ({@link System#nanoTime()} scale). */
    public long awaitNext() {
        long due = next;
        next += intervalNanos;
        long now = System.nanoTime();
        if (now < due) {
            PreciseWait.until(due);
        } else {
            long lag = now - due;
            if (lag > intervalNanos) {
                late++;
            }
            maxLagNanos = Math.max(maxLagNanos, lag);
        }
        return due;
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** Operations that started more than one interval after they were due. */
    public long late() {
        return late;
    }

    public long maxLagNanos() {
        return maxLagNanos;
    }
}
