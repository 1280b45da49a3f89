package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.AnalysisCommandsTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storebench.bench.analysis.AnalysisCommandsTest.Outcome;
import io.storebench.bench.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gate} and {@code compare} with several baseline runs: the run is the sample (one value per
 * run), on runs made from the committed gate example's baseline run
 * (results/2026-11-23-gate-example/baseline), each copy its own run (its own runId and fork ids)
 * scaled by a factor, as a run of unchanged code that drifted would be.
 */
class SeveralRunsTest {
    @TempDir
    Path temp;

    /**
     * A copy of the example's {@code source} run as {@code dir/name}: latencies × {@code factor},
     * throughput ÷ it, fork ids of its own; then {@code edit}.
     */
    Path run(Path dir, String source, String name, double factor, Consumer<ObjectNode> edit) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        ObjectNode run = (ObjectNode) JsonFiles.MAPPER.readTree(RefusalsTest.EXAMPLE.resolve(source)
                .resolve("run.json").toFile());
        run.put("runId", name);
        for (JsonNode engine : run.get("engines")) {
            for (JsonNode node : engine.get("forks")) {
                ObjectNode fork = (ObjectNode) node;
                fork.put("forkId", fork.get("forkId").asText() + "-" + name);
                fork.put("throughput", fork.get("throughput").asDouble() / factor);
                for (JsonNode operation : fork.get("operations")) {
                    ObjectNode latency = (ObjectNode) operation.get("latency");
                    for (String field : List.of("p50", "p90", "p99", "p999", "max")) {
                        latency.put(field, Math.round(latency.get(field).asLong() * factor));
                    }
                }
            }
        }
        edit.accept(run);
        JsonFiles.write(folder.resolve("run.json"), run);
        return folder;
    }

    Path run(String name, double factor) throws IOException {
        return run(temp, "baseline", name, factor, r -> { });
    }

    private static String list(Path... runs) {
        return String.join(",", java.util.Arrays.stream(runs).map(Path::toString).toList());
    }

    private static void assertOneLine(Outcome outcome, int exit, String contains) {
        assertEquals(exit, outcome.exit(), outcome.err() + outcome.out());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().contains(contains), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }

    @Test
    void threeBaselineRunsJudgeOneCandidateRunAtTheRunLevel() throws IOException {
        String baselines = list(run("b1", 1.00), run("b2", 1.03), run("b3", 0.98));
        Path candidate = run("c", 1.01);
        Outcome gate = call(GateCommand::run, "--baseline", baselines, "--candidate", candidate.toString());
        assertEquals(0, gate.exit(), gate.err() + gate.out());
        assertTrue(gate.out().startsWith("storebench gate: baseline runs b1, b2, b3; candidate run c\n"), gate.out());
        assertTrue(gate.out().contains("values are geometric means of one value per run"), gate.out());
        assertTrue(gate.out().contains("design: run-level"), gate.out());
        assertTrue(gate.out().contains("note: 3 baseline runs: the spread is run to run, so drift between runs counts;"
                + " the candidate run is tested by the prediction-interval t (df 2) alone, without a permutation"
                + " test"), gate.out());
        assertTrue(gate.out().lines().anyMatch(l -> l.contains("/read/p99") && l.contains(" n/a ")
                && l.endsWith(" 3/1")), gate.out());

        JsonNode verdict = JsonFiles.MAPPER.readTree(candidate.resolve("gate.json").toFile());
        assertEquals("run-level", verdict.get("design").asText());
        assertEquals("b1,b2,b3", verdict.get("baseline").asText());
        assertEquals(3, verdict.get("baselineRuns").size());
        assertEquals("c", verdict.get("candidateRuns").get(0).asText());
        JsonNode key = verdict.get("keys").get(0);
        assertEquals("run-level", key.get("design").asText());
        assertEquals("none", key.get("permutation").asText());
        assertEquals(3, key.get("baseline").get("values").size());
        assertEquals(1, key.get("candidate").get("values").size());
        assertTrue(verdict.get("spread").asText().contains("the spread is run to run"));
        assertTrue(Files.readString(candidate.resolve("gate.md")).contains("Baseline runs `b1`, `b2`, `b3`;"
                + " candidate run `c`.  \n"));
    }

    @Test
    void aRegressionBeyondTheRunToRunSpreadFailsAndAFolderOfRunsIsTheSameList() throws IOException {
        Path folder = temp.resolve("baselines");
        run(folder, "baseline", "b1", 1.00, r -> { });
        run(folder, "baseline", "b2", 1.03, r -> { });
        run(folder, "baseline", "b3", 0.98, r -> { });
        Files.createDirectories(folder.resolve("not-a-run")); // no run.json: not one of the runs
        Path slow = run("c", 3.0);
        Outcome gate = call(GateCommand::run, "--baseline", folder.toString(), "--candidate", slow.toString());
        assertEquals(1, gate.exit(), gate.err() + gate.out());
        assertTrue(gate.out().startsWith("storebench gate: baseline runs b1, b2, b3; candidate run c\n"), gate.out());
        assertEquals(2, gate.out().lines().filter(l -> l.startsWith("REGRESSED")).count(), gate.out());
    }

    @Test
    void severalRunsNeedThreeBaselineRuns() throws IOException {
        Path b1 = run("b1", 1.0);
        Path b2 = run("b2", 1.02);
        Path c = run("c", 1.0);
        String line = "several runs are judged at the run level (one value per run), which needs at least 3 baseline"
                + " runs; --baseline names 2 (give 3 or more, or one baseline and one candidate run for the fork-level"
                + " test)";
        assertOneLine(call(GateCommand::run, "--baseline", list(b1, b2), "--candidate", c.toString()), 2, line);
        assertOneLine(call(CompareCommand::run, "--baseline", list(b1, b2), c.toString()), 2, line);
        assertOneLine(call(GateCommand::run, "--baseline", b1.toString(), "--candidate", list(b2, c), "--out",
                temp.resolve("v").toString()), 2, "--baseline names 1");
        assertOneLine(call(GateCommand::run, "--baseline", b1.toString(), "--candidate", list(b2, c)), 3,
                "--out DIR is required with several --candidate runs");
        assertOneLine(call(GateCommand::run, "--baseline", b1 + ",," + b2, "--candidate", c.toString()), 3,
                "--baseline has an empty run name");
    }

    @Test
    void severalCandidateRunsAreWelchOnRunValuesWithThePermutation() throws IOException {
        String baselines = list(run("b1", 1.00), run("b2", 1.03), run("b3", 0.98), run("b4", 1.01));
        String candidates = list(run("c1", 1.00), run("c2", 1.02), run("c3", 0.99), run("c4", 1.01));
        Path out = temp.resolve("verdict");
        Outcome gate = call(GateCommand::run, "--baseline", baselines, "--candidate", candidates, "--out",
                out.toString());
        assertEquals(0, gate.exit(), gate.err() + gate.out());
        assertTrue(gate.out().contains("note: 4 baseline and 4 candidate runs: the spread is run to run"), gate.out());
        JsonNode key = JsonFiles.MAPPER.readTree(out.resolve("gate.json").toFile()).get("keys").get(0);
        assertEquals("exact", key.get("permutation").asText());
        assertEquals(4, key.get("candidate").get("values").size());
        assertEquals("c1,c2,c3,c4", key.get("candidate").get("run").asText());
    }

    @Test
    void aRunCountedTwiceIsRefused() throws IOException {
        Path b1 = run("b1", 1.00);
        Path b2 = run("b2", 1.03);
        Path b3 = run("b3", 0.98);
        Path c = run("c", 1.0);
        assertOneLine(call(GateCommand::run, "--baseline", list(b1, b2, b1), "--candidate", c.toString()), 2,
                b1 + " is given twice; every run is one sample and is given once");
        assertOneLine(call(GateCommand::run, "--baseline", list(b1, b2, b3), "--candidate", b3.toString()), 2,
                b3 + " is given twice");
        Path copy = temp.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(b2.resolve("run.json"), copy.resolve("run.json"));
        Outcome copied = call(GateCommand::run, "--baseline", list(b1, b2, copy), "--candidate", c.toString());
        assertOneLine(copied, 2, " of " + b2 + " is also in " + copy + ", the same measurement: a copy of a run (or"
                + " of its forks) would count as another run");
        Path b4 = run(temp, "baseline", "b4", 1.0, r -> { });
        Path forks = run(temp, "baseline", "b5", 1.0, r -> r.get("engines").get(0).get("forks").forEach(f ->
                ((ObjectNode) f).put("forkId", f.get("forkId").asText().replace("-b5", "-b4"))));
        assertOneLine(call(GateCommand::run, "--baseline", list(b1, b4, forks), "--candidate", c.toString()), 2,
                " of " + b4 + " is also in " + forks + ", the same measurement");
        assertOneLine(call(CompareCommand::run, "--baseline", list(b1, b4, forks), c.toString()), 2,
                "the same measurement");
    }

    @Test
    void runsThatShareANameOrForkIdsButNotTheirMeasurementsAreDifferentRuns() throws IOException {
        // folders of one name in different places, as --out results/x/baseline gives; their forks named alike (as
        // ab names a side's forks by their pair) but measured apart
        Path x = run(temp.resolve("x"), "baseline", "baseline", 1.00, r -> { });
        Path y = run(temp.resolve("y"), "baseline", "baseline", 1.03, r -> r.get("engines").get(0).get("forks")
                .forEach(f -> ((ObjectNode) f).put("forkId", f.get("forkId").asText().replace("-baseline", "-x"))));
        Path z = run(temp.resolve("z"), "baseline", "baseline", 0.98, r -> { });
        Outcome gate = call(GateCommand::run, "--baseline", list(x, y, z), "--candidate", run("c", 1.0).toString());
        assertEquals(0, gate.exit(), gate.err() + gate.out());
        assertTrue(gate.out().startsWith("storebench gate: baseline runs " + x + ", " + y + ", " + z + "; candidate"
                + " run c\n"), gate.out());
    }

    @Test
    void everyRunMustAgreeWithTheFirstBaselineRun() throws IOException {
        Path b1 = run("b1", 1.00);
        Path b2 = run("b2", 1.03);
        Path b3 = run(temp, "baseline", "b3", 0.98, r -> ((ObjectNode) r.get("settings")).put("records", 5));
        Outcome gate = call(GateCommand::run, "--baseline", list(b1, b2, b3), "--candidate", run("c", 1.0)
                .toString());
        assertEquals(2, gate.exit(), gate.out());
        assertTrue(gate.out().contains("problem: different workload configuration: records is 2000 in baseline run b1"
                + " and 5 in baseline run b3"), gate.out());
    }

    @Test
    void oneBaselineRunSaysItsSpreadExcludesDrift() throws IOException {
        Path a = run("b1", 1.0);
        Path b = run("c", 1.0);
        Outcome gate = call(GateCommand::run, "--baseline", a.toString(), "--candidate", b.toString());
        assertEquals(0, gate.exit(), gate.err() + gate.out());
        String note = "one baseline run: the spread is fork to fork within each run and excludes run-to-run drift";
        assertTrue(gate.out().contains("note: " + note), gate.out());
        assertTrue(gate.out().contains("run `ab` (interleaved A/B runs in one invocation), or measure this gate's"
                + " false-positive rate on this host with `calibrate`"), gate.out());
        assertTrue(Files.readString(b.resolve("gate.md")).contains("Note: " + note), "gate.md");
        JsonNode verdict = JsonFiles.MAPPER.readTree(b.resolve("gate.json").toFile());
        assertEquals("fork-level", verdict.get("design").asText());
        assertTrue(verdict.get("spread").asText().startsWith(note), verdict.toString());
        assertTrue(verdict.get("spread").asText().contains("`ab`") && verdict.get("spread").asText()
                .contains("`calibrate`"));
        assertTrue(call(GateCommand::run, "--help").out().replaceAll("\\s+", " ")
                .contains("or a folder of run folders; at least 3) judge at the run level"));
    }

    @Test
    void compareJudgesEveryRunAgainstTheBaselineRuns() throws IOException {
        String baselines = list(run("b1", 1.00), run("b2", 1.03), run("b3", 0.98));
        Path c1 = run("c1", 1.01);
        Path c2 = run("c2", 3.0);
        Outcome compare = call(CompareCommand::run, "--baseline", baselines, c1.toString(), c2.toString(), "--metric",
                "p99");
        assertEquals(0, compare.exit(), compare.err());
        assertTrue(compare.out().startsWith("storebench compare: baseline runs b1, b2, b3; candidates c1, c2\n"),
                compare.out());
        assertEquals(2, compare.out().lines().filter(l -> l.startsWith("REGRESSED") && l.contains(" c2 ")).count(),
                compare.out());
        assertEquals(0, compare.out().lines().filter(l -> l.startsWith("REGRESSED") && l.contains(" c1 ")).count(),
                compare.out());
        assertTrue(compare.out().contains("note: 3 baseline runs: the spread is run to run"), compare.out());

        Outcome one = call(CompareCommand::run, "--baseline", c1.toString(), c2.toString(), "--metric", "p99");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().startsWith("storebench compare: baseline c1, candidate c2\n"), one.out());
        assertTrue(one.out().contains("note: one baseline run"), one.out());
        assertOneLine(call(CompareCommand::run, "--baseline", baselines), 2, "give one or more candidate RUNs after"
                + " --baseline");
        assertTrue(call(CompareCommand::run, "--help").out().replaceAll("\\s+", " ")
                .contains("every RUN is judged alone against the baseline runs at the run level"));
    }
}
