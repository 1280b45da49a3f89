package io.storebench.engine.sql;

import io.storebench.engine.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a transaction again after a failure a new attempt can fix ({@link SqlDialect#retryable}):
 * up to {@code retries} times, waiting {@code backoff} before the first retry and twice as long
 * before each next one, at most {@code backoffMax}. Each retry is counted on the session; the
 * failure that is not retryable, or the last one, is thrown as a {@link StoreException} naming the
 * operation, the server's message, its SQLSTATE and the retries made.
 */
final class Retrier {
    /** One attempt of a transaction on a session; it leaves the session as it found it on failure. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(SqlSession session) throws SQLException;
    }

    private final SqlDialect dialect;
    private final int retries;
    private final long backoffNanos;
    private final long backoffMaxNanos;

    Retrier(SqlDialect dialect, int retries, Duration backoff, Duration backoffMax) {
        this.dialect = dialect;
        this.retries = retries;
        this.backoffNanos = backoff.toNanos();
        this.backoffMaxNanos = backoffMax.toNanos();
    }

    <T> T run(SqlSession session, String operation, Attempt<T> attempt) {
        long wait = backoffNanos;
        for (int retry = 0;; retry++) {
            try {
                return attempt.run(session);
            } catch (SQLException e) {
                if (!dialect.retryable(e) || retry >= retries) {
                    throw new StoreException(dialect.engine() + ": " + operation + " failed: " + e.getMessage()
                            + " (SQLSTATE " + e.getSQLState() + ", error " + e.getErrorCode() + ")"
                            + (retry > 0 ? " after " + retry + " retries" : ""), e);
                }
                session.countRetry();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                wait = Math.min(backoffMaxNanos, wait * 2);
            }
        }
    }
}
