package io.storebench.bench.run;

import java.util.concurrent.locks.LockSupport;

/**
 * Waiting until a {@link System#nanoTime()} deadline to within a few microseconds: park, then spin
 * the last stretch. The spin covers Linux's timer slack (50 us) and wake-up delay, which parking
 * alone overshoots by 30 to 70 us on this project's machines.
 */
final class PreciseWait {
    private static final long SPIN_NANOS = 200_000;

    private PreciseWait() {
    }

    static void until(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            if (left > 2 * SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
