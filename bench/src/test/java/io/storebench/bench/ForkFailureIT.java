package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkFailure;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fork that fails costs that fork, never the run (issue #15): the run goes on with the next fork
 * and engine, records why the fork failed, says "N of M forks failed", writes every file whole or
 * not at all, and leaves no process, temporary file or data behind. Each run's JVM gets a
 * {@code java.io.tmpdir} of the test's own (its forks inherit it unless the run gives them
 * another), so what a run leaves there is counted exactly and JMH's lock is this test's.
 */
class ForkFailureIT {
    @TempDir
    Path temp;

    @Test
    void aForkKilledWithSigkillIsRecordedWithWhyAndTheRunGoesOnLeavingNothingBehind() throws Exception {
        Path systemTemp = Files.createDirectories(temp.resolve("system-tmp"));
        Path out = temp.resolve("killed");
        assertEquals(List.of(), names(systemTemp));
        Leftovers before = Leftovers.count(temp, systemTemp);
        BenchmarksJar.Running run = BenchmarksJar.start(temp, Map.of(), List.of("-Djava.io.tmpdir=" + systemTemp),
                "run", "--engines", "rocksdb,memory", "--records", "2000", "--forks", "3", "--warmup-iterations", "0",
                "--iterations", "2", "--iteration-time", "1s", "--out", out.toString());
        run.awaitOutput("storebench: loaded rocksdb", Duration.ofMinutes(2)); // rocksdb's first fork has its store open
        List<ProcessHandle> forks = forks(run);
        assertEquals(1, forks.size(), "one fork at a time: " + forks);
        ProcessHandle killed = forks.get(0);
        assertFalse(names(systemTemp).stream().anyMatch(n -> n.startsWith("librocksdbjni")), names(systemTemp).toString());
        assertTrue(Files.isDirectory(out.resolve("data")), "the fork's store is open");
        killed.destroyForcibly(); // SIGKILL, as kill -9
        BenchmarksJar.Result result = run.finish();

        assertEquals(1, result.exitCode(), result.err() + result.out());
        assertTrue(result.err().contains("storebench: rocksdb: fork 1 of 3 failed: killed by SIGKILL (exit code 137);"
                + " the run goes on"), result.err());
        assertTrue(result.err().contains("storebench: rocksdb: 1 of 3 forks failed: fork 1 killed by SIGKILL"
                + " (exit code 137)"), result.err());
        assertFalse(result.err().contains("Benchmark caught the exception"), result.err());
        assertTrue(result.out().contains("# Fork: 3 of 3"), "the run went on with the next forks: " + result.out());

        RunRecord record = JsonFiles.read(out.resolve("run.json"), RunRecord.class);
        assertFalse(record.complete());
        assertEquals(List.of("rocksdb: 1 of 3 forks failed"), record.missing());
        EngineRun rocksdb = record.engines().get(0);
        assertEquals(2, rocksdb.forks().size(), "the other two forks of the engine ran");
        assertEquals(1, rocksdb.failedForks().size());
        ForkFailure failure = rocksdb.failedForks().get(0);
        assertEquals(1, failure.fork());
        assertEquals(137, failure.exitCode());
        assertEquals("SIGKILL", failure.signal());
        assertNull(failure.exception(), "a killed JVM throws nothing");
        assertEquals("killed by SIGKILL (exit code 137)", failure.why());
        assertTrue(failure.lastLines().stream().anyMatch(l -> l.contains("storebench: loaded rocksdb")),
                "its last lines: " + failure.lastLines());
        EngineRun memory = record.engines().get(1);
        assertEquals(3, memory.forks().size(), "the next engine ran in full");
        assertEquals(List.of(), memory.failedForks());

        // Every file is complete or absent: jmh.json holds both engines' finished forks; the
        // killed fork's partial log is gone; the last line lists what exists.
        JsonNode jmh = JsonFiles.MAPPER.readTree(out.resolve("jmh.json").toFile());
        assertEquals(2, jmh.size(), jmh.toString());
        assertEquals("rocksdb", jmh.get(0).get("params").get("engine").asText());
        assertEquals(4, jmh.get(0).get("primaryMetric").get("rawData").get(0).size()
                + jmh.get(0).get("primaryMetric").get("rawData").get(1).size(), "two forks of two iterations");
        assertEquals(5, names(out.resolve("hdr")).size(), "one log per finished fork: " + names(out.resolve("hdr")));
        assertEquals(5, names(out.resolve("forks")).size());
        assertTrue(result.out().contains("storebench: run folder " + out + " (run.json, report.md, report.html, hdr/,"
                + " jmh.json)"), result.out());

        // Nothing left: no process, no data, no temporary file (JMH's lock file stays, as JMH leaves it).
        assertFalse(killed.isAlive());
        Leftovers.assertNoneLeftSince(before, temp, systemTemp);
        assertEquals(List.of("jmh.lock"), names(systemTemp), "no temporary file left");
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void anOutOfMemoryErrorCostsItsForkAndARunWithoutResultsListsOnlyWhatItWrote() throws Exception {
        Path systemTemp = Files.createDirectories(temp.resolve("system-tmp"));
        Path out = temp.resolve("oom");
        Leftovers before = Leftovers.count(temp, systemTemp);
        BenchmarksJar.Running run = BenchmarksJar.start(temp, Map.of(), List.of("-Djava.io.tmpdir=" + systemTemp),
                "run", "--engines", "memory", "--records", "10000", "--value-size", "1000", "--insert", "1", "--forks", "2",
                "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "5s", "--jvm-args", "-Xmx96m",
                "--out", out.toString());
        BenchmarksJar.Result result = run.finish();

        assertEquals(1, result.exitCode(), result.err() + result.out());
        // The fork's JVM runs out of heap inserting, cannot even send the error, prints it and exits 1.
        assertTrue(result.err().contains("storebench: memory: fork 2 of 2 failed: exit code 1: java.lang.OutOfMemoryError"),
                "both forks ran, and failed: " + result.err());
        assertTrue(result.err().contains("storebench: memory: 2 of 2 forks failed"), result.err());
        RunRecord record = JsonFiles.read(out.resolve("run.json"), RunRecord.class);
        assertEquals(List.of("memory: 2 of 2 forks failed"), record.missing());
        for (ForkFailure failure : record.engines().get(0).failedForks()) {
            assertNull(failure.signal());
            assertEquals(1, failure.exitCode());
            assertTrue(failure.exception().startsWith("java.lang.OutOfMemoryError"), failure.exception());
            assertTrue(failure.lastLines().stream().anyMatch(l -> l.contains("storebench: loading 10,000 records")),
                    failure.lastLines().toString());
        }
        assertFalse(Files.exists(out.resolve("jmh.json")), "no fork finished: no jmh.json, not an empty one");
        assertFalse(Files.exists(out.resolve("hdr")));
        assertTrue(result.out().contains("storebench: run folder " + out + " (run.json, report.md, report.html)\n"),
                result.out());
        Leftovers.assertNoneLeftSince(before, temp, systemTemp);
        assertEquals(List.of("jmh.lock"), names(systemTemp), "no temporary file left");
    }

    /** A second run while one runs is refused in one line (exit 2), leaving nothing; the first is not disturbed. */
    @Test
    void aSecondRunAtTheSameTimeIsRefusedAtItsStart() throws Exception {
        Path systemTemp = Files.createDirectories(temp.resolve("system-tmp"));
        Path first = temp.resolve("first");
        Leftovers before = Leftovers.count(temp, systemTemp);
        BenchmarksJar.Running running = BenchmarksJar.start(temp, Map.of(), List.of("-Djava.io.tmpdir=" + systemTemp),
                "run", "--engines", "memory", "--records", "1000", "--forks", "4", "--warmup-iterations", "0",
                "--iterations", "1", "--iteration-time", "3s", "--out", first.toString());
        running.awaitOutput("# Fork: 1 of 4", Duration.ofMinutes(1));

        Path second = temp.resolve("second");
        BenchmarksJar.Result refused = BenchmarksJar.start(temp, Map.of(), List.of("-Djava.io.tmpdir=" + systemTemp),
                "run", "--engines", "memory", "--records", "1000", "--forks", "1", "--out", second.toString()).finish();
        assertEquals(2, refused.exitCode(), refused.err() + refused.out());
        assertEquals(List.of("storebench run: another benchmark is running on this machine (it holds JMH's lock "
                + systemTemp.resolve("jmh.lock") + "); two at once disturb each other's timings: wait for it to end, or"
                + " give java -Djmh.ignoreLock=true -jar ... to run anyway"), refused.err().lines().toList());
        assertFalse(Files.exists(second), "a refused run leaves no folder");

        // JMH's own switch runs anyway, beside it.
        Path anyway = temp.resolve("anyway");
        BenchmarksJar.Result concurrent = BenchmarksJar.start(temp, Map.of(), List.of("-Djava.io.tmpdir=" + systemTemp,
                "-Djmh.ignoreLock=true"), "run", "--engines", "memory", "--records", "1000", "--forks", "1",
                "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "200ms", "--out",
                anyway.toString()).finish();
        assertEquals(0, concurrent.exitCode(), concurrent.err() + concurrent.out());
        assertTrue(running.process().isAlive(), "the first run was still running beside it");

        BenchmarksJar.Result result = running.finish();
        assertEquals(0, result.exitCode(), result.err() + result.out());
        assertTrue(JsonFiles.read(first.resolve("run.json"), RunRecord.class).complete());
        Leftovers.assertNoneLeftSince(before, temp, systemTemp);
    }

    /** The fork JVMs of a running {@code benchmarks.jar}. */
    private static List<ProcessHandle> forks(BenchmarksJar.Running run) {
        return run.process().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.openjdk.jmh.runner.ForkedMain")).toList();
    }

    private static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
