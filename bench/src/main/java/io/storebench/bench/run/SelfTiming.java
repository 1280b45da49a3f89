package io.storebench.bench.run;

import io.storebench.engine.KeyValueStore;
import io.storebench.engine.SelfTimed;

/**
 * One benchmark thread's latency for a {@link SelfTimed} store (an engine behind a language
 * boundary, which times its own calls on the far side): an operation's latency is its pacing wait,
 * its injected delay and the engine's own time for it, the delta of the thread's
 * {@link SelfTimed.EngineClock} over the operation; the rest of the time around it (the boundary
 * and the adapter) is summed apart, with the operations it covers. Single writer: only the
 * executor's thread reads the clock and adds to the sums; {@link #reset} and the sums' readers run
 * between iterations, ordered by JMH's iteration hand-over like the executor's histograms.
 *
 * <p>The clock is taken on the executor's thread at the first operation of each iteration. JMH
 * creates the executor in a {@code Scope.Thread} set-up on its benchmark thread, and its default
 * executor keeps that thread for every iteration, but JMH allows a thread's state to move to
 * another thread between iterations (executors whose threads are not stable): taking the clock
 * again after each {@link #reset} keeps it the running thread's.
 *
 * <pre>
 * long engineBefore = timing.clockNanos();
 * long start = System.nanoTime();
 * ... the engine call(s) ...
 * long end = System.nanoTime();
 * histogram.recordValue(timing.latency(origin, start, end, delayNanos, engineBefore, succeeded));
 * </pre>
 */
final class SelfTiming {
    private final SelfTimed store;
    private SelfTimed.EngineClock clock;
    private long outsideNanos;
    private long operations;

    private SelfTiming(SelfTimed store) {
        this.store = store;
    }

    /** The timing of {@code store} when it times itself; null when the harness times it around the call. */
    static SelfTiming of(KeyValueStore store) {
        return store instanceof SelfTimed timed ? new SelfTiming(timed) : null;
    }

    /** This thread's engine time so far, read just before an operation starts. */
    long clockNanos() {
        if (clock == null) {
            clock = store.threadClock();
        }
        return clock.nanos();
    }

    /**
     * The operation's latency: its pacing wait ({@code start - origin} when it started behind
     * schedule, else 0), its injected delay and the engine's time for it since {@code engineBefore}.
     * A successful operation's time outside the engine ({@code end - start - delay - engine}) is
     * added to the sums; a failed one's is not, as its engine time may be missing.
     *
     * @param origin the due time latency counts from, or {@link Pacer#FROM_ACTUAL_START}
     * @param delayNanos the delay injected into this operation, or 0
     */
    long latency(long origin, long start, long end, long delayNanos, long engineBefore, boolean succeeded) {
        long engine = clock.nanos() - engineBefore;
        if (succeeded) {
            outsideNanos += end - start - delayNanos - engine;
            operations++;
        }
        return (origin == Pacer.FROM_ACTUAL_START ? 0 : start - origin) + delayNanos + engine;
    }

    /** This iteration's time outside the engine, summed over its successful operations. */
    long outsideNanos() {
        return outsideNanos;
    }

    /** This iteration's successful operations, those {@link #outsideNanos()} covers. */
    long operations() {
        return operations;
    }

    /** Clears the sums and lets the next operation take its thread's clock; only between iterations. */
    void reset() {
        clock = null;
        outsideNanos = 0;
        operations = 0;
    }
}
