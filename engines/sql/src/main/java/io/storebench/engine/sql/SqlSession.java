package io.storebench.engine.sql;

import io.storebench.engine.Retrying;
import io.storebench.engine.ValueBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One thread's connection to the server with its prepared statements, and the thread's count of
 * retries. Used only by its own thread, closed by the store at close.
 */
final class SqlSession implements Retrying.RetryCount, AutoCloseable {
    final Connection connection;
    final PreparedStatement get;
    final PreparedStatement getForUpdate;
    final PreparedStatement put;
    final PreparedStatement delete;
    final PreparedStatement scan;
    /** Where a scan reads each row's value (the YCSB schema's ten fields joined). */
    final ValueBuffer scanValue = new ValueBuffer(256);
    private long retries;

    SqlSession(Connection connection, SqlStatements statements) throws SQLException {
        this.connection = connection;
        this.get = connection.prepareStatement(statements.get());
        this.getForUpdate = connection.prepareStatement(statements.getForUpdate());
        this.put = connection.prepareStatement(statements.put());
        this.delete = connection.prepareStatement(statements.delete());
        this.scan = connection.prepareStatement(statements.scan());
    }

    void countRetry() {
        retries++;
    }

    @Override
    public long count() {
        return retries;
    }

    /**
     * Runs {@code body} as one transaction: autocommit off, commit at the end; on failure a rollback,
     * and the failure is thrown. Autocommit is on again afterwards either way.
     */
    <T> T inTransaction(Retrier.Attempt<T> body) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = body.run(this);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close(); // closes its statements
    }
}
