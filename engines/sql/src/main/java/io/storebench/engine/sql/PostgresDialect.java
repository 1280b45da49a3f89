package io.storebench.engine.sql;

import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL wire (PostgreSQL, CockroachDB) through pgjdbc. Keys are {@code BYTEA}, which
 * PostgreSQL orders as unsigned bytes; an upsert is {@code INSERT ... ON CONFLICT DO UPDATE}.
 *
 * <p>Server counters: the buffer hit ratio from {@code pg_stat_database} ({@code blks_hit},
 * {@code blks_read}), WAL bytes from {@code pg_current_wal_lsn()} (the seed's LSN rate),
 * checkpoints from {@code pg_stat_bgwriter} and the database's size from
 * {@code pg_database_size}. A server without one (CockroachDB has no WAL position function) has
 * that metric absent, with the server's error as the reason.
 */
final class PostgresDialect implements SqlDialect {
    /** A B-tree index entry's limit is about a third of an 8 KiB page (2704 bytes): keys stay under it. */
    static final int MAX_KEY = 2000;
    private static final String LSN = "wal_lsn";
    /** The WAL's position in bytes: its advance between two readings is the WAL written (the seed's LSN rate). */
    private static final String WAL_POSITION = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";
    private static final String HIT = "blks_hit";
    private static final String READ = "blks_read";
    private static final String CHECKPOINTS = "checkpoints";

    @Override
    public String engine() {
        return PostgresEngine.NAME;
    }

    @Override
    public int maxKvKeySize() {
        return MAX_KEY;
    }

    @Override
    public String createTable(String table, SqlSchema schema) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table).append(" (");
        ddl.append(schema == SqlSchema.KV ? "k BYTEA PRIMARY KEY" : "YCSB_KEY VARCHAR(255) COLLATE \"C\" PRIMARY KEY");
        for (int i = 0; i < schema.valueColumns(); i++) {
            ddl.append(", ").append(schema.valueColumn(i)).append(" BYTEA NOT NULL");
        }
        return ddl.append(')').toString();
    }

    @Override
    public String upsert(String table, SqlSchema schema) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(schema.keyColumn())
                .append(", ").append(schema.valueColumnList()).append(") VALUES (?");
        sql.append(", ?".repeat(schema.valueColumns())).append(") ON CONFLICT (").append(schema.keyColumn())
                .append(") DO UPDATE SET ");
        for (int i = 0; i < schema.valueColumns(); i++) {
            sql.append(i == 0 ? "" : ", ").append(schema.valueColumn(i)).append(" = EXCLUDED.")
                    .append(schema.valueColumn(i));
        }
        return sql.toString();
    }

    @Override
    public boolean retryable(SQLException failure) {
        String state = failure.getSQLState();
        return "40001".equals(state) || "40P01".equals(state); // serialization failure, deadlock
    }

    @Override
    public Properties connectionProperties(SqlSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("reWriteBatchedInserts", "true");
        // pgjdbc takes whole seconds: rounded up, so a timeout is never shorter than asked
        properties.setProperty("connectTimeout", Long.toString(seconds(settings.connectTimeout())));
        properties.setProperty("loginTimeout", Long.toString(seconds(settings.connectTimeout())));
        properties.setProperty("socketTimeout", Long.toString(seconds(settings.requestTimeout())));
        properties.setProperty("ApplicationName", "storebench");
        return properties;
    }

    private static long seconds(java.time.Duration timeout) {
        return (timeout.toMillis() + 999) / 1000;
    }

    @Override
    public ServerCounters startCounters(Connection connection) {
        Map<String, Long> counters = new HashMap<>();
        SqlQueries.tryLongOf(connection, WAL_POSITION)
                .ifPresent(v -> counters.put(LSN, v));
        queryBlocks(connection, counters);
        try {
            counters.put(CHECKPOINTS, checkpoints(connection));
        } catch (SQLException e) {
            // reported absent at each reading, with the reason
        }
        return new ServerCounters(counters);
    }

    @Override
    public void readServerStats(Connection connection, ServerCounters start, EngineStats.Builder stats) {
        try {
            stats.engine(Metric.LOG_BYTES_WRITTEN, start.since(LSN, SqlQueries.longOf(connection,
                    WAL_POSITION)),
                    "pg_current_wal_lsn() advance since open (WAL bytes, the whole server)");
        } catch (SQLException e) {
            stats.absent(Metric.LOG_BYTES_WRITTEN, "pg_current_wal_lsn() failed: " + e.getMessage());
        }
        Map<String, Long> blocks = new HashMap<>();
        String blockFailure = queryBlocks(connection, blocks);
        if (blockFailure == null) {
            stats.engine(Metric.CACHE_HITS, start.since(HIT, blocks.get(HIT)),
                    "pg_stat_database blks_hit of this database (shared buffer hits)");
            stats.engine(Metric.CACHE_MISSES, start.since(READ, blocks.get(READ)),
                    "pg_stat_database blks_read of this database (blocks read from the OS)");
        } else {
            stats.absent(Metric.CACHE_HITS, blockFailure);
            stats.absent(Metric.CACHE_MISSES, blockFailure);
        }
        try {
            stats.engine(Metric.CHECKPOINTS, start.since(CHECKPOINTS, checkpoints(connection)),
                    "pg_stat_bgwriter checkpoints_timed + checkpoints_req (PostgreSQL 17: pg_stat_checkpointer"
                            + " num_timed + num_requested)");
        } catch (SQLException e) {
            stats.absent(Metric.CHECKPOINTS, "neither pg_stat_bgwriter nor pg_stat_checkpointer answered: "
                    + e.getMessage());
        }
        try {
            stats.engine(Metric.BYTES_ON_DISK, SqlQueries.longOf(connection, "SELECT pg_database_size(current_database())"),
                    "pg_database_size(current_database()) (the database's files, WAL not included)");
        } catch (SQLException e) {
            stats.absent(Metric.BYTES_ON_DISK, "pg_database_size failed: " + e.getMessage());
        }
    }

    /** Checkpoints completed: PostgreSQL up to 16 counts them in pg_stat_bgwriter, 17 in pg_stat_checkpointer. */
    private static long checkpoints(Connection connection) throws SQLException {
        try {
            return SqlQueries.longOf(connection, "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter");
        } catch (SQLException before17) {
            return SqlQueries.longOf(connection, "SELECT num_timed + num_requested FROM pg_stat_checkpointer");
        }
    }

    /** Reads blks_hit and blks_read into {@code into}; the reason when the server has none, else null. */
    private static String queryBlocks(Connection connection, Map<String, Long> into) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT blks_hit, blks_read FROM pg_stat_database"
                        + " WHERE datname = current_database()")) {
            if (!row.next()) {
                return "pg_stat_database has no row for this database";
            }
            into.put(HIT, row.getLong(1));
            into.put(READ, row.getLong(2));
            return null;
        } catch (SQLException e) {
            return "pg_stat_database failed: " + e.getMessage();
        }
    }

    @Override
    public ManagedServer startManaged(SqlSettings settings) {
        return ManagedServer.start(new PostgresRecipe(settings), settings.dataDirectory(), settings.startTimeout(),
                settings.keepData());
    }
}
