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
    @Test
    void anIterationsFiguresAreJmhResultsWithTheirUnits() {
        Histogram histogram = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            histogram.recordValue(i * 1000L);
        }
        EngineMetrics metrics = DerivedMetrics.of(EngineStats.builder().engine(Metric.CACHE_HITS, 3, "hits")
                .engine(Metric.CACHE_MISSES, 1, "misses").engine(Metric.BYTES_ON_DISK, 4096, "du").build(), 1_000_000_000);
        List<Result> results = new IterationResults().operation("read", histogram, 2).unavailable(0)
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
    void engineMetricsNameTheirSources() {
        EngineStats stats = EngineStats.builder().engine(Metric.LOG_BYTES_WRITTEN, 2_000, "wal")
                .proxy(Metric.BYTES_ON_DISK, 10, "du of the data directory").build();
        EngineMetrics metrics = DerivedMetrics.of(stats, 2_000_000_000L);
        assertEquals(1000.0, metrics.logBytesPerSecond());
        assertEquals(10L, metrics.bytesOnDisk());
        assertEquals("wal", metrics.sources().get("logBytesPerSecond"));
        assertEquals("proxy: du of the data directory", metrics.sources().get("bytesOnDisk"));
        assertEquals(null, metrics.cacheHitRatio());
    }
}
