package io.storebench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineStatsTest {
    private static EngineStats stats(long hits, long misses, long engineBytes, long userBytes, long disk) {
        return EngineStats.builder().engine(Metric.CACHE_HITS, hits, "hits").engine(Metric.CACHE_MISSES, misses, "misses")
                .proxy(Metric.ENGINE_BYTES_WRITTEN, engineBytes, "proxy").engine(Metric.USER_BYTES_WRITTEN, userBytes,
                        "user").engine(Metric.BYTES_ON_DISK, disk, "disk").build();
    }

    @Test
    void deltasSubtractCountersAndKeepGaugesAndTotalsAddThemBack() {
        EngineStats start = stats(10, 10, 100, 50, 1000);
        EngineStats middle = stats(40, 20, 400, 150, 1500);
        EngineStats end = stats(100, 30, 700, 250, 1200);
        EngineStats first = middle.since(start);
        EngineStats second = end.since(middle);
        assertEquals(30, first.get(Metric.CACHE_HITS).orElseThrow().value());
        assertEquals(1500, first.get(Metric.BYTES_ON_DISK).orElseThrow().value(), "a gauge keeps its level");
        EngineStats total = first.plus(second);
        assertEquals(end.since(start).readings(), total.readings(), "plus undoes the split into intervals");
        assertEquals(90 / 110.0, total.cacheHitRatio().getAsDouble(), 1e-12);
        assertEquals(600 / 200.0, total.writeAmplification().getAsDouble(), 1e-12);
        assertTrue(total.get(Metric.ENGINE_BYTES_WRITTEN).orElseThrow().proxy(), "a proxy stays labelled");
    }

    @Test
    void ratiosAreAbsentRatherThanZeroWhenTheyCannotBeComputed() {
        EngineStats none = EngineStats.builder().engine(Metric.USER_BYTES_WRITTEN, 0, "user").build();
        assertTrue(none.cacheHitRatio().isEmpty());
        assertTrue(none.writeAmplification().isEmpty());
    }
}
