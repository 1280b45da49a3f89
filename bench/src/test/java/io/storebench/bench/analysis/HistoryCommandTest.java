package io.storebench.bench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storebench.bench.analysis.AnalysisCommandsTest.Outcome;
import io.storebench.bench.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history} in process, on series of run folders made from the committed typed run (rocksdb
 * and lmdb on ycsb-c, 5 forks each): every fork's latencies scaled by the run's factor (and its
 * throughput divided by it), {@code createdAt} one day apart. The runs are named against their
 * time order, so that only createdAt can put them in order.
 */
class HistoryCommandTest {
    private static final Path TYPED_RUN = Path.of("..", "results", "2026-12-01-typed-run");
    /** Small run-to-run wiggle around a level: 1 %, well under the 5 % floor. */
    private static final double[] WIGGLE = {1.0, 1.01, 0.99, 1.005, 0.995, 1.0, 1.01, 0.99, 1.005};

    @TempDir
    Path temp;

    private static Outcome history(String... args) {
        return AnalysisCommandsTest.call(HistoryCommand::run, args);
    }

    /** The typed run as run {@code name}, created on day {@code day}, lmdb's and rocksdb's values scaled. */
    private static Path run(Path folder, String name, int day, double lmdb, double rocksdb,
            Consumer<ObjectNode> edit) throws IOException {
        ObjectNode run = (ObjectNode) JsonFiles.MAPPER.readTree(TYPED_RUN.resolve("run.json").toFile());
        for (JsonNode engine : run.get("engines")) {
            double factor = engine.get("engine").asText().equals("lmdb") ? lmdb : rocksdb;
            for (JsonNode fork : engine.get("forks")) {
                ((ObjectNode) fork).put("throughput", fork.get("throughput").asDouble() / factor);
                for (JsonNode operation : fork.get("operations")) {
                    ((ObjectNode) operation).put("throughput", operation.get("throughput").asDouble() / factor);
                    ObjectNode latency = (ObjectNode) operation.get("latency");
                    for (String percentile : List.of("p50", "p90", "p99", "p999", "max")) {
                        if (latency.has(percentile)) {
                            latency.put(percentile, Math.round(latency.get(percentile).asDouble() * factor));
                        }
                    }
                }
            }
        }
        run.put("runId", name);
        run.put("createdAt", String.format("2026-12-%02dT03:00:00.123456789Z", day));
        edit.accept(run);
        Path directory = folder.resolve(name);
        JsonFiles.write(directory.resolve("run.json"), run);
        return directory;
    }

    /**
     * A folder of runs, one per level (times a little wiggle), for both engines unless {@code lmdbOnly};
     * run {@code i} (from 1, the oldest) is named {@code night-(n + 1 - i)}.
     */
    private Path series(String name, boolean lmdbOnly, double... levels) throws IOException {
        Path folder = temp.resolve(name);
        for (int i = 0; i < levels.length; i++) {
            double factor = levels[i] * WIGGLE[i % WIGGLE.length];
            run(folder, "night-" + (levels.length - i), i + 1, factor, lmdbOnly ? WIGGLE[i % WIGGLE.length] : factor,
                    r -> { });
        }
        return folder;
    }

    private static void assertOneLine(Outcome outcome, int exit, String contains) {
        assertEquals(exit, outcome.exit(), outcome.err() + outcome.out());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("storebench history: "), outcome.err());
        assertTrue(outcome.err().contains(contains), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aRegressionAtTheNewestRunExitsOneAndIsChartedAndWritten() throws IOException {
        Path series = series("series", false, 1, 1, 1, 1, 1.3, 1.3, 1.3);
        Path out = temp.resolve("out");
        Outcome history = history(series.toString(), "--out", out.toString(), "--metric", "p99,throughput");
        assertEquals(1, history.exit(), history.err() + history.out());
        assertEquals("", history.err());
        String text = history.out();
        assertTrue(text.startsWith("storebench history: 7 runs of ycsb-c, oldest first by createdAt: night-7"
                + " (2026-12-01 03:00 UTC) to night-1 (2026-12-07 03:00 UTC)\n"), text);
        assertTrue(text.contains("max p 0.001, min magnitude 5%, at least 3 runs each side"), text);
        assertTrue(text.contains("lmdb/ycsb-c/read/p99: 1 change point; newest segment"), text);
        assertEquals(4, text.lines().filter(l -> l.matches("\\s+5\\s+night-3\\s+2026-12-05 03:00 .*[+-]\\d.*"
                + " REGRESSED")).count(), "p99 and throughput of both engines regress at run 5:\n" + text);
        assertTrue(text.contains(" → "), text);
        assertTrue(text.contains("FAIL: the newest run night-1 is after a regression of"), text);
        assertTrue(text.contains("rocksdb/ycsb-c/all/throughput (-23"), text);
        assertTrue(text.endsWith("history.md and history.json; exit 1\n"), text);

        JsonNode json = JsonFiles.MAPPER.readTree(out.resolve("history.json").toFile());
        assertEquals("storebench.history/1", json.get("schema").asText());
        assertEquals("FAIL", json.get("outcome").asText());
        assertEquals(1, json.get("exitCode").asInt());
        assertEquals(7, json.get("runs").size());
        assertEquals("night-7", json.get("runs").get(0).get("runId").asText());
        assertEquals(4, json.get("keys").size());
        assertEquals(4, json.get("regressedAtNewest").size());
        JsonNode key = json.get("keys").get(0);
        assertEquals("rocksdb/ycsb-c/read/p99", key.get("key").asText());
        assertEquals(7, key.get("values").size());
        assertEquals(5, key.get("forks").get(0).asInt());
        JsonNode point = key.get("changePoints").get(0);
        assertEquals(5, point.get("run").asInt());
        assertEquals("night-3", point.get("runId").asText());
        assertEquals("REGRESSED", point.get("verdict").asText());
        assertEquals(1.3, point.get("ratio").asDouble(), 0.02);
        assertTrue(point.get("p").asDouble() <= 0.001, point.toString());
        assertEquals(2, key.get("segments").size());
        assertEquals(5, key.get("segments").get(1).get("fromRun").asInt());
        assertEquals(7, key.get("segments").get(1).get("toRun").asInt());

        String html = Files.readString(out.resolve("history.html"));
        assertEquals(4, count(html, "<svg "), "one chart per key");
        assertEquals(4, count(html, "data-chart=\"history\""));
        for (String chart : html.split("<svg ")) {
            if (chart.contains("data-chart=\"history\"")) {
                assertEquals(1, count(chart, "data-series=\"regression\""), "the change point marked: " + chart);
                assertEquals(2, count(chart, "data-series=\"segment mean\""), chart);
                assertTrue(chart.contains("REGRESSED at run 5 night-3"), "the band's tooltip");
            }
        }
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http://"), "self-contained");
        String md = Files.readString(out.resolve("history.md"));
        assertTrue(md.startsWith("# StoreBench history: ycsb-c, 7 runs"), md);
        assertTrue(md.contains("open `history.html`") && !md.contains("report.html"), md);
        assertTrue(md.contains("| 5 | night-3 | 2026-12-05 03:00 |"), md);
        assertFalse(Files.exists(out.resolve(".history.json.tmp")), "written atomically, no leftovers");
    }

    @Test
    void anImprovementAtTheNewestRunExitsZero() throws IOException {
        Outcome history = history(series("series", false, 1.3, 1.3, 1.3, 1.3, 1, 1, 1).toString(), "--out",
                temp.resolve("out").toString());
        assertEquals(0, history.exit(), history.err() + history.out());
        assertEquals(2, history.out().lines().filter(l -> l.matches("\\s+5\\s+night-3 .* IMPROVED")).count(),
                history.out());
        assertTrue(history.out().contains("PASS: the newest run night-1 is not after a regression (2 keys, 2 change"
                + " points: 0 regressed, 2 improved)"), history.out());
        JsonNode json = JsonFiles.MAPPER.readTree(temp.resolve("out").resolve("history.json").toFile());
        assertEquals("PASS", json.get("outcome").asText());
        assertEquals("IMPROVED", json.get("keys").get(0).get("latest").asText());
        String html = Files.readString(temp.resolve("out").resolve("history.html"));
        assertEquals(2, count(html, "data-series=\"improvement\""), "marked as improvements");
        assertEquals(0, count(html, "data-series=\"regression\""));
    }

    @Test
    void aRegressionSinceRecoveredExitsZeroAndBothChangesAreShown() throws IOException {
        String runs = series("series", false, 1, 1, 1, 1.3, 1.3, 1.3, 1, 1, 1).toString();
        Outcome diluted = history(runs, "--out", temp.resolve("out").toString());
        assertEquals(0, diluted.exit(), diluted.err() + diluted.out());
        assertTrue(diluted.out().contains("(2 keys, 0 change points"), "three runs up, then down again: against"
                + " the whole rest of the series neither side is one level, and nothing is significant: "
                + diluted.out());
        Outcome history = history(runs, "--out", temp.resolve("out").toString(), "--window", "3");
        assertEquals(0, history.exit(), history.err() + history.out());
        assertTrue(history.out().contains("lmdb/ycsb-c/read/p99: 2 change points; newest segment"), history.out());
        assertEquals(2, history.out().lines().filter(l -> l.matches("\\s+4\\s+night-6 .* REGRESSED")).count(),
                history.out());
        assertEquals(2, history.out().lines().filter(l -> l.matches("\\s+7\\s+night-3 .* IMPROVED")).count(),
                history.out());
        assertTrue(history.out().contains("(2 keys, 4 change points: 2 regressed, 2 improved)"), history.out());
    }

    @Test
    void oneEnginesRegressionFailsAndTheOtherKeyHasNoChangePoint() throws IOException {
        Outcome history = history(series("series", true, 1, 1, 1, 1, 1, 1.2, 1.2, 1.2).toString(), "--out",
                temp.resolve("out").toString());
        assertEquals(1, history.exit(), history.err() + history.out());
        assertTrue(history.out().contains("rocksdb/ycsb-c/read/p99: no change point; 8 runs at"), history.out());
        assertTrue(history.out().contains("lmdb/ycsb-c/read/p99: 1 change point; newest segment"), history.out());
        assertTrue(history.out().contains("is after a regression of lmdb/ycsb-c/read/p99 (+"), history.out());
        String html = Files.readString(temp.resolve("out").resolve("history.html"));
        assertEquals(2, count(html, "<svg "));
        assertEquals(1, count(html, "data-series=\"regression\""));
        assertTrue(html.contains("No change point over the 8 runs."), html);
    }

    @Test
    void runFoldersMayBeGivenOneByOneInAnyOrder() throws IOException {
        Path series = series("series", false, 1, 1, 1, 1.3, 1.3, 1.3);
        List<String> args = new ArrayList<>();
        for (String name : List.of("night-3", "night-1", "night-6", "night-2", "night-5", "night-4")) {
            args.add(series.resolve(name).toString());
        }
        args.set(1, series.resolve("night-1").resolve("run.json").toString()); // a run.json reads as its run
        args.addAll(List.of("--out", temp.resolve("out").toString()));
        Outcome history = history(args.toArray(String[]::new));
        assertEquals(1, history.exit(), history.err() + history.out());
        assertTrue(history.out().contains("oldest first by createdAt: night-6"), history.out());
    }

    @Test
    void aRunOfAnotherExperimentIsRefusedWithOneLineNamingItAndTheSetting() throws IOException {
        Path series = series("series", false, 1, 1, 1, 1, 1, 1);
        run(series, "odd", 9, 1, 1, r -> ((ObjectNode) r.get("settings")).put("records", 5));
        Outcome history = history(series.toString(), "--out", temp.resolve("out").toString());
        assertOneLine(history, 2, "run odd is another experiment than the first run night-6: records is 5 there and"
                + " 20000 in the first; a history takes runs of the same workload settings only");
        assertFalse(Files.exists(temp.resolve("out")), "nothing written");

        Path threads = series("threads", false, 1, 1, 1, 1, 1, 1);
        run(threads, "odd", 9, 1, 1, r -> ((ObjectNode) r.get("settings")).put("threads", 8).put("durability",
                "strict"));
        assertOneLine(history(threads.toString(), "--out", temp.resolve("out").toString()), 2,
                "threads is 8 there and 2 in the first, durability is strict there and buffered in the first");

        Path fingerprint = series("fingerprint", false, 1, 1, 1, 1, 1, 1);
        run(fingerprint, "odd", 9, 1, 1, r -> ((ObjectNode) r.get("engines").get(1).get("forks").get(2))
                .put("workloadFingerprint", "0123456789abcdef"));
        assertOneLine(history(fingerprint.toString(), "--out", temp.resolve("out").toString()), 2,
                "run odd: lmdb ran a workload of fingerprint 0123456789abcdef, run night-6 one of ");
    }

    @Test
    void anotherMachineIsRefusedUnlessAllowed() throws IOException {
        Path series = series("series", false, 1, 1, 1, 1, 1, 1);
        run(series, "moved", 9, 1, 1, r -> ((ObjectNode) r.get("environment")).put("kernel", "Linux 5.10"));
        assertOneLine(history(series.toString(), "--out", temp.resolve("out").toString()), 2,
                "run moved ran on another machine than the first run night-6: kernel 'Linux 5.10' vs");
        Outcome allowed = history(series.toString(), "--out", temp.resolve("out").toString(), "--allow-cross-host");
        assertEquals(0, allowed.exit(), allowed.err() + allowed.out());
        assertTrue(allowed.out().contains("warning: run moved ran on another machine than the first run night-6:"
                + " kernel 'Linux 5.10' vs"), allowed.out());
        assertTrue(allowed.out().contains("(allowed by --allow-cross-host)"), allowed.out());
    }

    @Test
    void tooFewRunsMissingKeysAndRepeatedRunsExitTwo() throws IOException {
        assertOneLine(history(series("five", false, 1, 1, 1, 1, 1).toString(), "--out", temp.resolve("out")
                .toString()), 2, "a history needs at least 6 runs (3 on each side of a change point); got 5");

        Path missing = series("missing", false, 1, 1, 1, 1, 1, 1);
        run(missing, "rocksdb-only", 9, 1, 1, r -> {
            ArrayNode engines = (ArrayNode) r.get("engines");
            for (int i = engines.size() - 1; i >= 0; i--) {
                if (engines.get(i).get("engine").asText().equals("lmdb")) {
                    engines.remove(i);
                }
            }
        });
        assertOneLine(history(missing.toString(), "--out", temp.resolve("out").toString()), 2,
                "run rocksdb-only has no lmdb/ycsb-c/read/p99, which the first run night-6 has");

        Path twice = series("twice", false, 1, 1, 1, 1, 1, 1);
        assertOneLine(history(twice.toString(), twice.resolve("night-2").toString(), "--out",
                temp.resolve("out").toString()), 2, "run night-2 is given twice");

        Path undated = series("undated", false, 1, 1, 1, 1, 1, 1);
        run(undated, "undated", 9, 1, 1, r -> r.put("createdAt", "yesterday"));
        assertOneLine(history(undated.toString(), "--out", temp.resolve("out").toString()), 2,
                "run undated has createdAt 'yesterday', not an ISO-8601 time");

        Path broken = series("broken", false, 1, 1, 1, 1, 1, 1);
        run(broken, "schema", 9, 1, 1, r -> r.put("schema", "storebench.run/9"));
        assertOneLine(history(broken.toString(), "--out", temp.resolve("out").toString()), 2,
                "has schema 'storebench.run/9'");
        assertFalse(Files.exists(temp.resolve("out")), "nothing written");
    }

    @Test
    void badOptionsAndMissingFoldersExitThreeWithOneLine() throws IOException {
        String runs = series("series", false, 1, 1, 1, 1, 1, 1).toString();
        assertOneLine(history(), 3, "give the runs: history DIR...");
        assertOneLine(history(runs, "--max-pvalue", "0"), 3, "--max-pvalue 0 is out of range; allowed: 0 < P < 1");
        assertOneLine(history(runs, "--max-pvalue", "1"), 3, "--max-pvalue 1 is out of range; allowed: 0 < P < 1");
        assertOneLine(history(runs, "--max-pvalue", "often"), 3, "--max-pvalue 'often' is not a number");
        assertOneLine(history(runs, "--min-magnitude", "100%"), 3,
                "--min-magnitude 100% is out of range; allowed: 0%..99%");
        assertOneLine(history(runs, "--min-magnitude", "-1%"), 3, "--min-magnitude -1% is out of range");
        assertOneLine(history(runs, "--min-magnitude", "big"), 3, "--min-magnitude 'big' is not a percentage");
        assertOneLine(history(runs, "--window", "2"), 3, "--window 2 is out of range; allowed: 3 or more");
        assertOneLine(history(runs, "--window", "wide"), 3, "--window 'wide' is not a whole number");
        assertOneLine(history(runs, "--metric", "p95"), 3, "unknown metric 'p95'; allowed: p50, p99, p999, iter-p50, iter-p99, iter-p999, throughput");
        assertOneLine(history(runs, "--window"), 3, "--window needs a value");
        assertOneLine(history(runs, "--bogus"), 3, "unknown option '--bogus'; known: --allow-cross-host, --help,"
                + " --max-pvalue, --metric, --min-magnitude, --out, --window");
        assertOneLine(history(temp.resolve("nowhere").toString()), 3, "nowhere does not exist");
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertOneLine(history(empty.toString()), 3, "has no run.json and no run folders in it");
        Path blocked = temp.resolve("file");
        Files.writeString(blocked, "not a folder");
        assertOneLine(history(runs, "--out", blocked.toString()), 3, "cannot write history.html");
    }

    @Test
    void optionsChangeWhatIsFound() throws IOException {
        String runs = series("series", false, 1, 1, 1, 1, 1.03, 1.03, 1.03, 1.03).toString();
        Outcome floor = history(runs, "--out", temp.resolve("a").toString());
        assertEquals(0, floor.exit(), floor.err() + floor.out());
        assertTrue(floor.out().contains("(2 keys, 0 change points"), "3 % is under the 5 % floor: " + floor.out());
        Outcome lower = history(runs, "--out", temp.resolve("b").toString(), "--min-magnitude", "2%",
                "--max-pvalue", "0.01", "--window", "4");
        assertEquals(1, lower.exit(), lower.err() + lower.out());
        assertTrue(lower.out().contains("window 4, max p 0.01, min magnitude 2%"), lower.out());
    }

    @Test
    void otherFoldersBesideTheRunsAreNotedNotRead() throws IOException {
        Path series = series("series", false, 1, 1, 1, 1, 1, 1);
        Files.createDirectories(series.resolve("notes"));
        Outcome history = history(series.toString(), "--out", temp.resolve("out").toString());
        assertEquals(0, history.exit(), history.err() + history.out());
        assertTrue(history.out().contains("note: " + series.resolve("notes") + " has no run.json: not a run, not"
                + " read"), history.out());
    }

    @Test
    void theCommittedNullEngineRunsAreASeriesWithoutAChangePointAtTheDefaults() throws IOException {
        Path results = Path.of("..", "results");
        Path out = temp.resolve("out");
        Outcome history = history(results.resolve("2026-11-23-harness-cost/null-c").toString(),
                results.resolve("2026-11-23-harness-cost/null-c2").toString(),
                results.resolve("2026-11-23-harness-cost/null-c3").toString(),
                results.resolve("2026-11-24-failure-window-cost").toString(), "--metric", "p99,p50,throughput",
                "--out", out.toString());
        assertEquals(0, history.exit(), history.err() + history.out());
        assertTrue(history.out().startsWith("storebench history: 7 runs of ycsb-c, oldest first by createdAt: null-c"
                + " (2026-11-23 22:57 UTC) to new-2 (2026-11-24 01:07 UTC)"), history.out());
        assertTrue(history.out().contains("(3 keys, 0 change points"), history.out());
        JsonNode runs = JsonFiles.MAPPER.readTree(out.resolve("history.json").toFile()).get("runs");
        List<String> order = new ArrayList<>();
        runs.forEach(run -> order.add(run.get("runId").asText()));
        assertEquals(List.of("null-c", "null-c2", "null-c3", "old-1", "new-1", "old-2", "new-2"), order,
                "by createdAt, not by folder");

        assertOneLine(history(results.resolve("2026-11-23-gate-example").toString(), "--out", out.toString()), 2,
                "a history needs at least 6 runs (3 on each side of a change point); got 3");
        assertOneLine(history(results.resolve("2026-11-23-harness-cost").toString(), "--out", out.toString()), 2,
                "is another experiment than the first run null-1");
    }

    @Test
    void helpNamesTheMethodTheDefaultsAndTheExitCodes() {
        Outcome help = history("--help");
        assertEquals(0, help.exit(), help.err());
        String words = help.out().replaceAll("\\s+", " ");
        for (String part : List.of("storebench history", "--max-pvalue", "--min-magnitude", "--window",
                "--allow-cross-host", "--out", "[history in the current directory]", "[0.001, as Otava]", "[5%]", "Welch's t on the log values",
                "at least 3 runs on each side", "Exit codes: 0 no key's newest segment follows a regression, 1",
                "3 usage or I/O error")) {
            assertTrue(words.contains(part), part + " in: " + help.out());
        }
    }
}
