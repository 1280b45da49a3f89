package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.workloads.Operation;
import org.junit.jupiter.api.Test;

class OperationCountersTest {
    @Test
    void countsPerIterationAddUpOverMeasurementIterations() {
        OperationCounters counters = new OperationCounters("memory");
        counters.error(Operation.READ, new IllegalStateException("first"));
        counters.error(Operation.READ, new IllegalStateException("second"));
        counters.error(Operation.UPDATE, new IllegalStateException("third"));
        counters.notFound(Operation.READ);
        counters.integrityFailure(Operation.READ_MODIFY_WRITE);
        counters.injected();
        assertEquals(2, counters.errors(Operation.READ.ordinal()));
        assertEquals(1, counters.integrityFailures());
        assertEquals(1, counters.injectedCount());
        counters.endIteration(true);
        counters.reset();
        assertEquals(0, counters.errors(Operation.READ.ordinal()), "a new iteration starts from zero");
        assertEquals(0, counters.injectedCount());
        counters.notFound(Operation.READ);
        counters.injected();
        counters.endIteration(true);
        assertEquals(2, counters.errorTotal(Operation.READ.ordinal()));
        assertEquals(1, counters.errorTotal(Operation.UPDATE.ordinal()));
        assertEquals(2, counters.notFoundTotal(Operation.READ.ordinal()));
        assertEquals(1, counters.integrityTotal(Operation.READ_MODIFY_WRITE.ordinal()));
        assertEquals(2, counters.injectedTotal());
        assertTrue(counters.firstError().startsWith("read: java.lang.IllegalStateException: first"),
                counters.firstError());
    }

    @Test
    void anIterationInWhichNoOperationRanKeepsNoFirstErrorNorInjections() {
        OperationCounters counters = new OperationCounters("memory");
        counters.error(Operation.READ, new IllegalStateException("x"));
        counters.injected();
        counters.endIteration(false);
        assertNull(counters.firstError());
        assertEquals(0, counters.injectedTotal());
        assertEquals(1, counters.errorTotal(Operation.READ.ordinal()), "failed operations still count");
    }
}
