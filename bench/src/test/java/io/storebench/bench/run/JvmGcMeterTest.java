package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.Reading;
import io.storebench.stats.model.GcPressure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fork JVM's garbage collection, measured in this test's JVM. */
class JvmGcMeterTest {
    private static volatile Object sink;

    @Test
    void aCollectionInTheWindowIsCountedTimedAndItsAllocationSeen() {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (JvmGcMeter meter = new JvmGcMeter()) {
            EngineStats before = meter.stats();
            for (int i = 0; i < 2_000; i++) {
                sink = new byte[64 * 1024]; // 128 MiB in all, most of it garbage at once
            }
            System.gc();
            EngineStats window = meter.stats().since(before);

            assertTrue(value(window, Metric.GC_CYCLES) >= 1, window.toString());
            assertTrue(value(window, Metric.GC_PAUSE_NANOS) >= 0, window.toString());
            assertTrue(window.get(Metric.GC_PAUSE_P99_NANOS).isPresent(), "System.gc() is a pause: " + window);
            assertTrue(value(window, Metric.HEAP_ALLOCATED_BYTES) >= 2_000L * 64 * 1024, window.toString());
            assertTrue(value(window, Metric.HEAP_IN_USE_BYTES) > 0, window.toString());

            GcPressure pressure = DerivedMetrics.of(new SpanStats(EngineStats.empty(), window), 1_000_000_000L,
                    2_000, null).jvmGc();
            assertTrue(pressure.allocatedBytesPerOperation() >= 64 * 1024, pressure.toString());
            assertEquals("the whole fork JVM, the harness's own threads included", pressure.scope());
            assertTrue(pressure.sources().get("allocatedBytesPerOperation").contains(
                    "threads alive at the later snapshot"), pressure.sources().toString());
            assertTrue(pressure.sources().get("pauseP99Nanos").contains("millisecond resolution"),
                    pressure.sources().toString());
        } finally {
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "no stack trace, no warning");
    }

    @Test
    void aWindowWithoutACollectionHasNoP99() {
        try (JvmGcMeter meter = new JvmGcMeter()) {
            // another thread of this JVM may collect meanwhile: look for a quiet window, as a fork's would be
            for (int attempt = 0; attempt < 20; attempt++) {
                EngineStats before = meter.stats();
                EngineStats window = meter.stats().since(before);
                if (value(window, Metric.GC_CYCLES) == 0) {
                    assertFalse(window.get(Metric.GC_PAUSE_P99_NANOS).isPresent(), window.toString());
                    assertEquals(0, value(window, Metric.GC_PAUSE_NANOS));
                    return;
                }
            }
            throw new AssertionError("every window had a collection");
        }
    }

    @Test
    void collectorBeansAreReadByWhatTheyCount() {
        assertEquals(JvmGcMeter.Collector.COLLECTIONS, JvmGcMeter.Collector.of("G1 Young Generation"));
        assertEquals(JvmGcMeter.Collector.COLLECTIONS, JvmGcMeter.Collector.of("G1 Old Generation"));
        assertEquals(JvmGcMeter.Collector.COLLECTIONS, JvmGcMeter.Collector.of("PS Scavenge"));
        assertEquals(JvmGcMeter.Collector.PAUSES, JvmGcMeter.Collector.of("G1 Concurrent GC"),
                "JDK 20+: G1's Remark and Cleanup pauses");
        assertEquals(JvmGcMeter.Collector.PAUSES, JvmGcMeter.Collector.of("ZGC Pauses"));
        assertEquals(JvmGcMeter.Collector.CYCLES, JvmGcMeter.Collector.of("ZGC Cycles"));
        assertEquals(JvmGcMeter.Collector.CYCLES, JvmGcMeter.Collector.of("Shenandoah Cycles"));
    }

    @Test
    void closingTwiceIsHarmless() {
        JvmGcMeter meter = new JvmGcMeter();
        meter.close();
        meter.close();
    }

    private static long value(EngineStats stats, Metric metric) {
        return stats.get(metric).map(Reading::value).orElseThrow(() -> new AssertionError(metric + " in " + stats));
    }
}
