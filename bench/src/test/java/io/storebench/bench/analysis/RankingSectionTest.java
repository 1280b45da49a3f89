package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.engine;
import static io.storebench.bench.analysis.ReportFixtures.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.model.RunRecord;
import org.junit.jupiter.api.Test;

class RankingSectionTest {
    private static String render(RunRecord record, KeyMetric metric) {
        ReportDocument doc = new ReportDocument("t");
        RankingSection.add(doc, record, record.engines(), metric, 0.05);
        return doc.markdown();
    }

    @Test
    void ranksByThroughputAndSaysWhichDifferencesAreSignificant() {
        RunRecord record = run(engine("slow", 100, 105, 95, 102, 98), engine("fast", 200, 210, 190, 205, 195),
                engine("twin", 201, 209, 191, 204, 196));
        String md = render(record, KeyMetric.THROUGHPUT);
        assertTrue(md.contains("## Engine selection: workload, ranked by throughput"), md);
        assertTrue(md.contains("throughput over all operations (higher is better)"), md);
        assertTrue(md.contains("| 1 | twin | 5 | 200 [") || md.contains("| 1 | fast | 5 | 200 ["), md);
        assertTrue(md.matches("(?s).*\\| 3 \\| slow \\| 5 \\| 100 \\[\\d+\\.\\.\\d+\\] ops/s \\|  \\|  \\|  \\|  \\|.*"),
                md);
        assertTrue(md.matches("(?s).*\\| 2 \\| (fast|twin) \\| 5 \\| [^|]+ \\| slow \\| -50\\.\\d% \\| [^|]+ \\|"
                + " significant \\|.*"), md);
        assertTrue(md.matches("(?s).*\\| 1 \\| (fast|twin) \\| 5 \\| [^|]+ \\| (fast|twin) \\| [^|]+ \\| [^|]+ \\|"
                + " tie \\|.*"), md);
        assertTrue(md.contains("Every pair, throughput:"), md);
        assertTrue(md.matches("(?s).*\\| (fast|twin) vs slow \\| 0\\.\\d{3} \\[0\\.\\d{3}\\.\\.0\\.\\d{3}\\] \\|.*"), md);
    }

    @Test
    void aPercentileRanksTheLowestFirst() {
        String md = render(run(engine("fast", 200, 210, 190, 205, 195), engine("slow", 100, 105, 95, 102, 98)),
                KeyMetric.P99);
        assertTrue(md.contains("ranked by p99"), md);
        assertTrue(md.contains("p99 of the slowest operation type (lower is better)"), md);
        assertTrue(md.matches("(?s).*\\| 1 \\| fast \\| 5 \\| [45]\\.\\d+ \\[[^|]+\\] ms \\| slow \\|.*"), md);
    }

    @Test
    void fewForksAreRankedButNotTested() {
        String md = render(run(engine("one", 100), engine("two", 50, 60)), KeyMetric.THROUGHPUT);
        assertTrue(md.contains("| 1 | one | 1 | 100 ops/s | two |  |  | not tested (fewer than 5 forks) |"), md);
        assertTrue(md.contains("- one vs two: not tested, a comparison needs at least 5 forks a side"), md);
        assertFalse(md.contains("Every pair, throughput:"), md);
    }
}
