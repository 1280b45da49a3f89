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
 * The MySQL wire (MariaDB, MySQL, TiDB) through MySQL Connector/J, with TiDB's recommended
 * parameters: server-side prepared statements and their cache, {@code rewriteBatchedStatements},
 * {@code useConfigs=maxPerformance}. Keys are {@code VARBINARY(3072)} (InnoDB's limit for a key
 * with the DYNAMIC row format), ordered as unsigned bytes; an upsert is
 * {@code INSERT ... ON DUPLICATE KEY UPDATE}.
 *
 * <p>Server counters from {@code SHOW GLOBAL STATUS}: {@code Innodb_buffer_pool_read_requests} and
 * {@code Innodb_buffer_pool_reads} (the buffer pool hit ratio: requests less those that read from
 * disk are hits), {@code Innodb_os_log_written} (redo log bytes), and the table's size from
 * {@code information_schema.TABLES}. A server without them (TiDB has no InnoDB) has those metrics
 * absent, with the reason.
 */
final class MysqlDialect implements SqlDialect {
    static final int MAX_KEY = 3072;
    private static final String REQUESTS = "Innodb_buffer_pool_read_requests";
    private static final String READS = "Innodb_buffer_pool_reads";
    private static final String LOG = "Innodb_os_log_written";

    @Override
    public String engine() {
        return MysqlEngine.NAME;
    }

    @Override
    public int maxKvKeySize() {
        return MAX_KEY;
    }

    @Override
    public String createTable(String table, SqlSchema schema) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table).append(" (");
        ddl.append(schema == SqlSchema.KV ? "k VARBINARY(" + MAX_KEY + ") NOT NULL PRIMARY KEY"
                : "YCSB_KEY VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY");
        for (int i = 0; i < schema.valueColumns(); i++) {
            ddl.append(", ").append(schema.valueColumn(i)).append(" LONGBLOB NOT NULL");
        }
        return ddl.append(") ENGINE=InnoDB").toString();
    }

    @Override
    public String upsert(String table, SqlSchema schema) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(schema.keyColumn())
                .append(", ").append(schema.valueColumnList()).append(") VALUES (?");
        sql.append(", ?".repeat(schema.valueColumns())).append(") ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < schema.valueColumns(); i++) {
            sql.append(i == 0 ? "" : ", ").append(schema.valueColumn(i)).append(" = VALUES(")
                    .append(schema.valueColumn(i)).append(')');
        }
        return sql.toString();
    }

    @Override
    public boolean retryable(SQLException failure) {
        int code = failure.getErrorCode();
        // deadlock, lock wait timeout, TiDB's write conflict of an optimistic transaction
        return code == 1213 || code == 1205 || code == 9007 || "40001".equals(failure.getSQLState());
    }

    @Override
    public Properties connectionProperties(SqlSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("useServerPrepStmts", "true");
        properties.setProperty("cachePrepStmts", "true");
        properties.setProperty("prepStmtCacheSqlLimit", "10000");
        properties.setProperty("prepStmtCacheSize", "1000");
        properties.setProperty("rewriteBatchedStatements", "true");
        properties.setProperty("useConfigs", "maxPerformance");
        properties.setProperty("connectTimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("socketTimeout", Long.toString(settings.requestTimeout().toMillis()));
        if (settings.managed()) {
            properties.setProperty("sslMode", "DISABLED"); // loopback to our own server
            properties.setProperty("allowPublicKeyRetrieval", "false");
        }
        return properties;
    }

    @Override
    public ServerCounters startCounters(Connection connection) {
        try {
            return new ServerCounters(status(connection));
        } catch (SQLException e) {
            return ServerCounters.NONE;
        }
    }

    @Override
    public void readServerStats(Connection connection, ServerCounters start, EngineStats.Builder stats) {
        Map<String, Long> status;
        boolean answered = true;
        try {
            status = status(connection);
        } catch (SQLException e) {
            answered = false;
            String reason = "SHOW GLOBAL STATUS failed: " + e.getMessage();
            stats.absent(Metric.CACHE_HITS, reason).absent(Metric.CACHE_MISSES, reason)
                    .absent(Metric.LOG_BYTES_WRITTEN, reason);
            status = Map.of();
        }
        if (status.containsKey(REQUESTS) && status.containsKey(READS)) {
            long requests = start.since(REQUESTS, status.get(REQUESTS));
            long reads = start.since(READS, status.get(READS));
            stats.engine(Metric.CACHE_HITS, requests - reads,
                    "SHOW GLOBAL STATUS Innodb_buffer_pool_read_requests - Innodb_buffer_pool_reads (the whole server)");
            stats.engine(Metric.CACHE_MISSES, reads, "SHOW GLOBAL STATUS Innodb_buffer_pool_reads (reads from disk)");
        } else if (answered) {
            String reason = "the server has no Innodb_buffer_pool_read_requests/_reads status (not InnoDB; TiDB)";
            stats.absent(Metric.CACHE_HITS, reason).absent(Metric.CACHE_MISSES, reason);
        }
        if (status.containsKey(LOG)) {
            stats.engine(Metric.LOG_BYTES_WRITTEN, start.since(LOG, status.get(LOG)),
                    "SHOW GLOBAL STATUS Innodb_os_log_written (redo log bytes, the whole server)");
        } else if (answered) {
            stats.absent(Metric.LOG_BYTES_WRITTEN, "the server has no Innodb_os_log_written status (not InnoDB; TiDB)");
        }
        stats.absent(Metric.CHECKPOINTS, "InnoDB checkpoints continuously (fuzzy checkpoints) and counts none");
        try {
            stats.engine(Metric.BYTES_ON_DISK, SqlQueries.longOf(connection, "SELECT COALESCE(SUM(DATA_LENGTH"
                    + " + INDEX_LENGTH), 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"),
                    "information_schema.TABLES DATA_LENGTH + INDEX_LENGTH of this database (InnoDB's estimate, redo log"
                            + " not included)");
        } catch (SQLException e) {
            stats.absent(Metric.BYTES_ON_DISK, "information_schema.TABLES failed: " + e.getMessage());
        }
    }

    private static Map<String, Long> status(Connection connection) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('" + REQUESTS
                        + "', '" + READS + "', '" + LOG + "')")) {
            while (rows.next()) {
                try {
                    values.put(rows.getString(1), Long.parseLong(rows.getString(2).trim()));
                } catch (NumberFormatException notACount) {
                    // not a number on this server: left out, so reported absent
                }
            }
        }
        return values;
    }

    @Override
    public ManagedServer startManaged(SqlSettings settings) {
        return ManagedServer.start(new MariaDbRecipe(settings), settings.dataDirectory(), settings.startTimeout(),
                settings.keepData());
    }
}
