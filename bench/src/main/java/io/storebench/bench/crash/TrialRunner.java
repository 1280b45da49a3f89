package io.storebench.bench.crash;

import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineRegistry;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one crash trial: starts the writer ({@link CrashChild} {@code write}) in a fresh JVM,
 * records its acknowledgements from its standard output as they come, kills its whole process
 * tree with SIGKILL ({@link ProcessHandle#destroyForcibly()} on Linux) {@code delay} milliseconds after
 * the store opened, then starts the verifier ({@link CrashChild} {@code verify}) in another fresh
 * JVM on the same data and reads its findings. For a remote engine the writer's managed server is
 * killed first ({@link ServerKill}).
 *
 * <p>Every child runs with its own temporary folder (engines unpack their native libraries there,
 * and a killed JVM leaves them behind), removed after the trial.
 */
final class TrialRunner {
    /** How long a writer may take to open its store, and a verifier to finish. */
    private static final long READY_SECONDS = 120;
    private static final long VERIFY_SECONDS = 600;

    /** A trial that could not be run: a child that did not start, or a writer that ended on its own. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What one trial did; {@code server} is the server killed ({@link ServerKill}), empty when the
     * writer itself was; {@code moment} what the kill landed during.
     */
    record Outcome(long killedAfterMillis, String server, KillMoment moment, Findings findings) {
    }

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));

    /**
     * Runs a trial of {@code target} (whose directory must not exist yet) in {@code folder}, killing
     * the writer {@code delayMillis} after it opened the store, or, when {@code aimed}, at the first
     * table-file write seen after that ({@link TableFileWatch}).
     */
    Outcome run(CrashChild.Target target, long delayMillis, boolean aimed, Path folder) throws Failed, IOException,
            InterruptedException {
        Path temporary = Files.createDirectories(folder.resolve("tmp"));
        boolean remote = ServerKill.applies(EngineRegistry.discover().provider(target.engine()));
        try {
            Process writer = start(command("write", target, temporary, List.of()), folder.resolve("writer.log"));
            AckReader acks = new AckReader(writer.getInputStream());
            Thread reading = new Thread(acks, "crashcheck-acks");
            reading.setDaemon(true);
            reading.start();
            long killedAfter;
            String server = "";
            KillMoment moment;
            try {
                if (!acks.ready.await(READY_SECONDS, TimeUnit.SECONDS)) {
                    throw new Failed("the writer did not open the store in " + READY_SECONDS + " s: "
                            + lastLine(folder.resolve("writer.log")));
                }
                if (!acks.opened) {
                    writer.waitFor(10, TimeUnit.SECONDS);
                    throw new Failed("the writer ended before opening the store: "
                            + lastLine(folder.resolve("writer.log")));
                }
                long opened = System.nanoTime();
                TableFileWatch watch = TableFileWatch.of(target.engine(), target.directory());
                boolean hit = watch.awaitKill(opened, delayMillis, aimed, writer);
                if (!writer.isAlive()) {
                    throw new Failed("the writer ended on its own, exit " + writer.exitValue() + ": "
                            + lastLine(folder.resolve("writer.log")));
                }
                long killNanos = System.nanoTime();
                killedAfter = (killNanos - opened) / 1_000_000;
                if (remote) {
                    server = ServerKill.kill(writer);
                }
                kill(writer);
                moment = watch.afterKill(aimed, hit, killNanos);
            } finally {
                kill(writer);
            }
            reading.join(TimeUnit.SECONDS.toMillis(30));
            if (acks.problem != null) {
                throw new Failed("the writer's acknowledgements are out of order: " + acks.problem);
            }
            return new Outcome(killedAfter, server, moment, verify(target, acks.acknowledged, temporary, folder));
        } finally {
            DataDirectory.delete(temporary);
        }
    }

    /** Starts the verifier on the writer's data and reads its findings. */
    private Findings verify(CrashChild.Target target, long acknowledged, Path temporary, Path folder)
            throws Failed, IOException, InterruptedException {
        Path log = folder.resolve("verifier.log");
        Path output = folder.resolve("verifier.out");
        Process verifier;
        try {
            verifier = new ProcessBuilder(command("verify", target, temporary, List.of(Long.toString(acknowledged))))
                    .redirectError(log.toFile()).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new Failed("cannot start " + java + ": " + e.getMessage());
        }
        if (!verifier.waitFor(VERIFY_SECONDS, TimeUnit.SECONDS)) {
            kill(verifier);
            throw new Failed("the verifier did not finish in " + VERIFY_SECONDS + " s");
        }
        for (String line : new String(Files.readAllBytes(output), StandardCharsets.UTF_8).lines().toList()) {
            Findings findings = CrashChild.parse(line);
            if (findings != null) {
                return findings;
            }
        }
        // A verifier that died without its findings (a crash inside the engine's open or reads)
        // is the store failing to open cleanly: a finding, with the reason.
        WriteStream.Op inFlight = new CrashJudge(target.seed(), target.keys(), acknowledged).inFlight();
        return Findings.failedOpen(acknowledged, CrashJudge.describe(inFlight),
                inFlight.kind() == WriteStream.Kind.BATCH, "the verifier exited with code " + verifier.exitValue()
                        + " without findings: " + lastLine(log));
    }

    private List<String> command(String mode, CrashChild.Target target, Path temporary, List<String> more) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + temporary.toAbsolutePath(), "-cp", classPath, CrashChild.class.getName(), mode));
        command.addAll(target.arguments());
        command.addAll(more);
        return command;
    }

    private static Process start(List<String> command, Path log) throws Failed {
        try {
            return new ProcessBuilder(command).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new Failed("cannot start " + command.get(0) + ": " + e.getMessage());
        }
    }

    /**
     * SIGKILL to the process's descendants, then to it; waits until it is gone. Through its
     * {@link ProcessHandle}: {@link Process#destroyForcibly()} also closes the pipes, and the
     * acknowledgements still in the pipe would be lost with them (the writer would seem to have
     * applied writes it never acknowledged).
     */
    static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            return lines.stream().filter(line -> line.contains("Exception") || line.contains("rror")).findFirst()
                    .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1)).strip();
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Reads the writer's standard output: {@code ready}, then {@code a 0}, {@code a 1}, ... Only a
     * whole line (ended by a newline) counts: a line cut by the kill was never acknowledged.
     */
    static final class AckReader implements Runnable {
        /** Counted down at {@code ready}, or at the end of the output when none came. */
        final CountDownLatch ready = new CountDownLatch(1);
        private final InputStream in;
        volatile boolean opened;
        volatile long acknowledged;
        volatile String problem;

        AckReader(InputStream in) {
            this.in = new BufferedInputStream(in, 1 << 16);
        }

        @Override
        public void run() {
            StringBuilder line = new StringBuilder();
            try (in) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (b == '\n') {
                        accept(line.toString());
                        line.setLength(0);
                    } else {
                        line.append((char) b);
                    }
                }
            } catch (IOException e) {
                // the pipe broke with the kill: what was read is what was acknowledged
            } finally {
                ready.countDown();
            }
        }

        /** One whole line: {@code ready}, an acknowledgement, or something a library printed (ignored). */
        void accept(String line) {
            if (line.equals(CrashChild.READY)) {
                opened = true;
                ready.countDown();
            } else if (line.startsWith(CrashChild.ACK) && problem == null) {
                long seq;
                try {
                    seq = Long.parseLong(line.substring(CrashChild.ACK.length()));
                } catch (NumberFormatException e) {
                    return; // not ours
                }
                if (seq != acknowledged) {
                    problem = "acknowledgement of op #" + seq + " after " + acknowledged + " acknowledged ops";
                } else {
                    acknowledged = seq + 1;
                }
            }
        }
    }
}
