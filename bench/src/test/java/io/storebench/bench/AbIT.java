package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storebench.bench.io.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ab} end to end through the real jar, on the memory baseline: two identical sides pass
 * (exit 0), a candidate made slower on purpose ({@code --memory-extra-latency-ns}) fails (exit 1),
 * a side whose forks fail has its pairs dropped and replaced, and the sides are run folders that
 * {@code report} and {@code compare} read.
 */
class AbIT {
    @TempDir
    Path temp;

    /** Short forks: 6 pairs of 0.2 s warm-up and 2 x 0.3 s measurement, a million operations a second. */
    private BenchmarksJar.Result ab(Path out, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("ab", "--engines", "memory", "--workload", "ycsb-c", "--records",
                "5000", "--threads", "1", "--profile", "smoke", "--warmup-time", "200ms", "--iteration-time", "300ms",
                "--pairs", "6", "--calibration", temp.resolve("none.json").toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return BenchmarksJar.run(temp, args.toArray(String[]::new));
    }

    @Test
    void identicalSidesPassAndTheSidesAreRuns() throws Exception {
        Path out = temp.resolve("same");
        BenchmarksJar.Result same = ab(out);
        assertEquals(0, same.exitCode(), same.err() + same.out());
        assertEquals(6, same.out().lines().filter(l -> l.startsWith("ab: pair ")).count(), same.out());
        assertTrue(same.out().contains("design: paired"), same.out());
        JsonNode gate = JsonFiles.MAPPER.readTree(out.resolve("gate.json").toFile());
        assertEquals("PASS", gate.get("outcome").asText());
        assertEquals("paired", gate.get("keys").get(0).get("design").asText());
        assertEquals("exact", gate.get("keys").get(0).get("permutation").asText());
        JsonNode ab = JsonFiles.MAPPER.readTree(out.resolve("ab.json").toFile());
        assertEquals(6, ab.get("completedPairs").asInt());
        long baselineFirst = 0;
        for (JsonNode pair : ab.get("pairs")) {
            baselineFirst += pair.get("first").asText().equals("baseline") ? 1 : 0;
        }
        assertEquals(3, baselineFirst, "as many baseline-first as candidate-first pairs");
        JsonNode side = JsonFiles.MAPPER.readTree(out.resolve("baseline/run.json").toFile());
        assertEquals(6, side.get("engines").get(0).get("forks").size());
        assertEquals("memory-p01", side.get("engines").get(0).get("forks").get(0).get("forkId").asText());
        assertTrue(Files.exists(out.resolve("baseline/hdr/memory-p01.hlog")));
        JsonNode read = side.get("engines").get(0).get("forks").get(0).get("operations").get(0);
        assertEquals(2, read.get("iterations").size(), "one latency summary per measurement iteration: " + read);
        long iterationCounts = 0;
        for (JsonNode iteration : read.get("iterations")) {
            iterationCounts += iteration.get("count").asLong();
        }
        assertEquals(read.get("latency").get("count").asLong(), iterationCounts, "the iterations add up to the fork");

        BenchmarksJar.Result report = BenchmarksJar.run(temp, "report", out.resolve("candidate").toString());
        assertEquals(0, report.exitCode(), report.err());
        BenchmarksJar.Result compare = BenchmarksJar.run(temp, "compare", out.resolve("baseline").toString(),
                out.resolve("candidate").toString(), "--metric", "p99,iter-p99");
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().contains("memory/ycsb-c/read/iter-p99"), compare.out());
    }

    @Test
    void aSlowerCandidateFails() throws Exception {
        Path out = temp.resolve("slower");
        // 5 us per operation on a map read of well under 1 us: p99 several times the baseline's
        BenchmarksJar.Result slower = ab(out, "--candidate-args", "--memory-extra-latency-ns 5000");
        assertEquals(1, slower.exitCode(), slower.err() + slower.out());
        JsonNode gate = JsonFiles.MAPPER.readTree(out.resolve("gate.json").toFile());
        assertEquals("FAIL", gate.get("outcome").asText());
        assertEquals("REGRESSED", gate.get("keys").get(0).get("verdict").asText());
        assertTrue(gate.get("keys").get(0).get("ratio").asDouble() > 2, gate.toString());
        assertTrue(String.join("\n", gate.findValuesAsText("warnings")).isEmpty()
                || gate.get("warnings").toString().contains("extra-latency-ns=5000"), gate.toString());
    }

    @Test
    void aSideWhoseForksFailHasItsPairsDroppedAndReplaced() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.jar"), "not a jar: java -jar fails with exit 1");
        Path out = temp.resolve("broken");
        BenchmarksJar.Result result = ab(out, "--candidate-jar", broken.toString());
        assertEquals(2, result.exitCode(), result.err() + result.out());
        assertTrue(result.out().contains("ab: pair 1 dropped: the candidate fork failed (exit 1"), result.out());
        assertTrue(result.out().contains("pair 7 added"), result.out());
        assertTrue(result.out().contains("no replacement (at most 6 replacements)"), result.out());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith("storebench ab: no pair finished: every pair lost a fork (the candidate fork failed"), result.err());
    }

    @Test
    void runOptionsRunRefusesAreRefusedBeforeAnyFork() throws Exception {
        Path out = temp.resolve("refused");
        BenchmarksJar.Result result = ab(out, "--candidate-args", "--memory-extra-latency-ns -5");
        assertEquals(2, result.exitCode(), result.err() + result.out());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("with --candidate-args:") && result.err().contains("-5"), result.err());
        assertTrue(!Files.exists(out.resolve("forks")), "no fork ran");
    }
}
