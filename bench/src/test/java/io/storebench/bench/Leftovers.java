package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a failure path may leave behind, counted before and after it (issue #15): processes whose
 * command line names the test's folder (a run's forks, etcd members and database servers all name
 * their run folder), files in the {@code java.io.tmpdir} given to the run (JMH's lock file aside:
 * JMH leaves it, as every JMH run does), data and temporary directories anywhere in the test's
 * folder, and this JVM's threads named by the harness ({@code storebench...}).
 *
 * @param processes "pid command line" of each process naming the folder
 * @param temporaryFiles names in the system temporary directory
 * @param dataDirectories directories named {@code data} or {@code tmp}, relative to the folder
 * @param threads live threads of this JVM whose name starts with {@code storebench}
 */
public record Leftovers(List<String> processes, List<String> temporaryFiles, List<String> dataDirectories,
        List<String> threads) {
    private static final long PROCESS_GRACE_MILLIS = 10_000;

    /** Counts what is there now under {@code folder}, and in {@code systemTemp} (null: none given). */
    public static Leftovers count(Path folder, Path systemTemp) {
        String marker = folder.toAbsolutePath().toString();
        List<String> processes = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).sorted().toList();
        List<String> temporaryFiles = systemTemp == null ? List.of()
                : list(systemTemp).filter(p -> !p.getFileName().toString().equals("jmh.lock"))
                        .map(p -> p.getFileName().toString()).sorted().toList();
        List<String> dataDirectories;
        try (Stream<Path> paths = Files.walk(folder)) {
            dataDirectories = paths.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().equals("data") || p.getFileName().toString().equals("tmp"))
                    .map(p -> folder.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> threads = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith("storebench")).sorted().toList();
        return new Leftovers(processes, temporaryFiles, dataDirectories, threads);
    }

    /**
     * Asserts that, under {@code folder}, nothing is left that was not there in {@code before}.
     * Processes get a grace of 10 s to be reaped: a killed tree dies child by child.
     */
    public static void assertNoneLeftSince(Leftovers before, Path folder, Path systemTemp) throws InterruptedException {
        Leftovers after = count(folder, systemTemp);
        long deadline = System.currentTimeMillis() + PROCESS_GRACE_MILLIS;
        while (!after.processes().equals(before.processes()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            after = count(folder, systemTemp);
        }
        assertEquals(before.processes(), after.processes(), "no process left");
        assertEquals(before.temporaryFiles(), after.temporaryFiles(), "no temporary file left");
        assertEquals(before.dataDirectories(), after.dataDirectories(), "no data or temporary directory left");
        assertEquals(before.threads(), after.threads(), "no harness thread left");
    }

    private static Stream<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
