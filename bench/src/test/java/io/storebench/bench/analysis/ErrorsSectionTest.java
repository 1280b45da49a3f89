package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.engine;
import static io.storebench.bench.analysis.ReportFixtures.fork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.Unavailability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorsSectionTest {
    private static String render(List<EngineRun> engines) {
        ReportDocument doc = new ReportDocument("t");
        ErrorsSection.add(doc, engines, Map.of());
        return doc.markdown();
    }

    @Test
    void aRunWithoutErrorsHasNoSuchSection() {
        assertEquals("# t\n\n", render(List.of(engine("ok", 100, 110))));
    }

    @Test
    void aForkWithErrorsShowsItsWindowsAndItsFirstError() {
        List<Unavailability> windows = List.of(new Unavailability(1_000, 2_500_000_000L, true),
                new Unavailability(9_000, 1_500_000, false));
        String error = "x".repeat(200);
        EngineRun etcd = engine("etcd", null, List.of(fork("etcd", 0, 100, 1000),
                fork("etcd", 1, 90, 1000, 7, null, windows, error)));
        String md = render(List.of(etcd));
        assertTrue(md.contains("## Errors and unavailability"), md);
        assertTrue(md.contains("| etcd | etcd-1 | 7 | read 7 | 2 | 2.50 s | 2.50 s | ? for 2.50 s, ? for 1.50 ms open | "
                + "x".repeat(157) + "... |"), md);
        assertTrue(!md.contains("| etcd-0 |"), "a fork without errors is not listed");
    }
}
