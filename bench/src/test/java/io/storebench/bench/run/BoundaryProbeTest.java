package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.stats.model.BoundaryCost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boundary probe with the real {@code go-null} and {@code null} baselines, and the fork's line. */
class BoundaryProbeTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    @Test
    void theBoundaryCostsWhatGoNullsGetCostsMoreThanNullsWithItsIntervalOverBlocks() {
        EngineAvailable.require(registry, "badger");
        EngineProvider badger = registry.provider("badger");
        Path scratch = temp.resolve("scratch");
        long started = System.nanoTime();
        BoundaryCost cost = BoundaryProbe.measure(registry, badger, scratch, 171.5);
        long took = System.nanoTime() - started;
        System.out.println("the probe took " + took / 1_000_000 + " ms: " + BoundaryProbe.line(cost) + " (go-null "
                + cost.baselineCallNanos() + " ns, null " + cost.nullCallNanos() + " ns per get)");
        assertEquals("go-null", cost.baseline());
        assertEquals(badger.profile().clientPath(), cost.crossing());
        assertTrue(cost.nullCallNanos() > 0, cost.toString());
        assertTrue(cost.baselineCallNanos() > cost.nullCallNanos(), "crossing into Go costs something: " + cost);
        assertEquals(cost.baselineCallNanos() - cost.nullCallNanos(), cost.callNanos(), 1e-6 * cost.callNanos(),
                "equal blocks: the mean difference is the difference of the means");
        assertTrue(cost.callNanosLow() < cost.callNanos() && cost.callNanos() < cost.callNanosHigh(), cost.toString());
        assertEquals(171.5, cost.observedNanosPerOperation(), "what the fork observed, as given");
        assertTrue(cost.method().contains("10 blocks of 20,000"), cost.method());
        assertFalse(Files.exists(scratch), "nothing is left behind");
    }

    @Test
    void anEngineWithoutABoundaryHasNoCostToMeasure() {
        assertEquals("memory has no boundary baseline", assertThrows(IllegalArgumentException.class,
                () -> BoundaryProbe.measure(registry, registry.provider("memory"), temp, null)).getMessage());
    }

    @Test
    void theForksLineGivesTheCostItsIntervalAndWhatTheRunObserved() {
        BoundaryCost cost = new BoundaryCost("go-null", "JNI then cgo", 141.6, 128.2, 156.4, 162.0, 20.4, 171.2, "m");
        assertEquals("boundary (go-null vs null): 142 ns per call [128, 156]; observed in this run: 171 ns per"
                + " operation outside the engine", BoundaryProbe.line(cost));
        BoundaryCost bare = new BoundaryCost("go-null", "JNI then cgo", 141.6, null, null, 162.0, 20.4, null, "m");
        assertEquals("boundary (go-null vs null): 142 ns per call", BoundaryProbe.line(bare),
                "no interval from one block, nothing observed without a successful operation");
    }
}
