package io.storebench.engine.baseline;

/**
 * A fixed delay of about a given time: {@code memory.extra-latency-ns}. A chain of dependent
 * multiply-adds (a 64-bit linear congruential step, about a nanosecond each), then one read of
 * {@link System#nanoTime}. The clock read ends the delay as a fence: on x86 it is an ordered
 * {@code rdtsc} (with {@code lfence}), which waits for the chain, so the processor cannot run the
 * chain in the shadow of the operation's own memory loads (without it, 30 ns of chain added about
 * 10 ns to an operation here). The steps are counted against the clock once per store, the clock
 * read's own cost included, so the whole delay takes about the time asked; never less than one
 * clock read (about 20 ns here). The slowdown a run got is in its latencies, which is what a
 * power measurement reports.
 */
final class BusyWork {
    private static final int CALIBRATION_CALLS = 200_000;

    private final long steps;

    private BusyWork(long steps) {
        this.steps = steps;
    }

    /** A delay of about {@code nanos}, calibrated on this machine now. */
    static BusyWork of(long nanos) {
        BusyWork probe = new BusyWork(64);
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) { // let the JIT compile both
            sink += probe.time(CALIBRATION_CALLS / 10) + new BusyWork(0).time(CALIBRATION_CALLS / 10);
        }
        double clock = new BusyWork(0).time(CALIBRATION_CALLS) / (double) CALIBRATION_CALLS;
        double withSteps = probe.time(CALIBRATION_CALLS) / (double) CALIBRATION_CALLS;
        double perStep = Math.max(0.01, (withSteps - clock) / 64);
        if (sink == 42) {
            System.out.print(""); // keeps the warm-up alive
        }
        return new BusyWork(Math.max(0, Math.round((nanos - clock) / perStep)));
    }

    /** Runs the delay once; the result depends on it, so the JIT cannot drop it. */
    long delay(long seed) {
        long x = seed;
        for (long i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x + System.nanoTime();
    }

    private long time(int calls) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += delay(i);
        }
        long elapsed = System.nanoTime() - start;
        return sink == 42 ? elapsed + 1 : elapsed;
    }
}
