package io.storebench.bench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.compare.SaturatedRuns;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.Saturation;
import io.storebench.stats.model.SettingsRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A side of {@code ab} gathered from its pairs' runs judges saturation anew over all its forks (a
 * pair's run from an older jar records none), and {@code ab} turns a saturated side into a problem
 * unless allowed.
 */
class SideMergerTest {
    @TempDir
    Path temp;

    /** A pair's one-fork run at 1,000 ops/s, written without saturation (as an older jar writes it). */
    private SideMerger.PairRun pair(String tag, double achieved) throws Exception {
        OperationResult read = new OperationResult("read", new LatencySummary(3000, 1e4, 10_000, 20_000, 30_000,
                40_000, 50_000), achieved, 0, 0, 0, null, null);
        ForkResult fork = new ForkResult("memory", "memory-" + tag + "-x", 1, "none", "fp", false, 1000, null, achieved,
                List.of(achieved), List.of(read), null, 0, 0, 0, null, List.of(), Map.of(), null);
        SettingsRecord settings = new SettingsRecord("ycsb-c", 1000, Map.of("read", 1.0), "uniform", "ycsb", 23, "100",
                null, null, 1, 1, "none", 64L << 20, Map.of(), "smoke", 1, 0, 1000L, 3, 1000L, "time", null, "open", 1000,
                null);
        RunRecord run = new RunRecord(RunRecord.SCHEMA, tag, "2026-12-08T00:00:00Z", List.of("run"), Map.of(), settings,
                Map.of(), List.of(new EngineRun("memory", "m", List.of(), "none", null, Map.of(), List.of(fork))), true,
                List.of());
        Path folder = temp.resolve("forks").resolve(tag);
        JsonFiles.write(folder.resolve("run.json"), run);
        return new SideMerger.PairRun(tag, folder);
    }

    @Test
    void aSideIsJudgedOverAllItsForksAndASaturatedSideIsAProblemUnlessAllowed() throws Exception {
        List<SideMerger.PairRun> runs = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            runs.add(pair(String.format("p%02d", p), p == 4 ? 900 : 1000));
        }
        RunRecord side = SideMerger.merge(temp.resolve("exp").resolve("candidate"), List.of("ab"), runs, List.of());
        Saturation saturation = side.engines().get(0).saturation();
        assertTrue(saturation.saturated(), saturation.toString());
        assertEquals(6, saturation.forks().size());
        assertEquals("1 of 6 forks saturated: fork memory-p04 achieved 90.0 % of the target rate (below 95 %)",
                saturation.why());
        assertEquals(saturation, JsonFiles.read(temp.resolve("exp").resolve("candidate").resolve("run.json"),
                RunRecord.class).engines().get(0).saturation(), "the side's run.json records it");

        GateResult judged = new GateResult(new GateSettings(List.of(KeyMetric.P99), 0.05, 0.05, false, false),
                List.of(), List.of(), List.of());
        List<SaturatedRuns.Named> sides = List.of(new SaturatedRuns.Named("the candidate side", side));
        GateResult refused = SaturatedRuns.judged(judged, sides, false);
        assertEquals(GateResult.EXIT_INVALID, refused.exitCode());
        assertTrue(refused.problems().get(0).startsWith("the candidate side: memory is saturated: open-loop target"
                + " 1,000 ops/s, achieved 983 (98.3 %), 0.00 % of operations late (1 of 6 forks saturated)"),
                refused.problems().toString());
        GateResult allowed = SaturatedRuns.judged(judged, sides, true);
        assertEquals(GateResult.EXIT_PASS, allowed.exitCode());
        assertFalse(allowed.warnings().isEmpty());
    }
}
