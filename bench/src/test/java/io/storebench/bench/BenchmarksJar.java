package io.storebench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code target/benchmarks.jar} in a new JVM, as a user would. */
final class BenchmarksJar {
    static final Path JAR = Path.of("target", "benchmarks.jar");

    record Result(int exitCode, String out, String err) {
    }

    /** A started {@code benchmarks.jar}: its output goes to files the test can read while it runs. */
    static final class Running {
        private final Process process;
        private final Path out;
        private final Path err;
        private final String description;

        private Running(Process process, Path out, Path err, String description) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.description = description;
        }

        /** Waits until standard output holds {@code text}; fails when the process ends first or time runs out. */
        void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.readString(out, StandardCharsets.UTF_8).contains(text)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(description + " ended before printing '" + text + "': "
                            + Files.readString(err, StandardCharsets.UTF_8) + Files.readString(out, StandardCharsets.UTF_8));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(description + " did not print '" + text + "' in " + timeout);
                }
                Thread.sleep(50);
            }
        }

        /** The jar's JVM: its descendants are the run's forks. */
        ProcessHandle process() {
            return process.toHandle();
        }

        /** What it has printed on standard output so far. */
        String outputSoFar() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        /** Waits for the process (10 minutes at most) and returns its exit code and output. */
        Result finish() throws IOException, InterruptedException {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(description + " did not finish in 10 minutes");
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        }
    }

    private BenchmarksJar() {
    }

    static Result run(Path workingDirectory, String... args) throws IOException, InterruptedException {
        return start(workingDirectory, Map.of(), args).finish();
    }

    /** Runs {@code mainClass} from the jar's class path (a library's tool shaded into it), as a user would. */
    static Result runClass(Path workingDirectory, String mainClass, String... args)
            throws IOException, InterruptedException {
        return launch(workingDirectory, Map.of(), List.of("-cp", JAR.toAbsolutePath().toString(), mainClass), args)
                .finish();
    }

    /** Starts the jar with {@code environment} added to this JVM's environment. */
    static Running start(Path workingDirectory, Map<String, String> environment, String... args) throws IOException {
        return start(workingDirectory, environment, List.of(), args);
    }

    /**
     * Starts the jar with {@code environment} added to this JVM's environment and {@code jvmFlags} before {@code -jar}.
     * Unless the flags give one, the jar gets a {@code java.io.tmpdir} of the test's own ({@code jar-tmp} in the
     * working directory), so that JMH's lock there is the test's: another benchmark running on the machine does
     * not refuse it (the lock itself is tested with a shared one, in {@code ForkFailureIT}).
     */
    static Running start(Path workingDirectory, Map<String, String> environment, List<String> jvmFlags, String... args)
            throws IOException {
        List<String> launch = new ArrayList<>(jvmFlags);
        if (jvmFlags.stream().noneMatch(flag -> flag.startsWith("-Djava.io.tmpdir="))) {
            launch.add(0, "-Djava.io.tmpdir=" + Files.createDirectories(workingDirectory.resolve("jar-tmp")));
        }
        launch.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        return launch(workingDirectory, environment, launch, args);
    }

    private static Running launch(Path workingDirectory, Map<String, String> environment, List<String> launch,
            String... args) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: integration tests run after package");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(launch);
        command.addAll(List.of(args));
        Path out = Files.createTempFile("benchmarks-jar", ".out");
        Path err = Files.createTempFile("benchmarks-jar", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new Running(builder.start(), out, err, "benchmarks.jar " + String.join(" ", args));
    }
}
