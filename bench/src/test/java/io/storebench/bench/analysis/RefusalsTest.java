package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.AnalysisCommandsTest.call;
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
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code gate} and {@code compare} refuse instead of fixing, on copies of the committed gate
 * example (results/2026-11-23-gate-example: sqlite, 5 forks a run): forks listed twice, fractions in
 * integer fields, keys given twice, settings recorded on one side only, forks that did not run their
 * run's threads or durability, and a comparison of which no key could be compared.
 */
class RefusalsTest {
    static final Path EXAMPLE = Path.of("..", "results", "2026-11-23-gate-example");

    @TempDir
    Path temp;

    /** A copy of the example's {@code source} run.json, changed by {@code edit}, as folder {@code name}. */
    Path copy(String source, String name, Consumer<ObjectNode> edit) throws IOException {
        return copyText(source, name, edit, text -> text);
    }

    /** The same, with the written JSON text changed by {@code text} (what the tree API cannot write). */
    Path copyText(String source, String name, Consumer<ObjectNode> edit, UnaryOperator<String> text)
            throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder);
        ObjectNode run = (ObjectNode) JsonFiles.MAPPER.readTree(EXAMPLE.resolve(source).resolve("run.json").toFile());
        run.put("runId", name);
        edit.accept(run);
        Files.writeString(folder.resolve("run.json"), text.apply(JsonFiles.MAPPER.writeValueAsString(run)));
        return folder;
    }

    private static ObjectNode fork(ObjectNode run, int index) {
        return (ObjectNode) run.get("engines").get(0).get("forks").get(index);
    }

    private static ObjectNode latency(ObjectNode run, int fork, int operation) {
        return (ObjectNode) fork(run, fork).get("operations").get(operation).get("latency");
    }

    private static void assertOneLine(Outcome outcome, int exit, String contains) {
        assertEquals(exit, outcome.exit(), outcome.err() + outcome.out());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().contains(contains), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }

    private Outcome gate(Path baseline, Path candidate, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--baseline";
        args[1] = baseline.toString();
        args[2] = "--candidate";
        args[3] = candidate.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return call(GateCommand::run, args);
    }

    @Test
    void theExampleItselfPasses() throws IOException {
        Outcome same = gate(copy("baseline", "a", run -> { }), copy("again", "b", run -> { }));
        assertEquals(0, same.exit(), same.err() + same.out());
    }

    @Test
    void aForkListedTwiceIsRefused() throws IOException {
        Path a = copy("baseline", "a", run -> { });
        // three real forks listed twice: six "forks", past the minimum of five
        Path doubled = copy("again", "doubled", run -> {
            ArrayNode forks = (ArrayNode) run.get("engines").get(0).get("forks");
            forks.remove(4);
            forks.remove(3);
            for (int i = 0; i < 3; i++) {
                forks.add(forks.get(i).deepCopy());
            }
        });
        String id = JsonFiles.MAPPER.readTree(doubled.resolve("run.json").toFile()).get("engines").get(0).get("forks")
                .get(0).get("forkId").asText();
        String line = doubled.resolve("run.json") + ": fork " + id + " is listed twice (engine sqlite); every fork is"
                + " one sample and is listed once";
        assertOneLine(gate(a, doubled), 2, line);
        assertOneLine(call(CompareCommand::run, a.toString(), doubled.toString()), 2, line);

        Path across = copy("again", "across", run -> fork(run, 1).put("forkId", fork(run, 0).get("forkId").asText()));
        assertOneLine(gate(a, across), 2, "is listed twice (engine sqlite)");
        Path nameless = copy("again", "nameless", run -> fork(run, 2).remove("forkId"));
        assertOneLine(gate(a, nameless), 2, "nameless/run.json: a fork of sqlite has no 'forkId'");
    }

    @Test
    void aFractionInAnIntegerFieldIsRefusedNotTruncated() throws IOException {
        Path a = copy("baseline", "a", run -> { });
        Path fraction = copy("again", "fraction", run -> latency(run, 2, 0).put("p99", 2345.7));
        String line = fraction.resolve("run.json") + ": engines[0].forks[2].operations[0].latency.p99 is 2345.7; an"
                + " integer field takes a whole number written without a decimal point or exponent";
        assertOneLine(gate(a, fraction), 2, line);
        assertOneLine(call(CompareCommand::run, a.toString(), fraction.toString()), 2, line);

        // a whole number with a decimal point or an exponent is refused alike: the rule is the token, not its value
        Path point = copy("again", "point", run -> latency(run, 2, 0).put("p99", 2345.0));
        assertOneLine(gate(a, point), 2, "engines[0].forks[2].operations[0].latency.p99 is 2345.0; an integer field");
        Path exponent = copyText("again", "exponent", run -> latency(run, 1, 1).put("count", 123456789),
                text -> text.replace("123456789", "1.23456789E8"));
        assertOneLine(gate(a, exponent), 2, "engines[0].forks[1].operations[1].latency.count is 1.23456789E8;");
        Path load = copy("again", "load", run -> ((ObjectNode) fork(run, 0).get("load")).put("p99Nanos", 1.5));
        assertOneLine(gate(a, load), 2, "engines[0].forks[0].load.p99Nanos is 1.5;");

        // a fractional field (the mean, the throughput) written as an integer is a number like any other
        Path whole = copy("again", "whole", run -> {
            latency(run, 0, 0).put("mean", 12000);
            fork(run, 0).put("throughput", 50000);
        });
        assertEquals(0, gate(a, whole).exit());
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        Path a = copy("baseline", "a", run -> { });
        Path twice = copyText("again", "twice", run -> latency(run, 0, 1).put("p99", 424242),
                text -> text.replace("\"p99\" : 424242", "\"p99\" : 1, \"p99\" : 424242"));
        Outcome gate = gate(a, twice);
        assertOneLine(gate, 2, twice.resolve("run.json") + ": key 'p99' appears twice in"
                + " engines[0].forks[0].operations[1].latency (line ");
        assertTrue(gate.err().contains("; every key must appear once (a reader would keep the last)"), gate.err());
        assertOneLine(call(CompareCommand::run, a.toString(), twice.toString()), 2, "key 'p99' appears twice");

        Path top = copyText("again", "top", run -> { }, text -> text.replaceFirst("\\{", "{ \"complete\" : false,"));
        assertOneLine(gate(a, top), 2, "key 'complete' appears twice in ");
    }

    @Test
    void aSettingRecordedOnOneSideOnlyIsADifference() throws IOException {
        Path a = copy("baseline", "a", run -> { });
        Path absent = copy("again", "absent", run -> ((ObjectNode) run.get("settings")).putNull("distribution"));
        Outcome gate = gate(a, absent);
        assertEquals(2, gate.exit(), gate.out());
        assertTrue(gate.out().contains("problem: different workload configuration: distribution is"
                + " ycsb-zipfian(theta=0.99) in the baseline and absent in the candidate"), gate.out());
        Path missing = copy("again", "missing", run -> ((ObjectNode) run.get("settings")).remove("loop"));
        assertTrue(gate(missing, a).out().contains("problem: different workload configuration: loop is absent in the"
                + " baseline and closed in the candidate"));
    }

    @Test
    void aForkThatDidNotRunItsRunsThreadsOrDurabilityIsAProblem() throws IOException {
        Path a = copy("baseline", "a", run -> { });
        Path threads = copy("again", "threads", run -> fork(run, 3).put("threads", 2));
        Outcome gate = gate(a, threads);
        assertEquals(2, gate.exit(), gate.out());
        String id = fork((ObjectNode) JsonFiles.MAPPER.readTree(threads.resolve("run.json").toFile()), 3)
                .get("forkId").asText();
        assertTrue(gate.out().contains("problem: candidate run threads: fork " + id + " of sqlite ran 2 threads; the"
                + " run's settings say 1"), gate.out());
        Path strict = copy("again", "strict", run -> fork(run, 0).put("durability", "strict"));
        assertTrue(gate(a, strict).out().contains("of sqlite ran with durability strict; its engine says buffered"));
        // compare shows what would stop a gate as a note and compares the keys
        Outcome compare = call(CompareCommand::run, a.toString(), strict.toString());
        assertEquals(0, compare.exit(), compare.err());
        assertTrue(compare.out().contains("not compared: candidate run strict: fork "), compare.out());
    }

    @Test
    void theBaselineEnginesRunWithDurabilityNoneInABufferedRun() throws IOException {
        // the committed harness-cost runs: settings say buffered, the null engine and its forks ran none
        Path harness = Path.of("..", "results", "2026-11-23-harness-cost");
        JsonNode run = JsonFiles.MAPPER.readTree(harness.resolve("null-c").resolve("run.json").toFile());
        assertEquals("buffered", run.get("settings").get("durability").asText());
        assertEquals("none", run.get("engines").get(0).get("durability").asText());
        Outcome gate = gate(harness.resolve("null-c"), harness.resolve("null-c2"), "--out", temp.toString());
        assertFalse(gate.out().contains("durability"), gate.out());
        assertTrue(gate.exit() == 0 || gate.exit() == 1, gate.out());
    }

    @Test
    void compareRefusesRunsOfWhichNoKeyCouldBeCompared() throws IOException {
        Path a = copy("baseline", "a", run -> { });
        Path other = copy("again", "other", run -> {
            ((ObjectNode) run.get("engines").get(0)).put("engine", "lmdb");
            run.get("engines").get(0).get("forks").forEach(f -> ((ObjectNode) f).put("engine", "lmdb"));
        });
        assertOneLine(call(CompareCommand::run, a.toString(), other.toString(), "--metric", "p99"), 2,
                "storebench compare: no key could be compared: sqlite/ycsb-a/read/p99: only in the baseline (and 3"
                        + " more)");
        assertTrue(call(CompareCommand::run, "--help").out().replaceAll("\\s+", " ")
                .contains("or runs of which no key could be compared"));
        assertTrue(call(GateCommand::run, "--help").out().replaceAll("\\s+", " ")
                .contains("Refused, never fixed (exit 2)"));
    }
}
