package io.storebench.engine.sql;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The managed MariaDB server: {@code mariadb-install-db} into the data directory, then
 * {@code mariadbd} with no option files of the machine ({@code --no-defaults}), an init file that
 * makes the {@code storebench} database and a user {@code storebench@127.0.0.1} with no password
 * (loopback only), the binary log off, and its own temporary directory (a starting mariadbd deletes
 * every {@code #sql*} file in its tmpdir, so servers sharing /tmp break each other's temporary tables,
 * and concurrent {@code mariadb-install-db} runs fail). Durability: {@code strict} is
 * {@code innodb_flush_log_at_trx_commit=1} and {@code sync_binlog=1}; {@code buffered} is
 * {@code innodb_flush_log_at_trx_commit=2} (the redo log is written at commit, flushed once a
 * second). {@code innodb_buffer_pool_size} is the cache budget (InnoDB's minimum is 5 MiB).
 * Run as root, both get {@code --user=root}, which MariaDB requires to be said.
 */
final class MariaDbRecipe implements ServerRecipe {
    static final String USER = "storebench";
    static final String DATABASE = "storebench";
    private static final long MIN_BUFFER_POOL = 5L << 20;
    /** Where Debian puts the programs, looked in after the PATH. */
    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"));
    private static final String INSTALL_HINT = "install MariaDB (Debian: apt-get install mariadb-server) or give"
            + " mysql.bin-dir=DIR";

    private final Path installDb;
    private final Path mariadbd;
    private final Durability durability;
    private final long cacheBytes;
    private final int threads;
    private final String password;

    /** The engine's managed server: its user with no password, on loopback only. */
    MariaDbRecipe(SqlSettings settings) {
        this(settings, null);
    }

    /** A server whose user needs {@code password}, or none when it is null: the tests' stand-in for an existing server. */
    MariaDbRecipe(SqlSettings settings, String password) {
        this.installDb = program("mariadb-install-db", settings.binDir());
        this.mariadbd = program("mariadbd", settings.binDir());
        this.durability = settings.durability();
        this.cacheBytes = settings.cacheBytes();
        this.threads = settings.threads();
        this.password = password;
    }

    private static Path program(String name, Path binDir) {
        return Programs.require("mysql", name, binDir, PLACES, "on the PATH or in /usr/sbin, /usr/bin", INSTALL_HINT);
    }

    /** Whether both programs are on the PATH or in Debian's places. */
    static boolean installed() {
        return Programs.find("mariadb-install-db", null, PLACES).isPresent()
                && Programs.find("mariadbd", null, PLACES).isPresent();
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public List<String> initializeCommand(Path data) {
        List<String> command = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                "--datadir=" + data, "--tmpdir=" + data.getParent(), "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        if (installDb.getParent() != null && !installDb.getParent().equals(Path.of("/usr/bin"))) {
            command.add("--basedir=" + installDb.getParent().getParent());
        }
        if (Programs.root()) {
            command.add("--user=root");
        }
        return command;
    }

    @Override
    public List<String> serverCommand(Path root, Path data, Path socketDirectory, int port) {
        Path init = root.resolve("init.sql");
        try {
            Files.writeString(init, "CREATE DATABASE IF NOT EXISTS " + DATABASE + ";\n"
                    + "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1'"
                    + (password == null ? "" : " IDENTIFIED BY '" + password.replace("'", "''") + "'") + ";\n"
                    + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1';\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigurationException("mysql: cannot write " + init + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults",
                "--datadir=" + data,
                "--tmpdir=" + root,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + (socketDirectory == null ? root.resolve("m.sock") : socketDirectory.resolve("mariadb.sock")),
                "--pid-file=" + root.resolve("mariadb.pid"),
                "--skip-name-resolve",
                "--skip-log-bin",
                "--init-file=" + init,
                "--innodb-flush-log-at-trx-commit=" + (durability == Durability.STRICT ? "1" : "2"),
                "--sync-binlog=1",
                "--innodb-buffer-pool-size=" + Math.max(MIN_BUFFER_POOL, cacheBytes),
                "--max-connections=" + ManagedServer.connectionLimit(threads),
                "--max-allowed-packet=64M",
                "--log-warnings=1"));
        if (Programs.root()) {
            command.add("--user=root");
        }
        return command;
    }

    @Override
    public String jdbcUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
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
        return logLine.contains("Address already in use") || logLine.contains("Do you already have another");
    }

    @Override
    public String stopSignal() {
        return "TERM"; // mariadbd's normal shutdown
    }

    @Override
    public String installHint() {
        return INSTALL_HINT;
    }
}
