package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storebench.bench.io.JsonFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate end to end through the real jar: the same engine run twice passes; a candidate whose
 * tail was made worse on purpose ({@code --inject-tail}) fails with exit 1.
 */
class GateIT {
    @TempDir
    Path temp;

    private Path run(String name, String... extra) throws Exception {
        Path out = temp.resolve(name);
        // A fixed operation count, not a time: p99 needs 10^4 operations per fork, whatever the machine's speed.
        List<String> args = new ArrayList<>(List.of("run", "--engines", "sqlite", "--threads", "1", "--records",
                "2000", "--profile", "smoke", "--operations", "60000", "--out", out.toString()));
        args.addAll(List.of(extra));
        BenchmarksJar.Result result = BenchmarksJar.run(temp, args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err() + result.out());
        return out;
    }

    @Test
    void theSameEngineTwicePassesAndAnInjectedTailFails() throws Exception {
        Path baseline = run("baseline");
        Path again = run("again");
        // 2 % of operations delayed by 2 ms: p99 moves from tens of microseconds to milliseconds.
        Path tail = run("tail", "--inject-tail", "0.02:2ms");

        BenchmarksJar.Result same = BenchmarksJar.run(temp, "gate", "--baseline", baseline.toString(), "--candidate",
                again.toString());
        assertEquals(0, same.exitCode(), same.err() + same.out());
        assertTrue(same.out().contains("PASS: no regression"), same.out());

        BenchmarksJar.Result worse = BenchmarksJar.run(temp, "gate", "--baseline", baseline.toString(),
                "--candidate", tail.toString());
        assertEquals(1, worse.exitCode(), worse.err() + worse.out());
        JsonNode verdict = JsonFiles.MAPPER.readTree(tail.resolve("gate.json").toFile());
        assertEquals("FAIL", verdict.get("outcome").asText());
        assertEquals(1, verdict.get("exitCode").asInt());
        for (JsonNode key : verdict.get("keys")) {
            assertEquals("REGRESSED", key.get("verdict").asText(), key.toString());
            assertTrue(key.get("ratio").asDouble() > 10, key.toString());
        }
        assertEquals(2, verdict.get("keys").size(), "read and update p99");

        BenchmarksJar.Result compare = BenchmarksJar.run(temp, "compare", baseline.toString(), again.toString(),
                tail.toString(), "--metric", "p99");
        assertEquals(0, compare.exitCode(), compare.err());
        assertEquals(2, compare.out().lines().filter(l -> l.startsWith("REGRESSED") && l.contains(" tail ")).count(),
                compare.out());
    }
}
