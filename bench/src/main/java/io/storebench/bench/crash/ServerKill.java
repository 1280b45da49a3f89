package io.storebench.bench.crash;

import io.storebench.engine.Capability;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.server.KeptData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The crash of a remote engine: not its client, its server. The writer opens the engine with
 * {@value KeptData#OPTION}{@code =true}, so the store starts its managed server (the etcd member,
 * PostgreSQL, MariaDB) as the writer's child process, in the trial's folder, and the server's data
 * outlives it; at the seeded moment the server's whole process tree (PostgreSQL's postmaster with
 * its backends and background processes) is stopped with SIGSTOP, so that it forks nothing more,
 * and killed with SIGKILL; the writer, whose next call then fails, is given {@link #WRITER_GRACE}
 * to end before it is killed too. The verifier opens the engine with the same option, which
 * restarts the server on the same data: it recovers as after any crash.
 */
final class ServerKill {
    /** How long the writer may take to end on its own once its server is gone. */
    static final Duration WRITER_GRACE = Duration.ofSeconds(2);
    /** The managed servers' programs, as they appear among the writer's child processes. */
    static final Set<String> SERVER_PROGRAMS = Set.of("etcd", "postgres", "mariadbd");

    private ServerKill() {
    }

    /** Whether {@code provider} is checked by killing its server: remote, and its managed server can keep its data. */
    static boolean applies(EngineProvider provider) {
        return provider.capabilities().contains(Capability.REMOTE)
                && provider.options().stream().anyMatch(option -> option.name().equals(KeptData.OPTION));
    }

    /** The engine options both children open {@code provider} with. */
    static Map<String, String> options(EngineProvider provider) {
        return applies(provider) ? Map.of(KeptData.OPTION, "true") : Map.of();
    }

    /**
     * Kills the writer's managed server (SIGSTOP, then SIGKILL to its process tree), waits until it
     * is gone, then gives the writer {@link #WRITER_GRACE} to end on its own (the caller kills it
     * after that). Returns what was killed, e.g. {@code postgres (pid 123) and 6 child processes}.
     *
     * @throws TrialRunner.Failed if the writer has no server child
     */
    static String kill(Process writer) throws TrialRunner.Failed, InterruptedException {
        List<ProcessHandle> servers = writer.children().filter(ServerKill::isServer).toList();
        if (servers.isEmpty()) {
            throw new TrialRunner.Failed("no server process (" + String.join(", ", SERVER_PROGRAMS.stream().sorted()
                    .toList()) + ") among the writer's child processes");
        }
        List<String> killed = new ArrayList<>();
        for (ProcessHandle server : servers) {
            killed.add(killTree(server));
        }
        writer.waitFor(WRITER_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        return String.join("; ", killed);
    }

    private static boolean isServer(ProcessHandle process) {
        Optional<String> command = process.info().command();
        return command.isPresent() && SERVER_PROGRAMS.contains(Path.of(command.get()).getFileName()
                .toString());
    }

    private static String killTree(ProcessHandle server) throws InterruptedException {
        String name = server.info().command().map(c -> Path.of(c).getFileName().toString())
                .orElse("server");
        stop(server);
        List<ProcessHandle> tree = new ArrayList<>(server.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        tree.add(server);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // a process that does not die of SIGKILL in 10 s: the check that nothing is left says so
            }
        }
        int children = tree.size() - 1;
        return name + " (pid " + server.pid() + ")" + (children == 0 ? ""
                : " and " + children + " child process" + (children == 1 ? "" : "es"));
    }

    /** SIGSTOP, so that a server about to fork (PostgreSQL starting a backend) leaves no child behind. */
    private static void stop(ProcessHandle server) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(server.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill program: SIGKILL alone, children first
        }
    }
}
