package io.storebench.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Durability;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict per engine and profile, and how the acknowledgements are read from the writer's pipe. */
class CrashSummaryTest {
    private static Findings clean(long acknowledged, boolean inBatch) {
        return new Findings(acknowledged, acknowledged * 2, "put #" + acknowledged, inBatch, 0, 0, 0, 0, false, "",
                List.of());
    }

    private static Findings lostOne() {
        return new Findings(10, 20, "put #10", false, 1, 0, 0, 0, false, "", List.of("key 1: 1 lost"));
    }

    @Test
    void aFindingFailsWhereTheProfilePromisesAndIsOnlyReportedUnderNone() {
        CrashSummary pass = CrashSummary.of("rocksdb", Durability.BUFFERED, List.of(clean(5, true), clean(7, false)));
        assertEquals(CrashSummary.Verdict.PASS, pass.verdict());
        assertEquals(12, pass.acknowledgedOps());
        assertEquals(24, pass.writesChecked());
        assertEquals(1, pass.killsInBatch());
        for (Durability promised : List.of(Durability.BUFFERED, Durability.STRICT)) {
            CrashSummary fail = CrashSummary.of("rocksdb", promised, List.of(clean(5, false), lostOne()));
            assertEquals(CrashSummary.Verdict.FAIL, fail.verdict());
            assertEquals(1, fail.lost());
        }
        CrashSummary none = CrashSummary.of("memory", Durability.NONE, List.of(lostOne()));
        assertEquals(CrashSummary.Verdict.REPORTED, none.verdict());
        CrashSummary failedOpen = CrashSummary.of("lmdb", Durability.BUFFERED,
                List.of(Findings.failedOpen(3, "put #3", false, "StoreException: cannot open")));
        assertEquals(1, failedOpen.failedOpens());
        assertEquals(CrashSummary.Verdict.FAIL, failedOpen.verdict());
    }

    @Test
    void onlyWholeLinesInOrderAreAcknowledgements() {
        TrialRunner.AckReader whole = read("ready\na 0\na 1\nsome library's line\na 2\na 3");
        assertTrue(whole.opened);
        assertEquals(3, whole.acknowledged, "the cut line 'a 3' was never acknowledged");
        TrialRunner.AckReader gap = read("ready\na 0\na 2\n");
        assertEquals(1, gap.acknowledged);
        assertFalse(read("Error: could not open the store\n").opened);
        assertEquals("acknowledgement of op #2 after 1 acknowledged ops", gap.problem);
    }

    private static TrialRunner.AckReader read(String text) {
        TrialRunner.AckReader reader = new TrialRunner.AckReader(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.US_ASCII)));
        reader.run();
        return reader;
    }
}
