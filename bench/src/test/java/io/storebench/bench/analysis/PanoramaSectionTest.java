package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.engine;
import static io.storebench.bench.analysis.ReportFixtures.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.EngineProfileRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanoramaSectionTest {
    @Test
    void everyEngineAtAGlanceAsTheRunRecordedIt() {
        ReportDocument doc = new ReportDocument("t");
        PanoramaSection.add(doc, run(engine("recorded", new EngineProfileRecord("LSM tree", "atomic batches",
                "fsync per write", "JNI"), List.of()), engine("elsewhere", 10)));
        String md = doc.markdown();
        assertTrue(md.contains("## The engines"), md);
        assertTrue(md.contains("Durability in this run: not recorded."), md);
        assertTrue(md.contains("| recorded | LSM tree | atomic batches | fsync per write | JNI | scan, transactions |"),
                md);
        assertTrue(md.contains("| elsewhere | elsewhere described |  |  |  | scan, transactions |"),
                "an engine this build does not know: its description");
    }

    @Test
    void aRunWithoutAProfileTakesThisBuildsDescription() {
        ReportDocument doc = new ReportDocument("t");
        PanoramaSection.add(doc, run(engine("lmdb", 10)));
        assertTrue(doc.markdown().contains("| lmdb | B+tree over mmap"), doc.markdown());
    }
}
