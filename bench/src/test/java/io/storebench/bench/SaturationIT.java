package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.Saturation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open-loop rates through the real jar: 5,000,000 ops/s on one thread (an operation every 200 ns)
 * is far beyond the `memory` engine with the harness around it (about 0.6 million ops/s on one
 * thread, see "Speed of the harness itself"), which is flagged SATURATED on the console, in
 * {@code run.json} and in the report; 200 ops/s is kept and flagged nowhere.
 */
class SaturationIT {
    @TempDir
    Path temp;

    private BenchmarksJar.Result run(Path out, String rate, String warmups) throws Exception {
        BenchmarksJar.Result result = BenchmarksJar.run(temp, "run", "--engines", "memory", "--workload", "ycsb-c",
                "--records", "1000", "--threads", "1", "--forks", "1", "--warmup-iterations", warmups, "--warmup-time",
                "1s", "--iterations", "1", "--iteration-time", "1s", "--rate", rate, "--out", out.toString());
        assertEquals(0, result.exitCode(), "a saturated run still finishes: " + result.err() + result.out());
        return result;
    }

    @Test
    void aRateTheEngineCannotKeepIsFlagged() throws Exception {
        Path out = temp.resolve("saturated");
        BenchmarksJar.Result result = run(out, "5000000", "0");
        assertTrue(result.out().lines().anyMatch(l -> l.matches("SATURATED: memory: open-loop target 5,000,000 ops/s,"
                + " achieved [0-9,]+ \\([0-9.]+ %\\), [0-9.]+ % of operations late: latencies measure the queue,"
                + " not the engine")), result.out());

        RunRecord record = JsonFiles.read(out.resolve("run.json"), RunRecord.class);
        EngineRun engine = engine(record, "memory");
        Saturation memory = engine.saturation();
        assertTrue(memory.saturated(), memory.toString());
        assertEquals(5_000_000, memory.targetRate());
        assertEquals(engine.forks().get(0).throughput(), memory.achievedRate());
        assertTrue(memory.achievedShare() < 0.5, memory.toString());
        assertTrue(memory.lateShare() > 0.9, "every operation waits behind the ones before: " + memory);
        assertEquals(engine.forks().get(0).lateOperations(), memory.lateOperations());
        assertEquals(1, memory.forks().size());
        assertTrue(memory.forks().get(0).saturated());
        assertEquals(engine.forks().get(0).forkId(), memory.forks().get(0).forkId());
        assertTrue(memory.why().startsWith("1 of 1 forks saturated: achieved "), memory.why());

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("- **SATURATED:** memory: open-loop target 5,000,000 ops/s"), report);
        assertTrue(report.contains("| memory | " + memory.forks().get(0).forkId() + " |"), report);
        assertTrue(Files.readString(out.resolve("report.html")).contains("<li><strong>SATURATED:</strong> memory:"));
    }

    @Test
    void aRateTheEngineKeepsIsNotFlagged() throws Exception {
        Path out = temp.resolve("kept");
        // A 5 ms interval after a warm-up: a shared host's pauses (JIT, other processes) make some operations
        // late (a quarter of them at 1,000 ops/s without warm-up once), not most.
        BenchmarksJar.Result result = run(out, "200", "1");
        assertFalse(result.out().contains("SATURATED"), result.out());
        Saturation kept = engine(JsonFiles.read(out.resolve("run.json"), RunRecord.class), "memory").saturation();
        assertFalse(kept.saturated(), kept.toString());
        assertNull(kept.why());
        assertTrue(kept.achievedShare() >= 0.95 && kept.lateShare() <= 0.5, kept.toString());
        assertFalse(Files.readString(out.resolve("report.md")).contains("SATURATED"));
    }

    /**
     * {@code ab} at that rate judges its sides saturated (exit 2, its files written); {@code gate} on
     * the two sides refuses them, and compares them with {@code --allow-saturated}; {@code compare}
     * notes them.
     */
    @Test
    void abAndGateRefuseSaturatedRunsUnlessAllowedAndCompareNotesThem() throws Exception {
        Path out = temp.resolve("ab");
        BenchmarksJar.Result ab = BenchmarksJar.run(temp, "ab", "--engines", "memory", "--workload", "ycsb-c",
                "--records", "1000", "--threads", "1", "--warmup-iterations", "0", "--iterations", "1",
                "--iteration-time", "1s", "--rate", "5000000", "--pairs", "6", "--out", out.toString());
        assertEquals(2, ab.exitCode(), ab.err() + ab.out());
        for (String side : List.of("baseline", "candidate")) {
            assertTrue(ab.out().lines().anyMatch(l -> l.startsWith("problem: the " + side + " side: memory is"
                    + " saturated: open-loop target 5,000,000 ops/s, achieved ") && l.endsWith("; give"
                    + " --allow-saturated to compare it anyway")), ab.out());
        }
        assertTrue(Files.readString(out.resolve("gate.md")).contains("the candidate side: memory is saturated"));
        assertTrue(engine(JsonFiles.read(out.resolve("candidate").resolve("run.json"), RunRecord.class), "memory")
                .saturation().saturated());

        String baseline = out.resolve("baseline").toString();
        String candidate = out.resolve("candidate").toString();
        BenchmarksJar.Result refused = BenchmarksJar.run(temp, "gate", "--baseline", baseline, "--candidate",
                candidate, "--out", temp.resolve("refused").toString());
        assertEquals(2, refused.exitCode(), refused.err() + refused.out());
        assertTrue(refused.out().contains("problem: candidate run ab-candidate: memory is saturated: open-loop target"
                + " 5,000,000 ops/s, achieved "), refused.out());
        BenchmarksJar.Result allowed = BenchmarksJar.run(temp, "gate", "--baseline", baseline, "--candidate",
                candidate, "--out", temp.resolve("allowed").toString(), "--allow-saturated");
        assertTrue(allowed.exitCode() == 0 || allowed.exitCode() == 1, allowed.err() + allowed.out());
        assertTrue(allowed.out().contains("(allowed by --allow-saturated)"), allowed.out());
        assertFalse(allowed.out().contains("problem: "), allowed.out());

        BenchmarksJar.Result compare = BenchmarksJar.run(temp, "compare", baseline, candidate);
        assertEquals(0, compare.exitCode(), compare.err() + compare.out());
        assertTrue(compare.out().contains("note: SATURATED: baseline run ab-baseline: memory is saturated"),
                compare.out());
    }

    private static EngineRun engine(RunRecord record, String name) {
        return record.engines().stream().filter(e -> e.engine().equals(name)).findFirst().orElseThrow();
    }
}
