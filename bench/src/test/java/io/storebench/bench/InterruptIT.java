package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted run (SIGTERM, as Ctrl-C's SIGINT) keeps what it finished, readable, and says what is missing. */
class InterruptIT {
    @TempDir
    Path temp;

    @Test
    void anInterruptedRunKeepsItsFinishedForks() throws Exception {
        Path out = temp.resolve("interrupted");
        Path systemTemp = Files.createDirectories(temp.resolve("system-tmp"));
        Leftovers before = Leftovers.count(temp, systemTemp);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + systemTemp, "-jar",
                BenchmarksJar.JAR.toAbsolutePath().toString(), "run", "--engines", "memory", "--records", "1000",
                "--forks", "20", "--warmup-iterations", "0", "--iterations", "1", "--iteration-time", "500ms",
                "--out", out.toString());
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(temp.resolve("output.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (forks(out) < 2 && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(100);
        }
        assertTrue(forks(out) >= 2, "two forks finished before the interrupt");
        process.destroy(); // SIGTERM: the shutdown hook records what finished
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run stops after the interrupt");

        RunRecord record = JsonFiles.read(out.resolve("run.json"), RunRecord.class);
        assertFalse(record.complete());
        int finished = record.engines().get(0).forks().size();
        assertTrue(finished >= 2 && finished < 20, "finished forks: " + finished);
        assertEquals(List.of("memory: " + (20 - finished) + " of 20 forks did not finish"), record.missing());
        assertTrue(Files.readString(out.resolve("report.md")).contains("INCOMPLETE"));
        assertFalse(Files.exists(out.resolve("data")), "no engine data left behind");
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "no half-written file");
        }
        // jmh.json is whole (it was left empty by JMH before): the finished forks, one row of raw data each
        com.fasterxml.jackson.databind.JsonNode jmh = JsonFiles.MAPPER.readTree(out.resolve("jmh.json").toFile());
        assertEquals(finished, jmh.get(0).get("primaryMetric").get("rawData").size(), jmh.toString());
        try (Stream<Path> logs = Files.list(out.resolve("hdr"))) {
            assertEquals(finished, logs.count(), "one whole log per finished fork, none of the stopped one");
        }
        assertFalse(Files.exists(out.resolve("tmp")), "no temporary file left");
        Leftovers.assertNoneLeftSince(before, temp, systemTemp);
    }

    private static long forks(Path out) throws Exception {
        Path forks = out.resolve("forks");
        if (!Files.isDirectory(forks)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(forks)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }
}
