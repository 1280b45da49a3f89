package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.workloads.WorkloadRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureWindowTest {
    @TempDir
    Path temp;

    @Test
    void overlappingWindowsOfSeveralThreadsBecomeOne() {
        List<FailureWindow> merged = FailureWindow.union(List.of(new FailureWindow(50, 70, true),
                new FailureWindow(10, 30, true), new FailureWindow(20, 40, true), new FailureWindow(40, 45, true)));
        assertEquals(List.of(new FailureWindow(10, 45, true), new FailureWindow(50, 70, true)), merged);
    }

    @Test
    void aMergedWindowIsOpenWhenTheOneEndingLastIs() {
        assertEquals(List.of(new FailureWindow(10, 90, false)), FailureWindow.union(List.of(
                new FailureWindow(10, 50, true), new FailureWindow(30, 90, false))));
        assertEquals(List.of(new FailureWindow(10, 90, true)), FailureWindow.union(List.of(
                new FailureWindow(10, 90, true), new FailureWindow(30, 60, false))));
        assertEquals(List.of(new FailureWindow(10, 90, false)), FailureWindow.union(List.of(
                new FailureWindow(10, 90, true), new FailureWindow(30, 90, false))));
        assertEquals(List.of(), FailureWindow.union(List.of()));
    }

    @Test
    void anOpenWindowAndItsContinuationInTheNextIterationBecomeOneWindowClosedOrOpenAsTheContinuationIs() {
        assertEquals(List.of(new FailureWindow(10, 200, false)), FailureWindow.union(List.of(
                new FailureWindow(10, 90, false), new FailureWindow(10, 200, false))));
        assertEquals(List.of(new FailureWindow(10, 150, true)), FailureWindow.union(List.of(
                new FailureWindow(10, 90, false), new FailureWindow(40, 150, true))));
    }

    /**
     * A real store that fails every call from one moment on (the memory engine, closed under its
     * executor): the window that opens stays one window over the following measurement iterations,
     * open at the fork's end, in the fork's totals; a warm-up in between would start a new one.
     */
    @Test
    void aWindowThatNeverClosesIsOneOpenWindowOverTheIterations() {
        EngineRegistry registry = EngineRegistry.discover();
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory", "--records", "500", "--threads",
                "1"), registry);
        KeyValueStore store = registry.open("memory", settings.engineConfig("memory", temp, registry));
        StoreLoader.load(store, "memory", settings.workload(), 1);
        OperationCounters counters = new OperationCounters("memory");
        OperationExecutor executor = new OperationExecutor(store, new WorkloadRun(settings.workload(), 1).stream(0),
                null, counters, null, null, 7, true, settings.workload().values().size().max());
        ForkTotals totals = new ForkTotals();
        for (int i = 0; i < 100; i++) {
            executor.executeOne();
        }
        store.close(); // from here on every call fails
        for (int i = 0; i < 50; i++) {
            executor.executeOne();
        }
        List<FailureWindow> first = executor.failures();
        assertEquals(1, first.size());
        assertFalse(first.get(0).closed(), "open at the end of the first iteration");
        totals.addFailures(first);
        for (int iteration = 0; iteration < 3; iteration++) {
            executor.resetIteration(true);
            for (int i = 0; i < 50; i++) {
                executor.executeOne();
            }
            List<FailureWindow> windows = executor.failures();
            assertEquals(1, windows.size());
            assertEquals(first.get(0).startNanos(), windows.get(0).startNanos(), "it began in the first iteration");
            totals.addFailures(windows);
        }
        List<FailureWindow> fork = totals.failures();
        assertEquals(1, fork.size(), "one window, not one per iteration: " + fork);
        assertFalse(fork.get(0).closed(), "open until the end of the fork");
        assertTrue(fork.get(0).endNanos() > first.get(0).endNanos(), "it lasts to the last iteration's end");

        executor.resetIteration(false); // after a warm-up iteration: nothing carried
        executor.executeOne();
        assertTrue(executor.failures().get(0).startNanos() > fork.get(0).endNanos(), "a new window");
    }
}
