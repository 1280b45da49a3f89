package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.fork;
import static io.storebench.bench.analysis.ReportFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.BoundaryCost;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.RunRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundarySectionTest {
    private static final String CROSSING = "in process: JNI into a c-shared Go library (cgo)";

    private static BoundaryCost cost(double callNanos, Double observed) {
        return new BoundaryCost("go-null", CROSSING, callNanos, callNanos - 10, callNanos + 10, callNanos + 20, 20,
                observed, "alternating blocks");
    }

    private static String render(RunRecord record) {
        ReportDocument doc = new ReportDocument("t");
        BoundarySection.add(doc, record.engines());
        return doc.markdown();
    }

    /** {@code record} with the settings of a committed run, which the closing table's caption needs. */
    private static RunRecord withSettings(RunRecord record) throws Exception {
        RunRecord committed = RunReader.read(Path.of("..", "results", "2026-12-01-typed-run"));
        return new RunRecord(record.schema(), record.runId(), record.createdAt(), record.command(), record.options(),
                committed.settings(), record.environment(), record.engines(), record.complete(), record.missing());
    }

    private static RunRecord badgerAndRocksdb() {
        EngineRun badger = ReportFixtures.engine("badger", null, List.of(fork("badger", 0, cost(130, 160.0)),
                fork("badger", 1, cost(150, 180.0)), fork("badger", 2, null)));
        return run(badger, ReportFixtures.engine("rocksdb", 10, 12));
    }

    @Test
    void anEngineBehindABoundaryShowsItsCostMeansAcrossTheForksThatMeasuredIt() {
        String md = render(badgerAndRocksdb());
        assertTrue(md.contains("## Language boundary"), md);
        assertTrue(md.contains("The latencies of badger are timed inside the engine"), md);
        assertTrue(md.contains("excludes what crossing the boundary costs (the other engines are timed around the"
                + " call"), md);
        assertTrue(md.contains("| engine | baseline | forks | boundary per call | range over forks | baseline get |"
                + " null get | outside the engine per operation |\n"), md);
        assertTrue(md.contains("| badger | go-null | 2 of 3 | 140 ns | 130 ns – 150 ns | 160 ns | 20.0 ns"
                + " | 170 ns |"),
                "the fork without a cost is left out of the means: " + md);
        assertFalse(md.contains("| rocksdb |"), "rocksdb has no boundary: " + md);
        assertEquals(List.of("- badger is reached " + CROSSING,
                "- How the boundary per call was measured: alternating blocks"),
                md.lines().filter(l -> l.startsWith("- ")).toList(), md);
    }

    @Test
    void theRunsClosingTableEndsWithALinePerEngineBehindABoundary() throws Exception {
        RunRecord record = badgerAndRocksdb();
        assertEquals(List.of("badger: latencies timed inside the engine; the boundary costs 140 ns per call (go-null vs"
                + " null, mean of 2 forks), 170 ns per operation observed"), BoundarySection.notes(record));
        String text = ComparisonTable.text(withSettings(record));
        assertTrue(text.endsWith("\nbadger: latencies timed inside the engine; the boundary costs 140 ns per call"
                + " (go-null vs null, mean of 2 forks), 170 ns per operation observed\n"), text);
        RunRecord unobserved = run(ReportFixtures.engine("pebble", null, List.of(fork("pebble", 0, cost(90, null)))));
        assertEquals(List.of("pebble: latencies timed inside the engine; the boundary costs 90 ns per call (go-null vs"
                + " null, mean of 1 fork)"), BoundarySection.notes(unobserved));
        assertTrue(render(unobserved).contains("| pebble | go-null | 1 of 1 | 90.0 ns | — | 110 ns | 20.0 ns"
                + " | — |"),
                render(unobserved));
    }

    @Test
    void aRunWithoutAnEngineBehindABoundaryHasNoSectionNorLine() throws Exception {
        RunRecord record = run(ReportFixtures.engine("rocksdb", 10, 12), ReportFixtures.engine("lmdb", 11));
        assertEquals("# t\n\n", render(record));
        assertEquals(List.of(), BoundarySection.notes(record));
        assertFalse(ComparisonTable.text(withSettings(record)).contains("boundary"));
    }
}
