package io.storebench.engine.sqlite;

import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineStats;
import io.storebench.engine.PerThread;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;

/** A SQLite database in WAL mode behind the SPI. See {@link SqliteEngine} for the configuration. */
final class SqliteStore extends AbstractKeyValueStore {
    private static final byte[] EMPTY = new byte[0];

    private final Path directory;
    private final String url;
    private final Properties pragmas;
    private final Connection schemaConnection;
    private final PerThread<Session> sessions;

    /** One thread's connection and its prepared statements. */
    private final class Session {
        final Connection connection;
        final PreparedStatement get;
        final PreparedStatement upsert;
        final PreparedStatement delete;
        final PreparedStatement scan;
        final PreparedStatement begin;
        final PreparedStatement commit;
        final PreparedStatement rollback;

        Session() {
            try {
                connection = connect();
                get = connection.prepareStatement("SELECT v FROM kv WHERE k = ?");
                upsert = connection.prepareStatement(
                        "INSERT INTO kv(k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v");
                delete = connection.prepareStatement("DELETE FROM kv WHERE k = ?");
                scan = connection.prepareStatement("SELECT k, v FROM kv WHERE k >= ? ORDER BY k LIMIT ?");
                begin = connection.prepareStatement("BEGIN IMMEDIATE");
                commit = connection.prepareStatement("COMMIT");
                rollback = connection.prepareStatement("ROLLBACK");
            } catch (SQLException e) {
                throw failure("open a connection", e);
            }
        }

        void close() throws SQLException {
            connection.close(); // closes its statements
        }
    }

    private SqliteStore(Path directory, String url, Properties pragmas, Connection schemaConnection) {
        super(SqliteEngine.NAME);
        this.directory = directory;
        this.url = url;
        this.pragmas = pragmas;
        this.schemaConnection = schemaConnection;
        this.sessions = new PerThread<>(Session::new, Session::close);
    }

    static SqliteStore open(EngineConfig config, EngineOptions options) {
        Path file = config.dataDirectory().resolve("kv.sqlite");
        String url = "jdbc:sqlite:" + file;
        long cacheKib = Math.max(1, config.cacheBytes() / 1024 / config.threads());
        Properties pragmas = new Properties();
        pragmas.setProperty("journal_mode", "WAL");
        pragmas.setProperty("synchronous", config.durability() == Durability.STRICT ? "FULL" : "OFF");
        pragmas.setProperty("cache_size", Long.toString(-cacheKib)); // negative: KiB
        pragmas.setProperty("busy_timeout", options.string(SqliteEngine.BUSY_TIMEOUT_MS));
        pragmas.setProperty("page_size", options.string(SqliteEngine.PAGE_SIZE));
        try {
            Connection schema = DriverManager.getConnection(url, pragmas);
            try (Statement statement = schema.createStatement()) {
                statement.execute("PRAGMA mmap_size = 0");
                statement.execute("CREATE TABLE IF NOT EXISTS kv (k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID");
            } catch (SQLException e) {
                schema.close();
                throw e;
            }
            return new SqliteStore(config.dataDirectory(), url, pragmas, schema);
        } catch (SQLException e) {
            throw new StoreException("sqlite: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, pragmas);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA mmap_size = 0");
        }
        return connection;
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        PreparedStatement get = sessions.get().get;
        try {
            get.setBytes(1, key);
            try (ResultSet row = get.executeQuery()) { // closed at once: an open read stops checkpoints
                if (!row.next()) {
                    return false;
                }
                byte[] value = row.getBytes(1);
                if (value == null) {
                    value = EMPTY; // a zero-length blob comes back as null
                }
                into.set(value, 0, value.length);
                return true;
            }
        } catch (SQLException e) {
            throw failure("get", e);
        }
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        try {
            upsert(sessions.get(), key, value, valueLength);
        } catch (SQLException e) {
            throw failure("put", e);
        }
    }

    private static void upsert(Session session, byte[] key, byte[] value, int valueLength) throws SQLException {
        session.upsert.setBytes(1, key);
        session.upsert.setBytes(2, valueLength == value.length ? value : Arrays.copyOf(value, valueLength));
        session.upsert.executeUpdate();
    }

    @Override
    protected void doDelete(byte[] key) {
        try {
            Session session = sessions.get();
            session.delete.setBytes(1, key);
            session.delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete", e);
        }
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        PreparedStatement scan = sessions.get().scan;
        int visited = 0;
        try {
            scan.setBytes(1, startKey);
            scan.setInt(2, limit);
            try (ResultSet rows = scan.executeQuery()) {
                while (rows.next()) {
                    byte[] value = rows.getBytes(2);
                    visitor.visit(ByteBuffer.wrap(rows.getBytes(1)), ByteBuffer.wrap(value == null ? EMPTY : value));
                    visited++;
                }
            }
        } catch (SQLException e) {
            throw failure("scan", e);
        }
        return visited;
    }

    @Override
    protected void doWrite(WriteBatch batch) {
        Session session = sessions.get();
        try {
            session.begin.execute();
            try {
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.kind(i) == WriteBatch.Kind.PUT) {
                        upsert(session, batch.key(i), batch.value(i), batch.valueLength(i));
                    } else {
                        session.delete.setBytes(1, batch.key(i));
                        session.delete.executeUpdate();
                    }
                }
                session.commit.execute();
            } catch (SQLException | RuntimeException e) {
                try {
                    session.rollback.execute();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /** A pragma's value on the calling thread's connection, for tests of the per-connection settings. */
    String pragmaOnThisThread(String pragma) {
        checkOpen("pragma");
        try (Statement statement = sessions.get().connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw failure("pragma " + pragma, e);
        }
    }

    @Override
    protected void addStats(EngineStats.Builder stats, boolean closed) {
        stats.processWritesAsEngineWrites().diskUsage(directory);
    }

    @Override
    protected void doClose() {
        try {
            sessions.close();
        } finally {
            try {
                schemaConnection.close(); // the last connection to close checkpoints and removes the WAL
            } catch (SQLException e) {
                throw failure("close", e);
            }
        }
    }

    private static StoreException failure(String operation, SQLException e) {
        return new StoreException("sqlite: " + operation + " failed: " + e.getMessage(), e);
    }
}
