package io.storebench.engine.sqlite;

import io.storebench.engine.AbstractEngineProvider;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.LibraryVersion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteJDBCLoader;

/**
 * {@code sqlite}: SQLite in WAL mode through sqlite-jdbc (JDBC over JNI).
 *
 * <p>One table {@code kv(k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID}. One connection
 * per thread (every sqlite-jdbc call on a connection is synchronized), with its statements
 * prepared once. The cache budget is split evenly across the expected threads' connections
 * ({@code cache_size} is per connection); {@code mmap_size=0} so reads go through the page cache
 * that budget bounds. Durability: {@code strict} is {@code synchronous=FULL} (an fsync of the
 * WAL per commit), {@code buffered} is {@code synchronous=OFF}. Batches are {@code BEGIN
 * IMMEDIATE} transactions; a single put or delete is one auto-committed statement, which takes
 * the write lock when it starts, as IMMEDIATE does.
 */
public final class SqliteEngine extends AbstractEngineProvider {
    public static final String NAME = "sqlite";

    static final String BUSY_TIMEOUT_MS = "busy-timeout-ms";
    static final String PAGE_SIZE = "page-size";

    public SqliteEngine() {
        super(NAME, "SQLite WAL mode via sqlite-jdbc (JDBC over JNI)", EMBEDDED_DURABLE, STRICT_AND_BUFFERED,
                List.of(
                        EngineOption.range(BUSY_TIMEOUT_MS,
                                "how long a writer waits for the write lock before SQLITE_BUSY", 10_000, 0, 600_000),
                        EngineOption.choice(PAGE_SIZE, "database page size in bytes (applies to a new database)",
                                "4096", "1024", "2048", "4096", "8192", "16384", "32768", "65536")));
    }

    @Override
    public EngineProfile profile() {
        return new EngineProfile("relational (B-tree table), WAL journal", "ACID, one writer at a time (WAL readers do not block)",
                "strict: synchronous=FULL; buffered: synchronous=OFF", "JDBC over JNI (sqlite-jdbc)");
    }

    /** sqlite-jdbc's version from the driver, SQLite's from the native library it loads (an in-memory database). */
    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("sqlite-jdbc", SQLiteJDBCLoader.getVersion());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            versions.put("sqlite", connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            versions.put("sqlite", LibraryVersion.UNKNOWN);
        }
        return versions;
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        return SqliteStore.open(config, options);
    }
}
