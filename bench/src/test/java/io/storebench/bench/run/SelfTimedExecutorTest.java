package io.storebench.bench.run;

import static io.storebench.bench.run.FixedTimeStore.GET_NANOS;
import static io.storebench.bench.run.FixedTimeStore.PUT_NANOS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Capability;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.workloads.Operation;
import io.storebench.workloads.WorkloadRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The executor's latency for a store that times itself: the engine's time, the pacing wait and the
 * injected delay, with the rest summed apart as the time outside the engine. With a store whose
 * clock reports a known time per call (the arithmetic), and with the real Go stores (the clock).
 */
class SelfTimedExecutorTest {
    private static final long DELAY_NANOS = 1_000; // --inject-tail 0.1:1us: below 2048 ns, histograms hold it exactly
    private static final Map<Operation, Long> ENGINE_NANOS = Map.of(Operation.READ, GET_NANOS,
            Operation.UPDATE, PUT_NANOS, Operation.READ_MODIFY_WRITE, GET_NANOS + PUT_NANOS);

    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    private RunSettings settings(String engine, String... extra) {
        List<String> args = new ArrayList<>(List.of("--engines", engine, "--records", "1000", "--read", "0.5",
                "--update", "0.3", "--rmw", "0.2", "--value-size", "100", "--threads", "1"));
        args.addAll(List.of(extra));
        return RunCommand.settings(args, registry);
    }

    /** A closed-loop executor (no pacer: no fork needed) of thread 0 of {@code settings}' workload. */
    private static OperationExecutor executor(KeyValueStore store, RunSettings settings, OperationCounters counters,
            boolean verify) {
        WorkloadRun run = new WorkloadRun(settings.workload(), 1);
        return new OperationExecutor(store, run.stream(0), null, counters, null, settings.tail(), 7, verify,
                settings.workload().values().size().max());
    }

    private static Set<Long> values(Histogram histogram) {
        Set<Long> values = new TreeSet<>();
        for (HistogramIterationValue value : histogram.recordedValues()) {
            values.add(value.getValueIteratedTo());
        }
        return values;
    }

    private static long count(Histogram[] histograms) {
        long count = 0;
        for (Histogram histogram : histograms) {
            count += histogram.getTotalCount();
        }
        return count;
    }

    @Test
    void theLatencyIsTheEnginesTimePlusTheInjectedDelayAndTheRestIsOutsideTheEngine() {
        RunSettings settings = settings("memory", "--inject-tail", "0.1:1us");
        OperationCounters counters = new OperationCounters("memory");
        try (FixedTimeStore store = new FixedTimeStore(temp)) {
            StoreLoader.load(store, "memory", settings.workload(), 1);
            OperationExecutor executor = executor(store, settings, counters, true);
            long wall = System.nanoTime();
            for (int i = 0; i < 3000; i++) {
                executor.executeOne();
            }
            wall = System.nanoTime() - wall;
            Histogram[] histograms = executor.histograms();
            long delayed = 0;
            long engine = 0;
            for (Map.Entry<Operation, Long> expected : ENGINE_NANOS.entrySet()) {
                Histogram histogram = histograms[expected.getKey().ordinal()];
                long nanos = expected.getValue();
                assertTrue(histogram.getTotalCount() > 100, expected.getKey() + " ran");
                assertEquals(Set.of(nanos, nanos + DELAY_NANOS), values(histogram),
                        expected.getKey() + ": its engine time, or that and the delay when it was delayed");
                delayed += histogram.getCountAtValue(nanos + DELAY_NANOS);
                engine += histogram.getTotalCount() * nanos;
            }
            assertEquals(counters.injectedCount(), delayed, "every delayed operation, and only those, has the delay");
            assertTrue(delayed > 100, "about a tenth of 3000 is delayed: " + delayed);

            SelfTiming timing = executor.selfTiming();
            assertEquals(3000, timing.operations());
            assertTrue(timing.outsideNanos() > 0, "the calls take longer than their engine time");
            assertTrue(timing.outsideNanos() <= wall - engine - delayed * DELAY_NANOS,
                    "the engine time and the delays are not outside the engine: " + timing.outsideNanos() + " of "
                            + wall + " ns");
            counters.endIteration(true);
            for (Operation operation : ENGINE_NANOS.keySet()) {
                assertEquals(0, counters.notFoundTotal(operation.ordinal()), "every record is found");
                assertEquals(0, counters.integrityTotal(operation.ordinal()), "and its value verified");
            }
        }
    }

    @Test
    void aFailedOperationIsCountedAndKeepsOnlyTheEngineTimeItReportedAndNothingOutside() {
        RunSettings settings = settings("memory");
        OperationCounters counters = new OperationCounters("memory");
        try (FixedTimeStore store = new FixedTimeStore(temp)) {
            StoreLoader.load(store, "memory", settings.workload(), 1);
            OperationExecutor executor = executor(store, settings, counters, true);
            store.failPuts = true;
            for (int i = 0; i < 1000; i++) {
                executor.executeOne();
            }
            Histogram[] histograms = executor.histograms();
            assertEquals(Set.of(0L), values(histograms[Operation.UPDATE.ordinal()]), "a failed put reports no time");
            assertEquals(Set.of(GET_NANOS), values(histograms[Operation.READ_MODIFY_WRITE.ordinal()]),
                    "its get did, then its put failed");
            long reads = histograms[Operation.READ.ordinal()].getTotalCount();
            long failed = count(histograms) - reads;
            assertEquals(failed, counters.errors(Operation.UPDATE.ordinal())
                    + counters.errors(Operation.READ_MODIFY_WRITE.ordinal()));
            assertEquals(reads, executor.selfTiming().operations(), "only operations that succeeded are outside");
            assertFalse(executor.failures().isEmpty(), "the windows of failure are kept");
        }
    }

    @Test
    void readsThatFindNothingAreCountedAndStillTimedByTheEngine() {
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory", "--records", "1000", "--read", "1",
                "--threads", "1"), registry);
        OperationCounters counters = new OperationCounters("memory");
        try (FixedTimeStore store = new FixedTimeStore(temp)) {
            OperationExecutor executor = executor(store, settings, counters, true); // nothing loaded
            for (int i = 0; i < 500; i++) {
                executor.executeOne();
            }
            Histogram reads = executor.histograms()[Operation.READ.ordinal()];
            assertEquals(Set.of(GET_NANOS), values(reads));
            assertEquals(500, reads.getTotalCount());
            counters.endIteration(true);
            assertEquals(reads.getTotalCount(), counters.notFoundTotal(Operation.READ.ordinal()));
        }
    }

    @Test
    void anIterationOnAnotherThreadReadsThatThreadsClockFromZeroSums() throws Exception {
        RunSettings settings = settings("memory");
        try (FixedTimeStore store = new FixedTimeStore(temp)) {
            StoreLoader.load(store, "memory", settings.workload(), 1);
            OperationExecutor executor = executor(store, settings, new OperationCounters("memory"), true);
            for (int i = 0; i < 200; i++) {
                executor.executeOne();
            }
            executor.resetIteration(false);
            assertEquals(0, executor.selfTiming().operations());
            assertEquals(0, executor.selfTiming().outsideNanos());
            Thread other = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    executor.executeOne();
                }
            });
            other.start();
            other.join();
            Histogram reads = executor.histograms()[Operation.READ.ordinal()];
            assertEquals(Set.of(GET_NANOS), values(reads), "the other thread's clock, not the first's");
            assertEquals(200, executor.selfTiming().operations());
        }
    }

    @Test
    void theLatencyAddsThePacingWaitOfAnOperationThatStartedBehindSchedule() {
        try (FixedTimeStore store = new FixedTimeStore(temp)) {
            SelfTiming timing = SelfTiming.of(store);
            FixedTimeStore.Clock clock = store.threadClock();
            long before = timing.clockNanos();
            clock.add(250);
            assertEquals(250, timing.latency(Pacer.FROM_ACTUAL_START, 10_000, 10_400, 0, before, true),
                    "closed loop, or on time: the engine's time alone");
            before = timing.clockNanos();
            clock.add(250);
            assertEquals(500 + 250, timing.latency(9_500, 10_000, 10_400, 0, before, true),
                    "500 ns behind schedule: the wait counts");
            before = timing.clockNanos();
            clock.add(250);
            assertEquals(500 + 1_000 + 250, timing.latency(9_500, 10_000, 11_500, 1_000, before, true),
                    "behind schedule and delayed");
            assertEquals(3, timing.operations());
            assertEquals(150 + 150 + 250, timing.outsideNanos(), "around the call, less the engine and the delay");
            before = timing.clockNanos();
            assertEquals(500, timing.latency(9_500, 10_000, 10_900, 0, before, false), "failed: no engine time");
            assertEquals(3, timing.operations(), "a failure is not outside the engine");
            assertEquals(550, timing.outsideNanos());
        }
    }

    @Test
    void aStoreThatDoesNotTimeItselfIsTimedAroundTheCall() {
        try (KeyValueStore memory = registry.open("memory", settings("memory").engineConfig("memory", temp,
                registry))) {
            assertNull(SelfTiming.of(memory));
            OperationExecutor executor = executor(memory, settings("memory"), new OperationCounters("memory"), true);
            executor.executeOne();
            assertNull(executor.selfTiming());
            assertEquals(1, count(executor.histograms()));
        }
    }

    /**
     * The real Go stores: each operation's engine time, as Go timed it, and the time outside the
     * engine add up to the time around the operations, and neither is nothing. (go-null is not
     * self-timed: its latencies are the round trip, the boundary itself.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"badger", "pebble"})
    void aGoStoresLatencyIsItsEngineTimeAndTheBoundaryIsOutsideIt(String engine) {
        EngineAvailable.require(registry, engine);
        RunSettings settings = settings(engine);
        OperationCounters counters = new OperationCounters(engine);
        boolean verify = registry.provider(engine).capabilities().contains(Capability.RETAINS_DATA);
        try (KeyValueStore store = registry.open(engine, settings.engineConfig(engine, temp.resolve(engine),
                registry))) {
            StoreLoader.load(store, engine, settings.workload(), 1);
            OperationExecutor executor = executor(store, settings, counters, verify);
            long wall = System.nanoTime();
            for (int i = 0; i < 3000; i++) {
                executor.executeOne();
            }
            wall = System.nanoTime() - wall;
            SelfTiming timing = executor.selfTiming();
            assertEquals(3000, timing.operations());
            double recorded = 0;
            for (Histogram histogram : executor.histograms()) {
                recorded += histogram.getMean() * histogram.getTotalCount();
            }
            assertTrue(recorded > 0, "Go timed the engine calls");
            assertTrue(timing.outsideNanos() > 0, "the boundary and the adapter take time");
            assertTrue(recorded * 0.999 + timing.outsideNanos() <= wall, "engine " + recorded + " ns and outside "
                    + timing.outsideNanos() + " ns, of " + wall + " ns around the operations");
            counters.endIteration(true);
            for (Operation operation : ENGINE_NANOS.keySet()) {
                assertEquals(0, counters.errorTotal(operation.ordinal()), operation.label());
                assertEquals(0, counters.notFoundTotal(operation.ordinal()), operation.label());
                assertEquals(0, counters.integrityTotal(operation.ordinal()), operation.label());
            }
        }
    }
}
