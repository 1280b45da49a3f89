package io.storebench.engine.sql;

import java.nio.file.Path;
import java.util.List;

/**
 * How to make and run one kind of managed server ({@link PostgresRecipe}, {@link MariaDbRecipe}):
 * the programs, the one-off initialization of a data directory, the server's command line and its
 * JDBC URL. {@link ManagedServer} does the rest, the same for both.
 */
interface ServerRecipe {

    /** The server's name in messages and folder names, e.g. {@code postgres}. */
    String name();

    /**
     * The command that initializes an empty data directory {@code data} (initdb,
     * mariadb-install-db); it runs to completion before the server starts.
     */
    List<String> initializeCommand(Path data);

    /**
     * The server's command line: data in {@code data}, its own Unix socket in {@code socketDirectory}
     * (null when the path is too long for a socket), TCP on 127.0.0.1:{@code port}.
     */
    List<String> serverCommand(Path root, Path data, Path socketDirectory, int port);

    /** The JDBC URL of the running server, without parameters. */
    String jdbcUrl(int port);

    /** The managed server's user. */
    String user();

    /** That user's password; null when the server trusts it on loopback (the engine's managed server). */
    String password();

    /** Whether the log line a failed start ended with says the port was taken. */
    boolean portTaken(String logLine);

    /** The signal that shuts the server down cleanly without waiting for clients, e.g. {@code INT}. */
    String stopSignal();

    /** What to install when a program is missing, for the error message. */
    String installHint();
}
