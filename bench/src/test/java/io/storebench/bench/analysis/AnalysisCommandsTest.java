package io.storebench.bench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storebench.bench.io.JsonFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gate}, {@code compare} and {@code report} in process, on the committed default run
 * (3 engines, 5 forks each, with its hdr logs): bad input gets one line and its exit code, and
 * nothing is written.
 */
class AnalysisCommandsTest {
    static final Path DEFAULT_RUN = Path.of("..", "results", "20261123-231916-ycsb-a");

    @TempDir
    Path temp;

    record Outcome(int exit, String out, String err) {
    }

    interface Command {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    static Outcome call(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A copy of the default run's run.json (and hdr logs), changed by {@code edit}. */
    Path copy(String name, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder.resolve("hdr"));
        ObjectNode run = (ObjectNode) JsonFiles.MAPPER.readTree(DEFAULT_RUN.resolve("run.json").toFile());
        edit.accept(run);
        run.put("runId", name);
        JsonFiles.write(folder.resolve("run.json"), run);
        try (Stream<Path> logs = Files.list(DEFAULT_RUN.resolve("hdr"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, folder.resolve("hdr").resolve(log.getFileName()));
            }
        }
        return folder;
    }

    private static void assertOneLine(Outcome outcome, int exit, String contains) {
        assertEquals(exit, outcome.exit(), outcome.err() + outcome.out());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().contains(contains), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }

    @Test
    void aRunAgainstItselfPassesAndWritesBothVerdictFiles() throws IOException {
        Path a = copy("a", run -> { });
        Path b = copy("b", run -> { });
        Outcome gate = call(GateCommand::run, "--baseline", a.toString(), "--candidate", b.toString());
        assertEquals(0, gate.exit(), gate.err() + gate.out());
        assertTrue(gate.out().contains("rocksdb/ycsb-a/read/p99"), gate.out());
        assertEquals(6, gate.out().lines().filter(l -> l.matches("^(NO-CHANGE|INCONCLUSIVE).*/p99 .*")).count(),
                gate.out());
        assertTrue(gate.out().contains("PASS: no regression"), gate.out());
        JsonNode verdict = JsonFiles.MAPPER.readTree(b.resolve("gate.json").toFile());
        assertEquals("storebench.gate/2", verdict.get("schema").asText());
        assertEquals("PASS", verdict.get("outcome").asText());
        assertEquals(6, verdict.get("keys").size());
        assertEquals(1.0, verdict.get("keys").get(0).get("ratio").asDouble(), 1e-12);
        assertEquals(5, verdict.get("keys").get(0).get("baseline").get("values").size());
        assertTrue(Files.readString(b.resolve("gate.md")).startsWith("## ✅ StoreBench gate: PASS"));
    }

    @Test
    void aSlowerCandidateFailsTheGate() throws IOException {
        Path a = copy("a", run -> { });
        Path slow = copy("slow", run -> run.get("engines").forEach(engine -> engine.get("forks").forEach(fork ->
                fork.get("operations").forEach(operation -> {
                    ObjectNode latency = (ObjectNode) operation.get("latency");
                    latency.put("p99", latency.get("p99").asLong() * 2);
                }))));
        Outcome gate = call(GateCommand::run, "--baseline", a.toString(), "--candidate", slow.toString(), "--out",
                temp.resolve("verdict").toString());
        assertEquals(1, gate.exit(), gate.err() + gate.out());
        assertEquals(6, gate.out().lines().filter(l -> l.startsWith("REGRESSED")).count(), gate.out());
        assertTrue(gate.out().contains("+100% [+"), gate.out());
        assertTrue(Files.exists(temp.resolve("verdict").resolve("gate.json")));
        assertFalse(Files.exists(slow.resolve("gate.json")), "--out decides where the verdict goes");
    }

    @Test
    void incomparableRunsAndBadDataExitTwo() throws IOException {
        Path a = copy("a", run -> { });
        Path records = copy("records", run -> ((ObjectNode) run.get("settings")).put("records", 5));
        Outcome workload = call(GateCommand::run, "--baseline", a.toString(), "--candidate", records.toString());
        assertEquals(2, workload.exit(), workload.out());
        assertTrue(workload.out().contains("problem: different workload configuration: records is 100000 in the"
                + " baseline and 5 in the candidate"), workload.out());
        assertTrue(workload.out().contains("INVALID"), workload.out());

        Path host = copy("host", run -> ((ObjectNode) run.get("environment")).put("kernel", "Linux 5.10"));
        assertEquals(2, call(GateCommand::run, "--baseline", a.toString(), "--candidate", host.toString()).exit());
        assertEquals(0, call(GateCommand::run, "--baseline", a.toString(), "--candidate", host.toString(),
                "--allow-cross-host").exit());

        Path schema = copy("schema", run -> run.put("schema", "storebench.run/9"));
        assertOneLine(call(GateCommand::run, "--baseline", a.toString(), "--candidate", schema.toString()), 2,
                "has schema 'storebench.run/9'; this version reads storebench.run/1 and storebench.run/2");
        Path broken = temp.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("run.json"), "{\"schema\": ");
        assertOneLine(call(GateCommand::run, "--baseline", a.toString(), "--candidate", broken.toString()), 2,
                "is not a valid run.json");
        assertFalse(Files.exists(broken.resolve("gate.json")));
    }

    @Test
    void usageAndIoErrorsExitThree() throws IOException {
        Path a = copy("a", run -> { });
        assertOneLine(call(GateCommand::run, "--baseline", a.toString()), 3, "--candidate DIR is required");
        assertOneLine(call(GateCommand::run, "--baseline", a.toString(), "--candidate", a.toString(), "--floor",
                "150%"), 3, "--floor 150% is out of range; allowed: 0%..99%");
        assertOneLine(call(GateCommand::run, "--baseline", a.toString(), "--candidate", a.toString(), "--alpha",
                "1"), 3, "--alpha 1 is out of range; allowed: 0 < alpha < 1");
        assertOneLine(call(GateCommand::run, "--baseline", a.toString(), "--candidate", a.toString(), "--metric",
                "p95"), 3, "unknown metric 'p95'; allowed: p50, p99, p999, iter-p50, iter-p99, iter-p999, throughput");
        assertOneLine(call(GateCommand::run, "--baseline", temp.resolve("nowhere").toString(), "--candidate",
                a.toString()), 3, "nowhere does not exist");
        assertOneLine(call(GateCommand::run, "--baseline", a.toString(), "--candidate", a.toString(), "--bogus"),
                3, "unknown option '--bogus'");
        assertTrue(call(GateCommand::run, "--help").out().contains("Exit codes: 0 no regression"));
    }

    /**
     * {@code run} as an open-loop run at 20,000 ops/s whose rocksdb forks achieved {@code achieved}, its
     * saturation recorded as {@code run} records it, or left out as a run written before it was.
     */
    private static void openLoop(ObjectNode run, double achieved, boolean recorded) {
        ((ObjectNode) run.get("settings")).put("loop", "open").put("rate", 20_000.0);
        for (JsonNode engine : run.get("engines")) {
            List<io.storebench.stats.model.ForkResult> forks = new java.util.ArrayList<>();
            for (JsonNode fork : engine.get("forks")) {
                ((ObjectNode) fork).put("closedLoop", false).put("rate", 20_000.0);
                if (engine.get("engine").asText().equals("rocksdb")) {
                    ((ObjectNode) fork).put("throughput", achieved);
                }
                forks.add(JsonFiles.MAPPER.convertValue(fork, io.storebench.stats.model.ForkResult.class));
            }
            if (recorded) {
                ((ObjectNode) engine).set("saturation", JsonFiles.MAPPER.valueToTree(
                        io.storebench.stats.model.SaturationRule.of(forks)));
            }
        }
    }

    @Test
    void aSaturatedOpenLoopRunIsRefusedUnlessAllowedAndCompareNotesIt() throws IOException {
        Path kept = copy("kept", run -> openLoop(run, 19_990, true));
        Path saturated = copy("saturated", run -> openLoop(run, 11_731, true));
        Outcome refused = call(GateCommand::run, "--baseline", kept.toString(), "--candidate", saturated.toString());
        assertEquals(2, refused.exit(), refused.err() + refused.out());
        List<String> problems = refused.out().lines().filter(l -> l.startsWith("problem: ")).toList();
        assertEquals(List.of("problem: candidate run saturated: rocksdb is saturated: open-loop target 20,000 ops/s,"
                + " achieved 11,731 (58.7 %), 0.00 % of operations late: its latencies measure the queue, not the"
                + " engine; give --allow-saturated to compare it anyway"), problems, refused.out());
        assertTrue(refused.out().contains("INVALID: 1 problem(s) above"), refused.out());
        assertTrue(Files.readString(saturated.resolve("gate.md")).contains("- candidate run saturated: rocksdb is"
                + " saturated"));

        Outcome allowed = call(GateCommand::run, "--baseline", kept.toString(), "--candidate", saturated.toString(),
                "--allow-saturated");
        assertTrue(allowed.exit() == 0 || allowed.exit() == 1, allowed.err() + allowed.out());
        assertTrue(allowed.out().contains("warning: candidate run saturated: rocksdb is saturated: open-loop target"
                + " 20,000 ops/s, achieved 11,731 (58.7 %)"), allowed.out());
        assertTrue(allowed.out().contains("(allowed by --allow-saturated)"), allowed.out());
        assertFalse(allowed.out().contains("problem: "), allowed.out());

        // both kept their rate: nothing said
        Path again = copy("again", run -> openLoop(run, 19_990, true));
        Outcome quiet = call(GateCommand::run, "--baseline", kept.toString(), "--candidate", again.toString());
        assertEquals(0, quiet.exit(), quiet.out());
        assertFalse(quiet.out().contains("saturat"), quiet.out());

        Outcome compare = call(CompareCommand::run, kept.toString(), saturated.toString());
        assertEquals(0, compare.exit(), compare.err() + compare.out());
        assertTrue(compare.out().contains("note: SATURATED: candidate run saturated: rocksdb is saturated: open-loop"
                + " target 20,000 ops/s, achieved 11,731 (58.7 %)"), compare.out());
    }

    @Test
    void anOpenLoopRunWrittenBeforeSaturationWasRecordedIsOneNoteAndNeverRefused() throws IOException {
        Path old = copy("old", run -> openLoop(run, 11_731, false));
        Path kept = copy("kept", run -> openLoop(run, 19_990, true));
        Outcome gate = call(GateCommand::run, "--baseline", old.toString(), "--candidate", kept.toString());
        assertFalse(gate.out().contains("problem: "), gate.out());
        assertEquals(1, gate.out().lines().filter(l -> l.equals("warning: baseline run old ran open-loop at 20,000"
                + " ops/s and was written before saturation was recorded: whether rocksdb, lmdb, sqlite kept that"
                + " rate is not known")).count(), gate.out());
    }

    @Test
    void compareShowsEveryCandidateWithoutGating() throws IOException {
        Path a = copy("a", run -> { });
        Path b = copy("b", run -> { });
        Path slow = copy("slow", run -> run.get("engines").forEach(engine -> engine.get("forks").forEach(fork ->
                ((ObjectNode) fork).put("throughput", fork.get("throughput").asDouble() / 2))));
        Outcome compare = call(CompareCommand::run, a.toString(), b.toString(), slow.toString(), "--metric",
                "throughput");
        assertEquals(0, compare.exit(), compare.err());
        assertEquals(3, compare.out().lines().filter(l -> l.startsWith("REGRESSED") && l.contains(" slow ")).count(),
                compare.out());
        assertEquals(3, compare.out().lines().filter(l -> l.contains(" b ")).count(), compare.out());
        assertOneLine(call(CompareCommand::run, a.toString()), 2, "give at least two runs");
        assertTrue(call(CompareCommand::run, a.toString(), b.toString(), "--markdown").out()
                .contains("| verdict | key |"));
    }

    @Test
    void reportRanksTheEnginesAndDrawsTheCharts() throws IOException {
        Path a = copy("a", run -> { });
        Outcome report = call(ReportCommand::run, a.toString(), "--metric", "p99");
        assertEquals(0, report.exit(), report.err());
        String md = Files.readString(a.resolve("report.md"));
        assertTrue(md.contains("## Engine selection: ycsb-a, ranked by p99"), md);
        assertTrue(md.contains("| 1 | lmdb |") || md.contains("| 1 | rocksdb |"), md);
        assertTrue(md.contains("| rocksdb vs sqlite |") || md.contains("| lmdb vs sqlite |"), md);
        assertTrue(md.contains("| lmdb | B+tree over mmap"), md);
        assertTrue(md.contains("proxy: /proc/self/io wchar"), md);
        String html = Files.readString(a.resolve("report.html"));
        assertEquals(4, html.split("<svg ", -1).length - 1, "throughput, 2 percentile charts, timeline");
        assertTrue(html.contains("data-chart=\"timeline\""));
        assertEquals(6 + 15, html.split("data-series=\"[a-z]+\" d=\"M", -1).length - 1,
                "3 engines x 2 operations by percentile, and 3 engines x 5 forks over time");
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "self-contained: no link out");
        assertOneLine(call(ReportCommand::run), 2, "give the run folder first");
        assertOneLine(call(ReportCommand::run, a.toString(), "--metric", "p99,p50"), 2, "takes one metric");
    }
}
