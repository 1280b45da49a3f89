package io.storebench.engine.sql;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The managed PostgreSQL server: {@code initdb} (user {@code storebench}, trust on loopback, UTF-8,
 * the C locale so that keys sort as bytes), then {@code postgres} itself as the child process (not
 * {@code pg_ctl}, which would detach it). Durability: {@code strict} is {@code fsync=on,
 * synchronous_commit=on}; {@code buffered} is {@code fsync=off, synchronous_commit=on}: a commit
 * returns once its WAL is written to the OS, never flushed, which survives a crash of the server
 * process as the other engines' {@code buffered} does (RocksDB's WAL without sync, LMDB's
 * {@code MDB_NOSYNC}). {@code synchronous_commit=off}, used before, returns before the WAL is even
 * written, and crashcheck found it losing acknowledged commits when the server was killed.
 * {@code shared_buffers} is the cache budget.
 *
 * <p>PostgreSQL refuses to run as root. Run as root (as on CI machines), both programs run in a user
 * namespace in which this user is user 1000 ({@code unshare --user --map-user=1000}): the server runs
 * with no more rights than root's own, and the data directory it owns is the one root made.
 */
final class PostgresRecipe implements ServerRecipe {
    static final String USER = "storebench";
    static final String DATABASE = "postgres";
    private static final String INSTALL_HINT = "install PostgreSQL (Debian: apt-get install postgresql) or give"
            + " postgres.bin-dir=DIR";

    private final Path initdb;
    private final Path postgres;
    private final Durability durability;
    private final long cacheBytes;
    private final int threads;
    private final String password;

    /** The engine's managed server: its user trusted on loopback. */
    PostgresRecipe(SqlSettings settings) {
        this(settings, null);
    }

    /**
     * A server whose user needs {@code password} over TCP (SCRAM), or trusted when it is null: the
     * tests' stand-in for an existing server.
     */
    PostgresRecipe(SqlSettings settings, String password) {
        this.initdb = program("initdb", settings.binDir());
        this.postgres = program("postgres", settings.binDir());
        this.durability = settings.durability();
        this.cacheBytes = settings.cacheBytes();
        this.threads = settings.threads();
        this.password = password;
    }

    private static Path program(String name, Path binDir) {
        return Programs.require("postgres", name, binDir, Programs.debianPostgres(),
                "on the PATH or in /usr/lib/postgresql/N/bin", INSTALL_HINT);
    }

    /** Whether both programs are on the PATH or in Debian's places. */
    static boolean installed() {
        return Programs.find("initdb", null, Programs.debianPostgres()).isPresent()
                && Programs.find("postgres", null, Programs.debianPostgres()).isPresent();
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<String> initializeCommand(Path data) {
        List<String> command = new ArrayList<>(List.of(initdb.toString(), "-D", data.toString(), "-U", USER, "-E",
                "UTF8", "--locale=C", "--no-sync", "--no-instructions"));
        if (password == null) {
            command.add("--auth=trust");
        } else {
            Path file = data.resolveSibling("pwfile");
            try {
                java.nio.file.Files.writeString(file, password + "\n");
            } catch (java.io.IOException e) {
                throw new ConfigurationException("postgres: cannot write " + file + ": " + e.getMessage(), e);
            }
            command.addAll(List.of("--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + file));
        }
        return asUser(command);
    }

    @Override
    public List<String> serverCommand(Path root, Path data, Path socketDirectory, int port) {
        List<String> command = new ArrayList<>(List.of(postgres.toString(), "-D", data.toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + (socketDirectory == null ? "" : socketDirectory.toString()),
                "-c", "fsync=" + (durability == Durability.STRICT ? "on" : "off"),
                "-c", "synchronous_commit=on",
                "-c", "full_page_writes=on",
                "-c", "shared_buffers=" + Math.max(128, cacheBytes >> 10) + "kB",
                "-c", "max_connections=" + ManagedServer.connectionLimit(threads),
                "-c", "logging_collector=off",
                "-c", "log_min_messages=warning"));
        return asUser(command);
    }

    @Override
    public String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public boolean portTaken(String logLine) {
        return logLine.contains("Address already in use") || logLine.contains("could not create any TCP/IP sockets");
    }

    @Override
    public String stopSignal() {
        return "INT"; // fast shutdown: ends the sessions, checkpoints, exits
    }

    @Override
    public String installHint() {
        return INSTALL_HINT;
    }

    private static List<String> asUser(List<String> command) {
        if (!Programs.root()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
        wrapped.addAll(command);
        return wrapped;
    }
}
