package io.storebench.engine.sql;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.ServerDeath;
import io.storebench.engine.StoreException;
import io.storebench.engine.server.DeathWatch;
import io.storebench.engine.server.LoopbackPorts;
import io.storebench.engine.server.ServerLog;
import io.storebench.engine.server.StopOnce;
import io.storebench.engine.server.Stopping;
import io.storebench.engine.server.Watchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL or MariaDB server, run as a child process on a free loopback port with its
 * data, its log and its own Unix socket in a folder under the store's data directory: what a SQL
 * engine starts when it is given no {@code url}, and what the tests start.
 *
 * <p>{@link #start} initializes the data directory, starts the server and returns once it accepts
 * a JDBC connection; if that fails, everything it made is stopped and removed before it throws, with
 * the log's last error line in the message (the log itself is removed with the rest). Nothing outlives the server: {@link #close()} stops it
 * (its clean fast shutdown, then SIGKILL after 30 s) and removes the folder; a JVM shutdown hook
 * does the same on Ctrl-C; and a {@link Watchdog} shell kills it and removes the folder when the
 * JVM is gone without running its hooks. Started with {@code keepData}, it keeps its folder in all
 * three cases, and a data directory that exists is started on as it is (no initialization; the
 * server recovers it as after any crash), for crash checks.
 */
final class ManagedServer implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Linux's limit on a Unix socket's path (108 bytes with the terminating NUL), with room for the file name. */
    private static final int MAX_SOCKET_DIRECTORY = 80;

    private final ServerRecipe recipe;
    private final boolean keepData;
    private final Path root;
    private final int port;
    private final Path log;
    private final StopOnce stopping;
    private final DeathWatch deaths = new DeathWatch();
    private volatile Process process;
    private volatile Watchdog watchdog;

    private ManagedServer(ServerRecipe recipe, boolean keepData, Path root, int port) {
        this.recipe = recipe;
        this.keepData = keepData;
        this.root = root;
        this.port = port;
        this.log = root.resolve(recipe.name() + ".log");
        this.stopping = new StopOnce("storebench-" + recipe.name() + "-shutdown", this::stopAndRemove);
    }

    /**
     * Initializes and starts the server in {@code directory/NAME-server}, waiting up to
     * {@code startTimeout} for it to accept a connection.
     *
     * @param keepData keep the folder when the server stops, and start on its data directory
     *     without initializing it if it exists
     * @throws ConfigurationException if its programs cannot be run
     * @throws StoreException if it exits or does not accept connections in time
     */
    static ManagedServer start(ServerRecipe recipe, Path directory, Duration startTimeout) {
        return start(recipe, directory, startTimeout, false);
    }

    static ManagedServer start(ServerRecipe recipe, Path directory, Duration startTimeout, boolean keepData) {
        Path root = directory.resolve(recipe.name() + "-server").toAbsolutePath();
        StoreException lastFailure = null;
        for (int attempt = 1; attempt <= 3; attempt++) { // a port taken between choosing and binding: retry
            if (!keepData) {
                DataDirectory.delete(root); // a crashed run's server: its data is ours and stale
            }
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new ConfigurationException(recipe.name() + ": cannot create " + root + ": " + e.getMessage(), e);
            }
            ManagedServer server = new ManagedServer(recipe, keepData, root, LoopbackPorts.free(recipe.name(), 1)[0]);
            try {
                server.launch(startTimeout);
                return server;
            } catch (RuntimeException e) {
                server.close();
                if (e instanceof PortTakenException taken && attempt < 3) {
                    lastFailure = taken;
                    continue;
                }
                throw e;
            }
        }
        throw lastFailure;
    }

    /**
     * The connections a managed server allows for {@code threads} benchmark threads: a store keeps
     * one per thread that used it until it closes, and the load phase's threads are others than the
     * measurement's, so twice the threads, plus the store's own and room for the tests and a
     * watching {@code psql}.
     */
    static int connectionLimit(int threads) {
        return 2 * threads + 10;
    }

    /** The server's JDBC URL, without parameters. */
    String jdbcUrl() {
        return recipe.jdbcUrl(port);
    }

    String user() {
        return recipe.user();
    }

    /** The server process, for its CPU time. */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** The folder that holds the server's data and log (removed at close). */
    Path root() {
        return root;
    }

    /** The server's data directory, inside {@link #root()}. */
    Path dataDirectory() {
        return root.resolve("data");
    }

    /** The server, when it ended after it started and before {@link #close()} stopped it. */
    List<ServerDeath> deaths() {
        return deaths.deaths();
    }

    /** Stops the server and removes its folder; idempotent. */
    @Override
    public void close() {
        stopping.close();
    }

    // ---------------------------------------------------------------- start

    private void launch(Duration startTimeout) {
        Path data = dataDirectory();
        Path sockets = root.resolve("socket");
        boolean socket = sockets.toString().length() <= MAX_SOCKET_DIRECTORY;
        try {
            if (socket) {
                Files.createDirectories(sockets);
            }
        } catch (IOException e) {
            throw new ConfigurationException(recipe.name() + ": cannot create " + sockets + ": " + e.getMessage(), e);
        }
        stopping.register();
        if (!(keepData && Files.isDirectory(data))) {
            initialize(data);
        }
        process = run(recipe.serverCommand(root, data, socket ? sockets : null, port), log);
        watchdog = Watchdog.start(recipe.name(), List.of(process.pid()), root, !keepData);
        awaitConnection(startTimeout);
        deaths.watch("managed server", process, log);
    }

    private void initialize(Path data) {
        Path initLog = root.resolve(recipe.name() + "-init.log");
        Process init = run(recipe.initializeCommand(data), initLog);
        try {
            if (!init.waitFor(STOP_GRACE.toMillis() * 4, TimeUnit.MILLISECONDS)) {
                init.destroyForcibly();
                throw new StoreException(recipe.name() + ": initializing " + data + " took over "
                        + STOP_GRACE.toSeconds() * 4 + " s; its log said: " + ServerLog.lastError(initLog));
            }
        } catch (InterruptedException e) {
            init.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StoreException(recipe.name() + ": interrupted while initializing " + data, e);
        }
        if (init.exitValue() != 0) {
            throw new StoreException(recipe.name() + ": " + recipe.initializeCommand(data).get(0) + " exited with code "
                    + init.exitValue() + "; its log said: " + ServerLog.lastError(initLog));
        }
    }

    private Process run(List<String> command, Path output) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new ConfigurationException(recipe.name() + ": cannot run '" + command.get(0) + "' (" + e.getMessage()
                    + "); " + recipe.installHint(), e);
        }
    }

    private void awaitConnection(Duration startTimeout) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Properties properties = new Properties();
        properties.setProperty("user", recipe.user());
        if (recipe.password() != null) {
            properties.setProperty("password", recipe.password());
        }
        SQLException last = null;
        while (true) {
            if (!process.isAlive()) {
                String line = ServerLog.lastError(log);
                String message = recipe.name() + ": the server exited with code " + process.exitValue()
                        + " while starting; its log said: " + line;
                throw recipe.portTaken(line) ? new PortTakenException(message) : new StoreException(message);
            }
            try (Connection ignored = DriverManager.getConnection(recipe.jdbcUrl(port), properties)) {
                return;
            } catch (SQLException notYet) {
                last = notYet;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException(recipe.name() + ": the server did not accept connections within "
                        + startTimeout.toMillis() + " ms (last: " + last.getMessage() + "); its log said: "
                        + ServerLog.lastError(log));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(recipe.name() + ": interrupted while waiting for the server", e);
            }
        }
    }

    // ---------------------------------------------------------------- stop

    private void stopAndRemove() {
        deaths.stopping();
        Process running = process;
        if (running != null && running.isAlive()) {
            signal(running, recipe.stopSignal());
            Stopping.awaitExit(running, STOP_GRACE);
        }
        Watchdog dog = watchdog;
        if (dog != null) {
            dog.stop();
        }
        if (!keepData) {
            Stopping.removeFolder(root);
        }
    }

    private static void signal(Process process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill program: SIGTERM below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }

    /** The server could not bind a port chosen as free: another process took it in between. */
    private static final class PortTakenException extends StoreException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
