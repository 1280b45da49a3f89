package io.storebench.engine.baseline;

/**
 * A fixed amount of CPU work sized to take a given time: {@code memory.extra-latency-ns}. Not a
 * spin on {@link System#nanoTime}, whose own cost (tens of nanoseconds on some clock sources)
 * would be the smallest delay possible, but a chain of dependent multiply-adds (a 64-bit linear
 * congruential step, about a nanosecond each), counted in steps calibrated against the clock once
 * per store. The same steps take the same time on an idle core; the delay a run actually got shows
 * in its latencies, which is what a power measurement reports.
 */
final class BusyWork {
    private static final long CALIBRATION_STEPS = 20_000_000;

    private BusyWork() {
    }

    /** {@code steps} dependent steps from {@code seed}; the result must be kept (a volatile field). */
    static long run(long steps, long seed) {
        long x = seed;
        for (long i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    /** The steps that take about {@code nanos} on this machine (at least 1). */
    static long stepsFor(long nanos) {
        long sink = run(CALIBRATION_STEPS / 10, 1); // warm up: let the JIT compile the loop
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            sink += run(CALIBRATION_STEPS, sink);
            best = Math.min(best, System.nanoTime() - start);
        }
        if (sink == 42) {
            System.out.print(""); // keeps sink alive
        }
        double nanosPerStep = (double) best / CALIBRATION_STEPS;
        return Math.max(1, Math.round(nanos / nanosPerStep));
    }
}
