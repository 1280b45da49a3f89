package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.stats.model.EngineMetrics;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;

class IterationResultsTest {
    private static EngineMetrics metrics(EngineStats engine, EngineStats jvm) {
        return DerivedMetrics.of(new SpanStats(engine, jvm), 1_000_000_000, 1000, null);
    }

    @Test
    void anIterationsFiguresAreJmhResultsWithTheirUnits() {
        Histogram histogram = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            histogram.recordValue(i * 1000L);
        }
        EngineMetrics metrics = metrics(EngineStats.builder().engine(Metric.CACHE_HITS, 3, "hits")
                .engine(Metric.CACHE_MISSES, 1, "misses").engine(Metric.BYTES_ON_DISK, 4096, "du").build(),
                EngineStats.empty());
        List<Result> results = new IterationResults().operation("read", histogram, 2, null).unavailable(0)
                .integrityFailures(1).metrics(metrics).lateOperations(5).list();
        assertEquals(List.of("read.p50", "read.p99", "read.p99.9", "read.max", "read.errors", "integrity-failures",
                "cache-hit-ratio", "bytes-on-disk", "late-operations"), results.stream().map(Result::getLabel).toList());
        assertEquals(histogram.getValueAtPercentile(99), results.get(1).getScore());
        assertEquals("ns", results.get(1).getScoreUnit());
        assertEquals(2.0, results.get(4).getScore());
        assertEquals(0.75, results.get(6).getScore(), 1e-12);
        assertEquals(4096.0, results.get(7).getScore());
    }

    @Test
    void aStoreThatRetriesHasItsRetriesPerOperationAndAServerItsCheckpointsAndCpu() {
        Histogram histogram = new Histogram(3);
        histogram.recordValue(1_000);
        EngineMetrics metrics = metrics(EngineStats.builder().engine(Metric.CHECKPOINTS, 2, "pg_stat_bgwriter")
                .engine(Metric.SERVER_CPU_NANOS, 3_000_000, "/proc/PID/stat")
                .absent(Metric.CACHE_HITS, "no counters").build(), EngineStats.empty());
        List<Result> results = new IterationResults().operation("update", histogram, 0, 4L).metrics(metrics).list();
        assertEquals(List.of("update.p50", "update.p99", "update.p99.9", "update.max", "update.errors",
                "update.retries", "checkpoints", "server-cpu-per-op"), results.stream().map(Result::getLabel).toList(),
                "nothing for a figure not reported");
        assertEquals("4.000 retries", results.get(5).toString());
        assertEquals("2.000 checkpoints", results.get(6).toString());
        assertEquals("3000.000 ns", results.get(7).toString(), "3 ms of server CPU over 1,000 operations");
    }

    @Test
    void theProgressLinesShowGoGcWhereAnEngineReportsItAndTheJvmsAlways() {
        EngineStats jvm = EngineStats.builder().engine(Metric.GC_CYCLES, 2, "beans")
                .engine(Metric.GC_PAUSE_P99_NANOS, 3_000_000, "notifications").build();
        EngineStats go = EngineStats.builder().engine(Metric.GC_CYCLES, 7, "/gc/cycles/total:gc-cycles")
                .engine(Metric.GC_PAUSE_P99_NANOS, 120_000, "/gc/pauses:seconds")
                .engine(Metric.VALUE_LOG_GC_RUNS, 1, "RunValueLogGC").build();
        List<Result> withGo = new IterationResults().metrics(metrics(go, jvm)).list();
        assertEquals(List.of("value-log-gc-runs", "go-gc.cycles", "go-gc.pause-p99", "jvm-gc.cycles"),
                withGo.stream().map(Result::getLabel).toList());
        assertEquals("7.000 cycles", withGo.get(1).toString());
        assertEquals("120.000 us", withGo.get(2).toString());
        assertEquals("2.000 cycles", withGo.get(3).toString());

        List<Result> javaEngine = new IterationResults().metrics(metrics(EngineStats.empty(), jvm)).list();
        assertEquals(List.of("jvm-gc.cycles"), javaEngine.stream().map(Result::getLabel).toList());
        EngineStats goWithoutPause = EngineStats.builder().engine(Metric.GC_CYCLES, 0, "cycles").build();
        assertEquals(List.of("go-gc.cycles", "jvm-gc.cycles"), new IterationResults()
                .metrics(metrics(goWithoutPause, jvm)).list().stream().map(Result::getLabel).toList(),
                "no pause in the window: no p99");
    }
}
