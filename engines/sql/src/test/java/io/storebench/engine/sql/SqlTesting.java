package io.storebench.engine.sql;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the SQL engines' tests share: finding PostgreSQL's and MariaDB's programs, and starting a
 * real server of either for a test that reaches it through {@code url}, as an existing server.
 *
 * <p>Without the programs the tests are skipped with an assumption that says how to install them,
 * except under CI ({@code STOREBENCH_CI=1}, set by {@code .ci/run}): there they fail, so a CI run
 * never passes without having run them.
 */
public final class SqlTesting {
    private SqlTesting() {
    }

    /** Skips the test (fails it under CI) unless PostgreSQL's initdb and postgres can be found. */
    public static void requirePostgres() {
        require(PostgresRecipe.installed(),
                "PostgreSQL is not installed (no initdb and postgres on the PATH or in /usr/lib/postgresql/N/bin):"
                        + " apt-get install postgresql");
    }

    /** Skips the test (fails it under CI) unless MariaDB's mariadb-install-db and mariadbd can be found. */
    public static void requireMariaDb() {
        require(MariaDbRecipe.installed(),
                "MariaDB is not installed (no mariadb-install-db and mariadbd): apt-get install mariadb-server");
    }

    private static void require(boolean present, String message) {
        if (!present) {
            if ("1".equals(System.getenv("STOREBENCH_CI"))) {
                fail(message + "; STOREBENCH_CI=1, so the SQL engine tests must run");
            }
            assumeTrue(false, message + ", to run the SQL engine tests");
        }
    }

    /** Which server a test starts. */
    public enum Kind {
        POSTGRES(PostgresEngine.NAME), MARIADB(MysqlEngine.NAME);

        private final String engine;

        Kind(String engine) {
            this.engine = engine;
        }

        public String engine() {
            return engine;
        }
    }

    /**
     * A real server started in {@code directory} for a test, standing for an existing one: its user
     * {@code storebench} needs {@code password} (none when null).
     */
    public static final class Server implements AutoCloseable {
        private final ManagedServer server;

        public Server(Kind kind, Path directory, String password) {
            if (kind == Kind.POSTGRES) {
                requirePostgres();
            } else {
                requireMariaDb();
            }
            EngineConfig config = new EngineConfig(directory, Durability.BUFFERED, 32L << 20, 8, 0, Map.of());
            SqlEngine engine = kind == Kind.POSTGRES ? new PostgresEngine() : new MysqlEngine();
            SqlSettings settings = SqlSettings.of(engine.name(), engine.passwordVariable(), config,
                    EngineOptions.resolve(engine.name(), engine.options(), config.options()));
            ServerRecipe recipe = kind == Kind.POSTGRES ? new PostgresRecipe(settings, password)
                    : new MariaDbRecipe(settings, password);
            server = ManagedServer.start(recipe, directory, Duration.ofSeconds(60));
        }

        /** The server's JDBC URL, without parameters. */
        public String url() {
            return server.jdbcUrl();
        }

        /** The URL with the user as a parameter: what a test gives as {@code url} to reach it without a password. */
        public String urlWithUser() {
            return server.jdbcUrl() + "?user=" + server.user();
        }

        public String user() {
            return server.user();
        }

        /** The server's folder (removed at close). */
        public Path root() {
            return server.root();
        }

        public ProcessHandle process() {
            return server.process();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
