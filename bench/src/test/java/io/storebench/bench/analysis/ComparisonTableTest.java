package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.engine;
import static io.storebench.bench.analysis.ReportFixtures.fork;
import static io.storebench.bench.analysis.ReportFixtures.retrying;
import static io.storebench.bench.analysis.ReportFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-operation table of the console and the report: its retries column, only in a run where a store retries. */
class ComparisonTableTest {
    private static String markdown(TextTable table) {
        ReportDocument doc = new ReportDocument("t");
        doc.table(table);
        return doc.markdown();
    }

    @Test
    void aRunWithAStoreThatRetriesHasARetriesColumnAndDashesForTheStoresThatDoNot() {
        String md = markdown(ComparisonTable.table(run(
                engine("postgres", null, List.of(retrying(fork("postgres", 0, 100, 1000), 3),
                        retrying(fork("postgres", 1, 100, 1000), 4))),
                engine("rocksdb", 100), engine("gone", null, List.of()))));
        assertTrue(md.contains("| errors | integrity | retries |\n"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| postgres | 2 |") && l.endsWith("| 0 | 0 | 7 |")),
                "the forks' retries together: " + md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| rocksdb | 1 |") && l.endsWith("| 0 | 0 | — |")), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| gone | 0 | no fork finished |")
                && l.split("\\|", -1).length == 12), "as many cells as the header: " + md);
    }

    @Test
    void aRunWithoutAStoreThatRetriesHasNoRetriesColumn() {
        String md = markdown(ComparisonTable.table(run(engine("rocksdb", 100), engine("lmdb", 90))));
        assertFalse(md.contains("retries"), md);
        assertEquals(9, ComparisonTable.rows(run(engine("rocksdb", 100))).get(0).length);
    }
}
