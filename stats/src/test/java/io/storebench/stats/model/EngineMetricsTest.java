package io.storebench.stats.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's sources: a figure's, or the engine's reason for not having one, never both. */
class EngineMetricsTest {
    @Test
    void aFigureTheEngineCannotMeasureIsNullWithItsReasonAsItsSource() {
        EngineMetrics metrics = EngineMetrics.builder().cacheHitRatio(null, "n/a")
                .notReported("cacheHitRatio", "no block counters").checkpoints(2L, "pg_stat_bgwriter").build();
        assertNull(metrics.cacheHitRatio());
        assertEquals(Map.of("cacheHitRatio", "not reported: no block counters", "checkpoints", "pg_stat_bgwriter"),
                metrics.sources());
    }

    @Test
    void aFigureWinsOverAReasonGivenBeforeOrAfterIt() {
        EngineMetrics after = EngineMetrics.builder().bytesOnDisk(10L, "du").notReported("bytesOnDisk", "x").build();
        EngineMetrics before = EngineMetrics.builder().notReported("bytesOnDisk", "x").bytesOnDisk(10L, "du").build();
        for (EngineMetrics metrics : new EngineMetrics[] {after, before}) {
            assertEquals(10L, metrics.bytesOnDisk());
            assertEquals(Map.of("bytesOnDisk", "du"), metrics.sources());
        }
        EngineMetrics gc = EngineMetrics.builder()
                .goGc(new GcPressure(GcPressure.GO, 1, null, null, null, null, "go", Map.of()))
                .notReported("goGc", "x").build();
        assertTrue(gc.sources().isEmpty(), "a runtime's GC that is there has no reason not to be: " + gc.sources());
    }

    @Test
    void reasonsForOneFieldAreJoinedOnce() {
        EngineMetrics metrics = EngineMetrics.builder().notReported("writeAmplification", "no engine bytes")
                .notReported("writeAmplification", "no user bytes").notReported("writeAmplification", "no engine bytes")
                .build();
        assertEquals("not reported: no engine bytes; no user bytes", metrics.sources().get("writeAmplification"));
    }

    @Test
    void anUnknownFieldIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineMetrics.builder().notReported("cacheHitRate", "x"));
        assertTrue(e.getMessage().startsWith("no engine metric 'cacheHitRate'; known: cacheHitRatio,"),
                e.getMessage());
        assertTrue(e.getMessage().contains("serverCpuNanosPerOperation, goGc, jvmGc"), e.getMessage());
    }
}
