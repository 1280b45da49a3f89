package io.storebench.engine.sql;

import io.storebench.engine.ValueBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One thread's connection to the server with its prepared statements, and the thread's count of
 * retries. Used only by its own thread, closed by the store at close.
 */
final class SqlSession implements AutoCloseable {
    final Connection connection;
    final PreparedStatement get;
    final PreparedStatement getForUpdate;
    final PreparedStatement put;
    final PreparedStatement delete;
    final PreparedStatement scan;
    /** Where a scan reads each row's value (the YCSB schema's ten fields joined). */
    final ValueBuffer scanValue = new ValueBuffer(256);
    private final RetryCounter retries;

    SqlSession(Connection connection, SqlStatements statements, RetryCounter retries) throws SQLException {
        this.connection = connection;
        this.retries = retries;
        this.get = connection.prepareStatement(statements.get());
        this.getForUpdate = connection.prepareStatement(statements.getForUpdate());
        this.put = connection.prepareStatement(statements.put());
        this.delete = connection.prepareStatement(statements.delete());
        this.scan = connection.prepareStatement(statements.scan());
    }

    /** Whether the connection still answers (asked after a failure only: it costs a round trip). */
    boolean usable() {
        try {
            return !connection.isClosed() && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    void countRetry() {
        retries.increment();
    }

    /**
     * Runs {@code body} as one transaction: autocommit off, commit at the end; on any failure a
     * rollback (and the put statement's pending batch cleared), and the failure is thrown. Autocommit
     * is on again afterwards either way, without hiding the failure.
     */
    <T> T inTransaction(Retrier.Attempt<T> body) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = body.run(this);
            connection.commit();
        } catch (Throwable e) {
            try {
                put.clearBatch();
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        connection.setAutoCommit(true);
        return result;
    }

    @Override
    public void close() throws SQLException {
        connection.close(); // closes its statements
    }
}
