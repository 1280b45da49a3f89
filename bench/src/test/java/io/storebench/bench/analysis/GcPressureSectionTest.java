package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.fork;
import static io.storebench.bench.analysis.ReportFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.GcPressure;
import io.storebench.stats.model.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcPressureSectionTest {
    private static final String JVM_SCOPE = "the whole fork JVM";

    private static String render(RunRecord record) {
        ReportDocument doc = new ReportDocument("t");
        GcPressureSection.add(doc, record.engines());
        return doc.markdown();
    }

    private static GcPressure jvm(long cycles, long pauseNanos, Long p99) {
        Map<String, String> sources = new LinkedHashMap<>(Map.of("cycles", "bean counts"));
        if (p99 != null) {
            sources.put("pauseP99Nanos", "notifications");
        }
        return new GcPressure(GcPressure.JVM, cycles, pauseNanos, p99, 64L << 20, 512.0, JVM_SCOPE, sources);
    }

    private static EngineRun engine(String name, EngineMetrics... forks) {
        List<ForkResult> results = new ArrayList<>();
        for (int i = 0; i < forks.length; i++) {
            results.add(fork(name, i, 10, 10, 0, forks[i], List.of(), null));
        }
        return ReportFixtures.engine(name, null, results);
    }

    @Test
    void javaEnginesShowTheJvmAloneMeansAcrossForks() {
        EngineRun rocksdb = engine("rocksdb", EngineMetrics.builder().jvmGc(jvm(2, 4_000_000, 3_000_000L)).build(),
                EngineMetrics.builder().jvmGc(jvm(4, 8_000_000, null)).build());
        EngineRun lmdb = engine("lmdb", EngineMetrics.builder().jvmGc(jvm(1, 0, 0L)).build());
        String md = render(run(rocksdb, lmdb));
        assertTrue(md.contains("## GC pressure"), md);
        assertTrue(md.contains("| engine | JVM cycles | JVM pause total | JVM p99 pause | JVM heap in use |"
                + " JVM allocated/op |\n"), md);
        assertTrue(md.contains("| rocksdb | 3 | 6.00 ms | 3.00 ms | 64.0 MiB | 512 B |"),
                "p99 of the fork that had a pause: " + md);
        assertTrue(md.contains("| lmdb | 1 | < 1 ms | < 1 ms | 64.0 MiB | 512 B |"), "a pause under 1 ms: " + md);
        assertTrue(md.contains("no engine of this run runs in a Go runtime"), md);
        assertTrue(md.contains("the harness's and JMH's threads included"), md);
        assertEquals(List.of("- jvm (lmdb, rocksdb): the whole fork JVM", "- jvm cycles (lmdb, rocksdb): bean counts",
                "- jvm pauseP99Nanos (lmdb, rocksdb): notifications"),
                md.lines().filter(l -> l.startsWith("- ")).toList(), "one line per figure and source: " + md);
    }

    @Test
    void aGoEngineShowsItsRuntimeBesideTheJvm() {
        GcPressure go = new GcPressure(GcPressure.GO, 12, 600_000L, 90_000L, 8L << 20, 400.0,
                "the engine's Go runtime", Map.of("cycles", "/gc/cycles/total:gc-cycles"));
        EngineRun badger = engine("badger", EngineMetrics.builder().jvmGc(jvm(1, 1_000_000, 1_000_000L)).goGc(go)
                .build());
        EngineRun rocksdb = engine("rocksdb", EngineMetrics.builder().jvmGc(jvm(2, 2_000_000, null)).build());
        String md = render(run(badger, rocksdb));
        assertTrue(md.contains("| JVM allocated/op | Go cycles | Go pause total | Go p99 pause | Go heap in use |"
                + " Go allocated/op |\n"), md);
        assertTrue(md.contains("| badger | 1 | 1.00 ms | 1.00 ms | 64.0 MiB | 512 B | 12 | 600 us | 90.0 us |"
                + " 8.00 MiB | 400 B |"), md);
        assertTrue(md.contains("| rocksdb | 2 | 2.00 ms | — | 64.0 MiB | 512 B | — | — | — | — | — |"), md);
        assertTrue(md.contains("- go (badger): the engine's Go runtime\n- go cycles (badger): /gc/cycles/total:gc-cycles"),
                md);
        assertTrue(md.contains("- jvm pauseP99Nanos (badger): notifications"), "rocksdb had no JVM p99: " + md);
        assertFalse(md.contains("no engine of this run runs in a Go runtime"), md);
    }

    @Test
    void runsRecordedBeforeTheHarnessMeasuredGcHaveNoSuchSection() {
        EngineRun old = engine("rocksdb", EngineMetrics.builder().bytesOnDisk(1L, "du").build());
        assertEquals("# t\n", render(run(old, ReportFixtures.engine("plain", 10))).replace("\n\n", "\n"));
    }
}
