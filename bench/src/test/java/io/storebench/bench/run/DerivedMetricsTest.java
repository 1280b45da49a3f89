package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.GcPressure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The metrics of a span from engine and JVM stats built by hand, as a Go engine and the meter report them. */
class DerivedMetricsTest {
    private static final long SECOND = 1_000_000_000L;

    /** A badger-like engine: an LSM tree, a value log and a Go runtime. */
    private static final EngineStats BADGER = EngineStats.builder()
            .engine(Metric.BYTES_ON_DISK, 3_000, "files in the data directory")
            .engine(Metric.COMPACTION_BYTES_WRITTEN, 5_000, "compaction bytes")
            .engine(Metric.LSM_BYTES, 1_000, "db.Size() lsm")
            .engine(Metric.VALUE_LOG_BYTES, 2_000, "db.Size() vlog")
            .engine(Metric.VALUE_LOG_GC_RUNS, 2, "RunValueLogGC returned nil")
            .engine(Metric.VALUE_LOG_BYTES_RECLAIMED, 700, "value log before - after")
            .engine(Metric.GC_CYCLES, 12, "/gc/cycles/total:gc-cycles")
            .engine(Metric.GC_PAUSE_NANOS, 600_000, "/sched/pauses/total/gc:seconds")
            .engine(Metric.GC_PAUSE_P99_NANOS, 90_000, "/sched/pauses/total/gc:seconds p99")
            .engine(Metric.HEAP_IN_USE_BYTES, 8 << 20, "/gc/heap/live:bytes")
            .engine(Metric.HEAP_ALLOCATED_BYTES, 400_000, "/gc/heap/allocs:bytes")
            .build();

    private static final EngineStats JVM = EngineStats.builder()
            .engine(Metric.GC_CYCLES, 3, "bean counts")
            .engine(Metric.GC_PAUSE_NANOS, 4_000_000, "bean times")
            .engine(Metric.HEAP_IN_USE_BYTES, 64 << 20, "heap used")
            .engine(Metric.HEAP_ALLOCATED_BYTES, 2_000_000, "thread allocated bytes")
            .build();

    @Test
    void aGoEngineReportsItsRuntimesGcBesideTheJvms() {
        EngineMetrics metrics = DerivedMetrics.of(new SpanStats(BADGER, JVM), SECOND, 1_000, 1_500L);
        GcPressure go = metrics.goGc();
        assertEquals(new GcPressure(GcPressure.GO, 12, 600_000L, 90_000L, 8L << 20, 400.0, DerivedMetrics.GO_SCOPE,
                Map.of("cycles", "/gc/cycles/total:gc-cycles", "pauseNanos", "/sched/pauses/total/gc:seconds",
                        "pauseP99Nanos", "/sched/pauses/total/gc:seconds p99", "heapInUseBytes", "/gc/heap/live:bytes",
                        "allocatedBytesPerOperation", "/gc/heap/allocs:bytes / operations that succeeded")), go);
        GcPressure jvm = metrics.jvmGc();
        assertEquals(GcPressure.JVM, jvm.runtime());
        assertEquals(3, jvm.cycles());
        assertEquals(4_000_000L, jvm.pauseNanos());
        assertNull(jvm.pauseP99Nanos(), "no pause notified in the span");
        assertEquals(2_000.0, jvm.allocatedBytesPerOperation(), "allocated bytes / operations that succeeded");
        assertEquals(JvmGcMeter.SCOPE, jvm.scope());
        assertEquals(Map.of("cycles", "bean counts", "pauseNanos", "bean times", "heapInUseBytes", "heap used",
                "allocatedBytesPerOperation", "thread allocated bytes / operations that succeeded"), jvm.sources(),
                "no source for the p99 there is not");
    }

    @Test
    void anEngineWithoutAGoRuntimeHasNoGoGcAndNoZeroes() {
        EngineStats rocks = EngineStats.builder().engine(Metric.LOG_BYTES_WRITTEN, 2_000, "wal")
                .proxy(Metric.BYTES_ON_DISK, 10, "du of the data directory").build();
        EngineMetrics metrics = DerivedMetrics.of(new SpanStats(rocks, JVM), 2 * SECOND, 100, null);
        assertNull(metrics.goGc());
        assertEquals(3, metrics.jvmGc().cycles());
        assertEquals(1000.0, metrics.logBytesPerSecond());
        assertEquals(10L, metrics.bytesOnDisk());
        assertNull(metrics.spaceAmplification(), "the loaded bytes are unknown");
        assertNull(metrics.compactionBytesWritten());
        assertNull(metrics.cacheHitRatio());
        assertEquals(Map.of("logBytesPerSecond", "wal", "bytesOnDisk", "proxy: du of the data directory"),
                metrics.sources(), "a source only for a figure there is");
    }

    @Test
    void engineSpecificReadingsAreTypedFieldsWithTheirSources() {
        EngineMetrics badger = DerivedMetrics.of(new SpanStats(BADGER, EngineStats.empty()), SECOND, 0, 1_500L);
        assertEquals(5_000L, badger.compactionBytesWritten());
        assertEquals(1_000L, badger.lsmBytes());
        assertEquals(2_000L, badger.valueLogBytes());
        assertEquals(2L, badger.valueLogGcRuns());
        assertEquals(700L, badger.valueLogBytesReclaimed());
        assertEquals(2.0, badger.spaceAmplification(), "3,000 bytes on disk for 1,500 loaded");
        assertEquals("files in the data directory / key and value bytes the load inserted",
                badger.sources().get("spaceAmplification"));
        assertEquals("RunValueLogGC returned nil", badger.sources().get("valueLogGcRuns"));
        assertNull(badger.goGc().allocatedBytesPerOperation(), "no operation: no allocation per operation");
        assertNull(badger.goGc().sources().get("allocatedBytesPerOperation"));
        assertNull(badger.jvmGc(), "no JVM stats in this span");

        EngineMetrics bbolt = DerivedMetrics.of(new SpanStats(EngineStats.builder()
                .engine(Metric.PAGES_ALLOCATED, 40, "Tx.Stats().PageCount")
                .engine(Metric.FREE_PAGES, 6, "Stats().FreePageN + PendingPageN")
                .proxy(Metric.WRITE_STALLS, 1, "a stand-in").build(), EngineStats.empty()), SECOND, 10, null);
        assertEquals(40L, bbolt.pagesAllocated());
        assertEquals(6L, bbolt.freePages());
        assertEquals(1L, bbolt.writeStalls());
        assertEquals("proxy: a stand-in", bbolt.sources().get("writeStalls"));
    }

    /** A managed PostgreSQL-like server: its checkpoints and its process's CPU time, beside what it cannot read. */
    private static final EngineStats POSTGRES = EngineStats.builder()
            .engine(Metric.CHECKPOINTS, 3, "pg_stat_bgwriter checkpoints_timed + checkpoints_req")
            .engine(Metric.SERVER_CPU_NANOS, 50_000_000, "managed server: /proc/PID/stat utime + stime")
            .engine(Metric.LOG_BYTES_WRITTEN, 4_000, "pg_current_wal_lsn()")
            .absent(Metric.CACHE_HITS, "pg_stat_database failed: permission denied")
            .absent(Metric.CACHE_MISSES, "pg_stat_database failed: permission denied")
            .build();

    @Test
    void aServerReportsItsCheckpointsAndItsCpuPerOperation() {
        EngineMetrics metrics = DerivedMetrics.of(new SpanStats(POSTGRES, JVM), 2 * SECOND, 10_000, null);
        assertEquals(3L, metrics.checkpoints());
        assertEquals("pg_stat_bgwriter checkpoints_timed + checkpoints_req", metrics.sources().get("checkpoints"));
        assertEquals(5_000.0, metrics.serverCpuNanosPerOperation(), "50 ms of server CPU over 10,000 operations");
        assertEquals("managed server: /proc/PID/stat utime + stime / operations that succeeded",
                metrics.sources().get("serverCpuNanosPerOperation"));
        assertEquals(2_000.0, metrics.logBytesPerSecond());

        EngineMetrics idle = DerivedMetrics.of(new SpanStats(POSTGRES, JVM), SECOND, 0, null);
        assertNull(idle.serverCpuNanosPerOperation(), "no operation: no CPU per operation");
        assertFalse(idle.sources().containsKey("serverCpuNanosPerOperation"), idle.sources().toString());
        assertNull(DerivedMetrics.of(new SpanStats(BADGER, JVM), SECOND, 10, null).checkpoints(),
                "an engine without checkpoints has none, not 0");
    }

    @Test
    void aMetricTheEngineCannotMeasureLeavesItsFiguresNullWithTheReasonAsTheirSource() {
        EngineStats existing = EngineStats.builder().engine(Metric.CHECKPOINTS, 1, "pg_stat_bgwriter")
                .absent(Metric.SERVER_CPU_NANOS, "an existing server (url): its process is not on this machine's")
                .absent(Metric.BYTES_ON_DISK, "pg_database_size failed: timeout").build();
        EngineMetrics metrics = DerivedMetrics.of(new SpanStats(POSTGRES, JVM).plus(new SpanStats(existing, JVM)),
                2 * SECOND, 1_000, 1_500L);
        assertNull(metrics.serverCpuNanosPerOperation());
        assertNull(metrics.bytesOnDisk());
        assertNull(metrics.spaceAmplification());
        assertEquals("not reported: an existing server (url): its process is not on this machine's",
                metrics.sources().get("serverCpuNanosPerOperation"), "the later span's absences: " + metrics.sources());
        assertEquals("not reported: pg_database_size failed: timeout", metrics.sources().get("bytesOnDisk"));
        assertEquals("not reported: pg_database_size failed: timeout", metrics.sources().get("spaceAmplification"));
        assertEquals(4L, metrics.checkpoints(), "3 + 1 over the two spans");

        EngineMetrics first = DerivedMetrics.of(new SpanStats(POSTGRES, JVM), SECOND, 1_000, null);
        assertNull(first.cacheHitRatio());
        assertEquals("not reported: pg_stat_database failed: permission denied", first.sources().get("cacheHitRatio"),
                "hits and misses absent for the same reason: one note");
        assertEquals(4, first.sources().size(), "checkpoints, CPU and log bytes have figures; the ratio a reason: "
                + first.sources());
    }

    @Test
    void aSpansDeltaKeepsTheLaterSnapshotsAbsences() {
        EngineStats before = EngineStats.builder().engine(Metric.CHECKPOINTS, 5, "pg_stat_bgwriter").build();
        EngineStats after = EngineStats.builder().engine(Metric.CHECKPOINTS, 7, "pg_stat_bgwriter")
                .absent(Metric.CACHE_HITS, "gone").build();
        SpanStats delta = new SpanStats(after, JVM).since(new SpanStats(before, JVM));
        EngineMetrics metrics = DerivedMetrics.of(delta, SECOND, 100, null);
        assertEquals(2L, metrics.checkpoints());
        assertEquals("not reported: gone", metrics.sources().get("cacheHitRatio"));
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void everyMetricTheEngineCannotMeasureIsNotedOnTheFiguresItWouldGive(Metric metric) {
        EngineMetrics metrics = DerivedMetrics.of(new SpanStats(EngineStats.builder().absent(metric, "why").build(),
                EngineStats.empty()), SECOND, 100, 1_000L);
        assertEquals(DerivedMetrics.figures(metric).size(), metrics.sources().size(), metrics.sources().toString());
        for (String figure : DerivedMetrics.figures(metric)) {
            assertEquals("not reported: why", metrics.sources().get(figure), metric + " -> " + figure);
        }
    }

    @Test
    void aGoRuntimeThatCannotMeasureAFigureSaysSoInItsOwnSources() {
        EngineStats go = EngineStats.builder().engine(Metric.GC_CYCLES, 4, "/gc/cycles/total:gc-cycles")
                .absent(Metric.HEAP_ALLOCATED_BYTES, "no such runtime metric in this Go")
                .absent(Metric.GC_PAUSE_P99_NANOS, "no histogram").build();
        GcPressure gc = DerivedMetrics.of(new SpanStats(go, JVM), SECOND, 100, null).goGc();
        assertNull(gc.allocatedBytesPerOperation());
        assertNull(gc.pauseP99Nanos());
        assertEquals("not reported: no such runtime metric in this Go", gc.sources().get("allocatedBytesPerOperation"));
        assertEquals("not reported: no histogram", gc.sources().get("pauseP99Nanos"));
        assertTrue(gc.sources().containsKey("cycles"));
    }

    @Test
    void aForksTotalsAddTheIterationsCountersAndKeepTheLastLevels() {
        SpanStats first = new SpanStats(BADGER, JVM);
        SpanStats second = new SpanStats(EngineStats.builder().engine(Metric.GC_CYCLES, 8, "cycles")
                .engine(Metric.HEAP_ALLOCATED_BYTES, 600_000, "allocs").engine(Metric.HEAP_IN_USE_BYTES, 1, "live")
                .build(), JVM);
        EngineMetrics fork = DerivedMetrics.of(first.plus(second), 2 * SECOND, 2_000, null);
        assertEquals(20, fork.goGc().cycles());
        assertEquals(500.0, fork.goGc().allocatedBytesPerOperation(), "(400,000 + 600,000) / 2,000");
        assertEquals(1L, fork.goGc().heapInUseBytes(), "the last level");
        assertNull(fork.goGc().pauseP99Nanos(), "the last iteration's p99: it had no pause");
        assertEquals(6, fork.jvmGc().cycles());
    }
}
