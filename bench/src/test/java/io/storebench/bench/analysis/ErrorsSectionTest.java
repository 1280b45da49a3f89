package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.engine;
import static io.storebench.bench.analysis.ReportFixtures.fork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.ServerDeathRecord;
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
        assertTrue(md.contains("| etcd | etcd-1 | 7 | 0.7% | read 7 | 2 | 2.50 s | at least 1.50 ms | at least 2.50 s"
                + " | ? for 2.50 s, ?, open for at least 1.50 ms, until the end of the fork | " + "x".repeat(157)
                + "... |"), md);
        assertFalse(md.contains("# Servers"), "no server died");
        assertTrue(!md.contains("| etcd-0 |"), "a fork without errors is not listed");
    }

    @Test
    void aForkWhoseServerDiedListsTheDeathAndItsWindowOnlyAsOpen() {
        ServerDeathRecord death = new ServerDeathRecord("managed member m0", 4242, 137, "SIGKILL", 5_000,
                "measurement iteration 2", "{\"level\":\"warn\",\"msg\":\"slow fdatasync\"}",
                "managed member m0 (pid 4242) died 3.0 s after the store opened, in measurement iteration 2: killed by"
                        + " SIGKILL (exit code 137)");
        ForkResult failing = fork("etcd", 0, 50, 1000, 10, null, List.of(new Unavailability(4_990, 4_100_000_000L,
                false)), "read: StoreException: etcd: get failed: UNAVAILABLE");
        ForkResult dead = new ForkResult(failing.engine(), failing.forkId(), failing.threads(), failing.durability(),
                failing.workloadFingerprint(), failing.closedLoop(), failing.rate(), failing.load(),
                failing.throughput(), failing.iterationThroughputs(), failing.operations(), failing.engineMetrics(), 0,
                0, 0, failing.firstError(), failing.unavailable(), Map.of(), null, null, List.of(death));
        String md = render(List.of(engine("etcd", null, List.of(dead))));
        assertTrue(md.contains("| etcd | etcd-0 | managed member m0 | 4242 | ? | measurement iteration 2 | killed by"
                + " SIGKILL (exit code 137) | {\"level\":\"warn\",\"msg\":\"slow fdatasync\"} |"), md);
        assertTrue(md.contains("| — | at least 4.10 s | at least 4.10 s | ?, open for at least 4.10 s, until the end of"
                + " the fork |"), "no closed window, one open to the end: " + md);
    }
}
