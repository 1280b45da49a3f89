package io.storebench.bench.run;

import static io.storebench.bench.run.RetryingStore.PUT_RETRIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.workloads.Operation;
import io.storebench.workloads.WorkloadRun;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor's retries for a store that retries: each operation's, read from the thread's count
 * around it and counted for its type, into the fork's totals; none at all (null, not 0) for a
 * store that does not retry.
 */
class RetryingExecutorTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    private RunSettings settings() {
        return RunCommand.settings(List.of("--engines", "memory", "--records", "1000", "--read", "0.5", "--update",
                "0.3", "--rmw", "0.2", "--value-size", "100", "--threads", "1"), registry);
    }

    /** A closed-loop executor (no pacer: no fork needed) of thread 0 of {@code settings}' workload. */
    private static OperationExecutor executor(KeyValueStore store, RunSettings settings, OperationCounters counters) {
        WorkloadRun run = new WorkloadRun(settings.workload(), 1);
        return new OperationExecutor(store, run.stream(0), null, counters, null, null, 7, true,
                settings.workload().values().size().max());
    }

    private static long count(OperationExecutor executor, Operation operation) {
        Histogram histogram = executor.histograms()[operation.ordinal()];
        return histogram.getTotalCount();
    }

    @Test
    void eachOperationsRetriesAreCountedForItsType() {
        RunSettings settings = settings();
        try (RetryingStore store = new RetryingStore(temp)) {
            StoreLoader.load(store, "memory", settings.workload(), 1);
            OperationCounters counters = new OperationCounters("memory", ThreadRetries.retrying(store));
            OperationExecutor executor = executor(store, settings, counters);
            for (int i = 0; i < 2000; i++) {
                executor.executeOne();
            }
            long updates = count(executor, Operation.UPDATE);
            long rmws = count(executor, Operation.READ_MODIFY_WRITE);
            assertTrue(updates > 100 && rmws > 100, "both ran: " + updates + ", " + rmws);
            assertEquals(PUT_RETRIES * updates, counters.retries(Operation.UPDATE.ordinal()));
            assertEquals(PUT_RETRIES * rmws, counters.retries(Operation.READ_MODIFY_WRITE.ordinal()),
                    "a read-modify-write retries as its put");
            assertEquals(0L, counters.retries(Operation.READ.ordinal()), "a get never retries: 0, not null");
            counters.endIteration(true);
            counters.reset();
            assertEquals(0L, counters.retries(Operation.UPDATE.ordinal()), "a new iteration starts from zero");
            assertEquals(PUT_RETRIES * updates, counters.retryTotal(Operation.UPDATE.ordinal()));
            assertEquals(0, counters.errorTotal(Operation.UPDATE.ordinal()), "a retry that succeeded is no error");
        }
    }

    @Test
    void anOperationWhoseRetriesRanOutIsAnErrorAndItsRetriesCount() {
        RunSettings settings = settings();
        try (RetryingStore store = new RetryingStore(temp)) {
            StoreLoader.load(store, "memory", settings.workload(), 1);
            OperationCounters counters = new OperationCounters("memory", true);
            OperationExecutor executor = executor(store, settings, counters);
            store.retriesRunOut = true;
            for (int i = 0; i < 500; i++) {
                executor.executeOne();
            }
            long updates = count(executor, Operation.UPDATE);
            assertEquals(updates, counters.errors(Operation.UPDATE.ordinal()), "every put failed");
            assertEquals(PUT_RETRIES * updates, counters.retries(Operation.UPDATE.ordinal()));
        }
    }

    @Test
    void anIterationOnAnotherThreadReadsThatThreadsCount() throws Exception {
        RunSettings settings = settings();
        try (RetryingStore store = new RetryingStore(temp)) {
            StoreLoader.load(store, "memory", settings.workload(), 1);
            OperationCounters counters = new OperationCounters("memory", true);
            OperationExecutor executor = executor(store, settings, counters);
            for (int i = 0; i < 200; i++) {
                executor.executeOne();
            }
            executor.resetIteration(false);
            counters.reset();
            Thread other = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    executor.executeOne();
                }
            });
            other.start();
            other.join();
            long puts = count(executor, Operation.UPDATE) + count(executor, Operation.READ_MODIFY_WRITE);
            assertTrue(puts > 0);
            assertEquals(PUT_RETRIES * puts, counters.retries(Operation.UPDATE.ordinal())
                    + counters.retries(Operation.READ_MODIFY_WRITE.ordinal()),
                    "the other thread's count, not the first's");
        }
    }

    @Test
    void aStoreThatDoesNotRetryHasNoRetriesAtAll() {
        try (KeyValueStore memory = registry.open("memory", settings().engineConfig("memory", temp, registry))) {
            assertNull(ThreadRetries.of(memory));
            OperationCounters counters = new OperationCounters("memory", ThreadRetries.retrying(memory));
            OperationExecutor executor = executor(memory, settings(), counters);
            executor.executeOne();
            counters.endIteration(true);
            for (Operation operation : Operation.values()) {
                assertNull(counters.retries(operation.ordinal()), operation.label());
                assertNull(counters.retryTotal(operation.ordinal()), operation.label());
            }
        }
    }
}
