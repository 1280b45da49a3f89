package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.engine;
import static io.storebench.bench.analysis.ReportFixtures.fork;
import static io.storebench.bench.analysis.ReportFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.RunRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineMetricsSectionTest {
    private static String render(RunRecord record) {
        ReportDocument doc = new ReportDocument("t");
        EngineMetricsSection.add(doc, record, record.engines());
        return doc.markdown();
    }

    @Test
    void meansAcrossForksWithTheirSources() {
        EngineMetrics first = EngineMetrics.builder().cacheHitRatio(0.5, "proxy: a guess").logBytesPerSecond(1024.0, null)
                .writeAmplification(2.0, null).bytesOnDisk(2048L, null).build();
        EngineMetrics second = EngineMetrics.builder().cacheHitRatio(0.7, "proxy: a guess")
                .logBytesPerSecond(3072.0, null).bytesOnDisk(4096L, null).build();
        EngineRun lsm = engine("lsm", null, List.of(fork("lsm", 0, 10, 10, 0, first, List.of(), null),
                fork("lsm", 1, 10, 10, 0, second, List.of(), null)));
        String md = render(run(lsm, engine("plain", 10, 20)));
        assertTrue(md.contains("## Engine metrics"), md);
        assertTrue(md.contains("| engine | cache hit ratio | log bytes/s | write amplification | bytes on disk |"
                + " space amplification |\n"), md);
        assertTrue(md.contains("| lsm | 0.600 | 2.00 KiB/s | 2.00x | 3.00 KiB | — |"), md);
        assertTrue(md.contains("| plain | — | — | — | — | — |"), md);
        assertTrue(md.contains("unknown for variable value sizes"), "no settings: no loaded size");
        assertEquals(1, md.lines().filter(l -> l.equals("- lsm cacheHitRatio: proxy: a guess")).count(), md);
        assertFalse(md.contains("log sync p99 |"), md);
    }

    @Test
    void aServerAddsItsOwnLogSyncAndCommitLatency() {
        EngineMetrics server = EngineMetrics.builder().logSyncP99Nanos(2_000_000.0, null).commitP99Nanos(500_000.0, null)
                .build();
        EngineRun etcd = engine("etcd", null, List.of(fork("etcd", 0, 10, 10, 0, server, List.of(), null)));
        String md = render(run(etcd, engine("local", 10)));
        assertTrue(md.contains("| log sync p99 | commit p99 |"), md);
        assertTrue(md.contains("| etcd | — | — | — | — | — | 2.00 ms | 500 us |"), md);
        assertTrue(md.contains("| local | — | — | — | — | — | — | — |"), md);
    }

    @Test
    void bytesAreBinaryUnits() {
        assertEquals("—", EngineMetricsSection.bytes(null, ""));
        assertEquals("512 B", EngineMetricsSection.bytes(512.0, ""));
        assertEquals("1.50 MiB/s", EngineMetricsSection.bytes(1.5 * 1024 * 1024, "/s"));
    }
}
