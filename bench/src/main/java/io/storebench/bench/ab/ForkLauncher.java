package io.storebench.bench.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one fork of one side: {@code java -jar JAR run SHARED... SIDE... --forks 1 --out DIR} in a
 * new JVM, its output to a log file beside the fork's run folder. One at a time; {@link #stop}
 * ends the one running (Ctrl-C on {@code ab}), which {@code run} answers by keeping what it
 * finished.
 */
final class ForkLauncher {
    /** How a fork ended. */
    record Outcome(int exitCode, double seconds, String failureLine) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path workingDirectory;
    private Process current;
    private boolean stopped;

    ForkLauncher(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** The command line of one fork of {@code side}. */
    List<String> command(SideSpec side, List<String> shared, Path out) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", side.jar().toAbsolutePath().toString(),
                "run"));
        command.addAll(shared);
        command.addAll(side.args());
        command.addAll(List.of("--forks", "1", "--out", out.toAbsolutePath().toString()));
        return command;
    }

    /**
     * Runs the fork and waits for it.
     *
     * @throws InterruptedException once {@link #stop} was called: no fork starts after it
     */
    Outcome launch(SideSpec side, List<String> shared, Path out, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        long start = System.nanoTime();
        Process process;
        synchronized (this) { // stop() either sees this fork or prevents it
            if (stopped) {
                throw new InterruptedException("stopped");
            }
            process = new ProcessBuilder(command(side, shared, out)).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            current = process;
        }
        try {
            int exit = process.waitFor();
            return new Outcome(exit, (System.nanoTime() - start) / 1e9, exit == 0 ? "" : failureLine(log));
        } finally {
            synchronized (this) {
                current = null;
            }
        }
    }

    /**
     * Stops the running fork, if any, and starts no other: SIGTERM first, which {@code run} answers
     * by stopping its JMH fork and keeping what it finished; after 30 s the fork's whole tree is
     * killed.
     */
    void stop() {
        Process process;
        synchronized (this) {
            stopped = true;
            process = current;
        }
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a failed fork's log says: its first line naming a failure, or else its last line. */
    static String failureLine(Path log) throws IOException {
        // decoded leniently: a byte that is not UTF-8 (a JVM's message in another locale) becomes U+FFFD
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        for (String line : lines) {
            if (FAILURE.matcher(line).find()) {
                return line.strip();
            }
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "(no output)";
    }

    private static final Pattern FAILURE = Pattern.compile(
            "(?i)\\b(failed|error|exception|refused|cannot|interrupted)\\b");
}
