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
    void engineSpecificReadingsHaveTheirOwnTableWithOnlyTheColumnsSomeEngineHas() {
        EngineMetrics badger = EngineMetrics.builder().bytesOnDisk(3_072L, "du").spaceAmplification(1.5, "du / loaded")
                .compactionBytesWritten(2_048L, "compaction").lsmBytes(1_024L, "lsm").valueLogBytes(2_048L, "vlog")
                .valueLogGcRuns(3L, "RunValueLogGC").valueLogBytesReclaimed(512L, "vlog before - after").build();
        EngineMetrics bbolt = EngineMetrics.builder().pagesAllocated(40L, "Tx.Stats").freePages(6L, "FreePageN")
                .build();
        String md = render(run(engine("badger", null, List.of(fork("badger", 0, 10, 10, 0, badger, List.of(), null))),
                engine("bbolt", null, List.of(fork("bbolt", 0, 10, 10, 0, bbolt, List.of(), null))),
                engine("plain", 10)));
        assertTrue(md.contains("| badger | — | — | — | 3.00 KiB | 1.50x |"), "the fork's own space amplification: "
                + md);
        assertTrue(md.contains("### Engine-specific readings"), md);
        assertTrue(md.contains("| engine | compaction bytes | LSM size | value-log size | value-log GC runs |"
                + " value-log bytes reclaimed | pages allocated | free pages |\n"), "no write stalls: no column " + md);
        assertTrue(md.contains("| badger | 2.00 KiB | 1.00 KiB | 2.00 KiB | 3 | 512 B | — | — |"), md);
        assertTrue(md.contains("| bbolt | — | — | — | — | — | 40 | 6 |"), md);
        assertTrue(md.contains("| plain | — | — | — | — | — | — | — |"), md);
        assertTrue(md.contains("- badger valueLogGcRuns: RunValueLogGC"), md);
        assertTrue(md.contains("- bbolt freePages: FreePageN"), md);
        assertFalse(md.contains("loaded user data from the settings"), "every fork counted its load: " + md);
    }

    @Test
    void aServersCheckpointsAndCpuPerOperationAreEngineSpecificAndWhatItCannotMeasureSaysWhy() {
        EngineMetrics managed = EngineMetrics.builder().checkpoints(3L, "pg_stat_bgwriter")
                .serverCpuNanosPerOperation(12_500.0, "managed server: /proc/PID/stat / operations completed")
                .notReported("cacheHitRatio", "CockroachDB has no pg_stat_database block counters").build();
        EngineMetrics existing = EngineMetrics.builder().checkpoints(5L, "pg_stat_bgwriter")
                .notReported("serverCpuNanosPerOperation", "an existing server (url): not this machine's process")
                .build();
        String md = render(run(engine("postgres", null, List.of(
                fork("postgres", 0, 10, 10, 0, managed, List.of(), null),
                fork("postgres", 1, 10, 10, 0, existing, List.of(), null))), engine("rocksdb", 10)));
        assertTrue(md.contains("| engine | checkpoints | server CPU/op |\n"), "the columns some engine has: " + md);
        assertTrue(md.contains("| postgres | 4 | 12.5 us |"), "means across the forks that have them: " + md);
        assertTrue(md.contains("| rocksdb | — | — |"), md);
        assertTrue(md.contains("| postgres | — | — | — | — | — |"), "no hit ratio: " + md);
        assertTrue(md.contains("- postgres cacheHitRatio: not reported: CockroachDB has no pg_stat_database block"
                + " counters"), md);
        assertTrue(md.contains("- postgres serverCpuNanosPerOperation: not reported: an existing server (url): not"
                + " this machine's process"), md);
        assertTrue(md.contains("- postgres serverCpuNanosPerOperation: managed server: /proc/PID/stat"), md);
    }

    @Test
    void anEngineThatReportsNothingButWhyHasOnlyItsReasons() {
        EngineMetrics none = EngineMetrics.builder().notReported("checkpoints", "pg_stat_bgwriter failed").build();
        String md = render(run(engine("postgres", null,
                List.of(fork("postgres", 0, 10, 10, 0, none, List.of(), null)))));
        assertFalse(md.contains("Engine-specific readings"), "a reason is not a reading: " + md);
        assertTrue(md.contains("| postgres | — | — | — | — | — |"), md);
        assertTrue(md.contains("- postgres checkpoints: not reported: pg_stat_bgwriter failed"), md);
    }

    @Test
    void withoutEngineSpecificReadingsThereIsNoSecondTable() {
        EngineMetrics rocks = EngineMetrics.builder().bytesOnDisk(2048L, "du").build();
        String md = render(run(engine("rocksdb", null, List.of(fork("rocksdb", 0, 10, 10, 0, rocks, List.of(), null)))));
        assertFalse(md.contains("Engine-specific readings"), md);
        assertTrue(md.contains("| rocksdb | — | — | — | 2.00 KiB | — |"), md);
    }

    @Test
    void bytesAreBinaryUnits() {
        assertEquals("—", EngineMetricsSection.bytes(null, ""));
        assertEquals("512 B", EngineMetricsSection.bytes(512.0, ""));
        assertEquals("1.50 MiB/s", EngineMetricsSection.bytes(1.5 * 1024 * 1024, "/s"));
    }
}
