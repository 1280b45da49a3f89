package io.storebench.engine.sql;

import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.PerThread;
import io.storebench.engine.Retrying;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.ServerDeath;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import io.storebench.engine.server.ProcessCpu;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A store of a SQL engine: one table on a managed or an existing server, reached over JDBC. See
 * {@link SqlEngine} for what each operation is in SQL; this class holds the connections.
 *
 * <p>Each thread gets its own connection ({@link SqlSession}) on its first call; one more
 * connection, used under this store's lock, makes the table and reads the server's counters for
 * {@link #stats()}.
 */
final class SqlStore extends AbstractKeyValueStore implements Retrying {
    private final SqlDialect dialect;
    private final SqlSettings settings;
    private final ManagedServer server;
    private final String url;
    private final Properties properties;
    private final SqlStatements statements;
    private final Retrier retrier;
    private final Connection control;
    private final ServerCounters start;
    private final long serverCpuAtOpen;
    private final Map<String, String> versions;
    private final PerThread<SqlSession> sessions;
    private final PerThread<RetryCounter> retryCounts = new PerThread<>(RetryCounter::new, counter -> { });
    /** The server's readings at the last {@link #addStats} on the open store, returned after close. */
    private EngineStats lastServerStats = EngineStats.empty();

    private SqlStore(SqlDialect dialect, SqlSettings settings, ManagedServer server, String url, Properties properties,
            Connection control) throws SQLException {
        super(dialect.engine());
        this.dialect = dialect;
        this.settings = settings;
        this.server = server;
        this.url = url;
        this.properties = properties;
        this.control = control;
        this.statements = SqlStatements.of(dialect, settings.table(), settings.schema());
        this.retrier = new Retrier(dialect, settings.retries(), settings.retryBackoff(), settings.retryBackoffMax());
        try (Statement ddl = control.createStatement()) {
            ddl.execute(dialect.createTable(settings.table(), settings.schema()));
        }
        if (server == null) {
            try (Statement empty = control.createStatement()) {
                empty.execute("TRUNCATE TABLE " + settings.table()); // every fork starts from the same data set
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        found.put(dialect.engine() + "-server", SqlQueries.stringOf(control, "SELECT version()"));
        this.versions = Map.copyOf(found);
        this.start = dialect.startCounters(control);
        this.serverCpuAtOpen = server == null ? 0 : ProcessCpu.nanos(server.process()).orElse(0);
        this.sessions = new PerThread<>(this::newSession, SqlSession::close);
    }

    /**
     * Starts the managed server (no url) or reaches the given one, makes the table if absent and
     * reads the server's counters.
     *
     * @throws ConfigurationException if a given server cannot be reached or refuses the user (bad input)
     * @throws StoreException if the managed server fails to start or to answer
     */
    static SqlStore open(SqlDialect dialect, SqlSettings settings) {
        ManagedServer server = settings.managed() ? dialect.startManaged(settings) : null;
        try {
            Properties properties = new Properties();
            String user = server != null ? server.user() : settings.user();
            if (user != null) {
                properties.setProperty("user", user);
            }
            String password = settings.password();
            if (password != null) {
                properties.setProperty("password", password);
            }
            String url = JdbcUrls.withDefaults(server != null ? server.jdbcUrl() : settings.url(),
                    dialect.connectionProperties(settings));
            Connection control = connect(dialect, settings, url, properties, true);
            try {
                return new SqlStore(dialect, settings, server, url, properties, control);
            } catch (SQLException e) {
                closeQuietly(control);
                throw unusable(settings, dialect, "cannot make or empty table " + settings.table()
                        + ", or read the server's version: " + oneLine(e), e);
            }
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    /**
     * A new connection. At open, a given server that cannot be reached is bad input (exit 2); later,
     * a thread's connection that fails is a failure of that operation, like any other.
     */
    private static Connection connect(SqlDialect dialect, SqlSettings settings, String url, Properties properties,
            boolean atOpen) {
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            String message = "cannot connect to " + JdbcUrls.display(url)
                    + (properties.getProperty("user") == null ? "" : " as " + properties.getProperty("user"))
                    + " (connect-timeout-ms=" + settings.connectTimeout().toMillis() + "): " + oneLine(e);
            if (!atOpen) {
                throw new StoreException(dialect.engine() + ": " + message, e);
            }
            throw unusable(settings, dialect, message, e);
        }
    }

    /** A given server that cannot be used is bad input (exit 2); the managed one failing is a failure. */
    private static RuntimeException unusable(SqlSettings settings, SqlDialect dialect, String why, Throwable cause) {
        String message = dialect.engine() + ": " + why;
        return settings.managed() ? new StoreException(message, cause) : new ConfigurationException(message, cause);
    }

    private static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private SqlSession newSession() {
        Connection connection = connect(dialect, settings, url, properties, false);
        try {
            connection.setTransactionIsolation(settings.isolation().jdbcLevel());
            return new SqlSession(connection, statements, retryCounts.get());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException(dialect.engine() + ": cannot prepare a session: " + e.getMessage(), e);
        }
    }

    /** The managed server's process; for tests. */
    ProcessHandle serverProcess() {
        return server.process();
    }

    /** The managed server's folder; for tests. */
    Path serverRoot() {
        return server.root();
    }

    /** The managed server's JDBC URL, without parameters; for tests. */
    String serverUrl() {
        return server.jdbcUrl();
    }

    @Override
    public RetryCount threadRetries() {
        checkOpen("retries");
        return retryCounts.get();
    }

    @Override
    public int maxKeySize() {
        return settings.schema() == SqlSchema.YCSB ? SqlSchema.YCSB_MAX_KEY : dialect.maxKvKeySize();
    }

    /** The managed server, when it died while the store was open; empty for an existing server. */
    @Override
    public java.util.List<ServerDeath> serverDeaths() {
        return server == null ? java.util.List.of() : server.deaths();
    }

    @Override
    public Map<String, String> versions() {
        return versions;
    }

    @Override
    public int loadBatchRows() {
        return settings.batchRows();
    }

    // ---------------------------------------------------------------- operations

    /**
     * Runs {@code operation} on the thread's session through the retrier. When it fails because the
     * connection is gone (the server closed it, a socket timeout), the session is discarded, so the
     * thread's next operation connects again: one failure, not a thread that fails to the end.
     */
    private <T> T run(String operation, Retrier.Attempt<T> attempt) {
        SqlSession session = sessions.get();
        try {
            return retrier.run(session, operation, attempt);
        } catch (StoreException e) {
            if (!session.usable()) {
                sessions.discard();
            }
            throw e;
        }
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        return run("get", session -> read(session.get, key, into));
    }

    private boolean read(PreparedStatement query, byte[] key, ValueBuffer into) throws SQLException {
        settings.schema().bindKey(query, 1, key);
        try (ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return false;
            }
            settings.schema().readValue(row, 1, into);
            return true;
        }
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        run("put", session -> {
            bindPut(session.put, key, value, valueLength);
            return session.put.executeUpdate();
        });
    }

    private void bindPut(PreparedStatement put, byte[] key, byte[] value, int valueLength) throws SQLException {
        settings.schema().bindKey(put, 1, key);
        settings.schema().bindValue(put, 2, value, valueLength);
    }

    @Override
    protected boolean doReadModifyWrite(byte[] key, ValueBuffer into, byte[] value, int valueLength) {
        return run("read-modify-write", session -> session.inTransaction(s -> {
            boolean present = read(s.getForUpdate, key, into);
            bindPut(s.put, key, value, valueLength);
            s.put.executeUpdate();
            return present;
        }));
    }

    @Override
    protected void doDelete(byte[] key) {
        run("delete", session -> {
            settings.schema().bindKey(session.delete, 1, key);
            return session.delete.executeUpdate();
        });
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        return run("scan", session -> {
            settings.schema().bindKey(session.scan, 1, startKey);
            session.scan.setInt(2, limit);
            int visited = 0;
            try (ResultSet rows = session.scan.executeQuery()) {
                while (rows.next()) {
                    byte[] key = settings.schema().readKey(rows, 1);
                    settings.schema().readValue(rows, 2, session.scanValue);
                    visitor.visit(ByteBuffer.wrap(key), ByteBuffer.wrap(session.scanValue.array(), 0,
                            session.scanValue.length()));
                    visited++;
                }
            }
            return visited;
        });
    }

    /**
     * One transaction: runs of puts go to the server {@code batch-rows} at a time as one statement
     * batch (which the driver rewrites to multi-row inserts); a delete, or a key already in the
     * pending run, sends the run first, so entries apply in order.
     */
    @Override
    protected void doWrite(WriteBatch batch) {
        run("batch", session -> session.inTransaction(s -> {
            Set<ByteBuffer> pending = new HashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                byte[] key = batch.key(i);
                if (batch.kind(i) == WriteBatch.Kind.DELETE) {
                    flush(s.put, pending);
                    settings.schema().bindKey(s.delete, 1, key);
                    s.delete.executeUpdate();
                    continue;
                }
                if (pending.contains(ByteBuffer.wrap(key)) || pending.size() >= settings.batchRows()) {
                    flush(s.put, pending);
                }
                bindPut(s.put, key, batch.value(i), batch.valueLength(i));
                s.put.addBatch();
                pending.add(ByteBuffer.wrap(key));
            }
            flush(s.put, pending);
            return null;
        }));
    }

    private static void flush(PreparedStatement put, Set<ByteBuffer> pending) throws SQLException {
        if (!pending.isEmpty()) {
            put.executeBatch();
            pending.clear();
        }
    }

    // ---------------------------------------------------------------- stats and close

    @Override
    protected synchronized void addStats(EngineStats.Builder stats, boolean closedBefore) {
        if (!isClosed()) { // checked under the lock close() takes to close the connection
            lastServerStats = readServerStats();
        }
        lastServerStats.readings().forEach(stats::put);
        lastServerStats.absences().forEach(stats::absent);
    }

    private EngineStats readServerStats() {
        EngineStats.Builder server = EngineStats.builder();
        dialect.readServerStats(control, start, server);
        if (this.server != null) {
            server.engine(Metric.BYTES_ON_DISK, DataDirectory.sizeOf(this.server.dataDirectory()),
                    "files in the managed server's data directory (WAL or redo log and system tables included)");
            ProcessCpu.nanos(this.server.process()).ifPresentOrElse(
                    nanos -> server.engine(Metric.SERVER_CPU_NANOS, nanos - serverCpuAtOpen, "managed server: "
                            + ProcessCpu.SOURCE),
                    () -> server.absent(Metric.SERVER_CPU_NANOS, "/proc/PID/stat of the server cannot be read"));
        } else {
            server.absent(Metric.SERVER_CPU_NANOS, "an existing server (url): its process is not on this machine's"
                    + " view");
        }
        return server.build();
    }

    @Override
    protected void doClose() {
        RuntimeException failure = null;
        try {
            sessions.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        synchronized (this) {
            closeQuietly(control);
        }
        retryCounts.close();
        if (server != null) {
            server.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing more to do with it
        }
    }
}
