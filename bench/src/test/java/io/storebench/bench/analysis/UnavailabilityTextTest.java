package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.ReportFixtures.engine;
import static io.storebench.bench.analysis.ReportFixtures.fork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.ServerDeathRecord;
import io.storebench.stats.model.Unavailability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How windows of unavailability are worded: an open one is never a closed "longest window". */
class UnavailabilityTextTest {
    private static final Unavailability CLOSED = new Unavailability(1_000, 1_010_000_000L, true);
    private static final Unavailability OPEN = new Unavailability(9_000, 4_100_000_000L, false);

    @Test
    void aClosedWindowHasALengthAndAnOpenOneALowerBoundToTheEndOfTheFork() {
        assertEquals("1.01 s", UnavailabilityText.length(CLOSED, true));
        assertEquals("open for at least 4.10 s, until the end of the fork", UnavailabilityText.length(OPEN, true));
        assertEquals("open for at least 4.10 s, until the end of its iteration", UnavailabilityText.length(OPEN, false),
                "an open window that is not the fork's last (runs written before windows were merged over iterations)");
    }

    @Test
    void whenEveryWindowIsOpenTheConsoleSaysSoAndNamesNoLongestWindow() {
        EngineRun etcd = engine("etcd", null, List.of(fork("etcd", 0, 10, 1000, 40, null, List.of(OPEN), null)));
        String note = UnavailabilityText.engineNote(etcd);
        assertEquals("etcd: 40 operations failed in 1 of 1 forks (4% of calls); the window still open at the end of 1"
                + " fork: open for at least 4.10 s, until the end of the fork (report: Errors and unavailability)", note);
        assertFalse(note.contains("longest window"), note);
    }

    @Test
    void closedAndOpenWindowsAreSaidApart() {
        Unavailability longerOpen = new Unavailability(20_000, 6_000_000_000L, false);
        EngineRun etcd = engine("etcd", null, List.of(
                fork("etcd", 0, 10, 1000, 5, null, List.of(CLOSED, OPEN), null),
                fork("etcd", 1, 10, 1000, 5, null, List.of(CLOSED, longerOpen), null),
                fork("etcd", 2, 10, 1000, 0, null, List.of(), null)));
        assertEquals("etcd: 10 operations failed in 2 of 3 forks (0.333% of calls); the longest window without a"
                + " successful operation after a failure: 1.01 s; the longest of the windows still open at the end of 2"
                + " forks: open for at least 6.00 s, until the end of the fork (report: Errors and unavailability)",
                UnavailabilityText.engineNote(etcd));
        assertNull(UnavailabilityText.engineNote(engine("ok", 100, 110)), "no line without errors");
    }

    @Test
    void aDeadServerIsOneLinePerEngineNamingEachDeath() {
        ForkResult plain = fork("etcd", 0, 10, 1000, 5, null, List.of(OPEN), null);
        ServerDeathRecord death = new ServerDeathRecord("managed member m0", 77, 137, "SIGKILL", 9_000,
                "measurement iteration 1", null, "managed member m0 (pid 77) died 2.0 s after the store opened, in"
                        + " measurement iteration 1: killed by SIGKILL (exit code 137)");
        ForkResult dead = new ForkResult(plain.engine(), "etcd-1", 1, "buffered", "f", true, 0, null, 10, List.of(10.0),
                plain.operations(), null, 0, 0, 0, null, plain.unavailable(), Map.of(), null, null, List.of(death));
        String note = UnavailabilityText.deathNote(engine("etcd", null, List.of(plain, dead)));
        assertEquals("etcd: a server died in 1 of 2 forks (their figures after it are of a dead server): fork etcd-1:"
                + " managed member m0 (pid 77) died 2.0 s after the store opened, in measurement iteration 1: killed by"
                + " SIGKILL (exit code 137)", note);
        assertNull(UnavailabilityText.deathNote(engine("etcd", null, List.of(plain))));
        assertTrue(ComparisonTable.failureNotes(ReportFixtures.run(engine("etcd", null, List.of(plain, dead))))
                .get(0).equals(note), "the console's table ends with it");
    }
}
