package io.storebench.engine.sql;

import io.storebench.engine.EngineStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What differs between the PostgreSQL wire ({@link PostgresDialect}) and the MySQL wire
 * ({@link MysqlDialect}): the column types and statements, which failures a retry can fix, the
 * driver's connection properties, the server's own counters, and the managed server.
 */
interface SqlDialect {

    /** The engine's name, {@code postgres} or {@code mysql}. */
    String engine();

    /** The longest key the {@link SqlSchema#KV} table's primary key takes, in bytes. */
    int maxKvKeySize();

    /** {@code CREATE TABLE IF NOT EXISTS} for {@code schema}. */
    String createTable(String table, SqlSchema schema);

    /** Insert or replace one row: the key, then the value columns, as parameters. */
    String upsert(String table, SqlSchema schema);

    /**
     * Whether {@code failure} is one a new attempt of the transaction can succeed after: a
     * serialization failure or a deadlock.
     */
    boolean retryable(SQLException failure);

    /** The driver's properties for a connection with this timeout (the URL's own parameters win). */
    Properties connectionProperties(SqlSettings settings);

    /**
     * Reads the server's counters into {@code stats}, each with its source; a counter the server
     * does not have (CockroachDB, TiDB) is {@link EngineStats.Builder#absent absent} with the reason.
     *
     * @param start the readings at open, which counters are reported since
     */
    void readServerStats(Connection connection, ServerCounters start, EngineStats.Builder stats);

    /** The readings {@link #readServerStats} reports from, taken at open. */
    ServerCounters startCounters(Connection connection);

    /** Starts the managed server for {@code settings}. */
    ManagedServer startManaged(SqlSettings settings);
}
