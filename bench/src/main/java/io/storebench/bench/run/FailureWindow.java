package io.storebench.bench.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A time in which one thread's operations failed, on the {@link System#nanoTime()} clock: from the
 * end of its last operation that succeeded (or the start of its first failing one, when none had)
 * to the end of the first one that succeeded again.
 *
 * @param startNanos when the window opened
 * @param endNanos when it closed, or the end of the thread's last operation when it did not
 * @param closed false when the iteration ended before an operation succeeded again (a window open at
 *     the end of a measurement iteration goes on into the next: {@link OperationExecutor#resetIteration},
 *     and the fork's windows are the union of its iterations': {@link ForkTotals#addFailures})
 */
record FailureWindow(long startNanos, long endNanos, boolean closed) {

    /**
     * The union of the windows of several threads: overlapping windows become one, which is
     * closed only if the one that ends last is.
     */
    static List<FailureWindow> union(List<FailureWindow> windows) {
        List<FailureWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(FailureWindow::startNanos));
        List<FailureWindow> merged = new ArrayList<>();
        for (FailureWindow window : sorted) {
            FailureWindow last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && window.startNanos() <= last.endNanos()) {
                boolean closed = window.endNanos() > last.endNanos() ? window.closed()
                        : window.endNanos() < last.endNanos() ? last.closed() : last.closed() && window.closed();
                merged.set(merged.size() - 1, new FailureWindow(last.startNanos(),
                        Math.max(last.endNanos(), window.endNanos()), closed));
            } else {
                merged.add(window);
            }
        }
        return merged;
    }
}
