package io.storebench.engine.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Retrying;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures a retry can fix, provoked on purpose against real servers: a serialization failure
 * (PostgreSQL, SERIALIZABLE: a read-modify-write whose row another transaction changed and
 * committed while it waited) and a lock wait timeout (MariaDB, error 1205). Each is retried and
 * counted on the thread; with no retries left it is an error naming the server's code.
 */
class SqlRetryTest {
    private static final byte[] KEY = "contended".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private KeyValueStore open(SqlTesting.Server server, String engine, Map<String, String> options) {
        java.util.Map<String, String> all = new java.util.HashMap<>(options);
        all.put("url", server.urlWithUser());
        return EngineRegistry.discover().open(engine, new EngineConfig(temp.resolve("data"), Durability.STRICT, 8L << 20,
                2, 0, all));
    }

    /** Runs {@code operation} on a thread of its own; returns the retries it made there. */
    private static CompletableFuture<Long> onItsOwnThread(KeyValueStore store, Runnable operation) {
        return CompletableFuture.supplyAsync(() -> {
            Retrying.RetryCount retries = ((Retrying) store).threadRetries();
            long before = retries.count();
            operation.run();
            return retries.count() - before;
        }, runnable -> new Thread(runnable, "contender").start());
    }

    private static void awaitLockWait(Connection observer, String sql, CompletableFuture<Long> contender)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SqlQueries.longOf(observer, sql) == 0) {
            if (contender.isDone()) {
                contender.get(); // its failure, if it failed
                throw new AssertionError("the store's operation ended without waiting for the row lock");
            }
            assertTrue(System.nanoTime() < deadline, "the store's operation never waited for the row lock");
            Thread.sleep(20);
        }
    }

    @Test
    void aSerializationFailureIsRetriedAndCounted() throws Exception {
        try (SqlTesting.Server server = new SqlTesting.Server(SqlTesting.Kind.POSTGRES, temp.resolve("pg"), null);
                KeyValueStore store = open(server, PostgresEngine.NAME, Map.of("isolation", "serializable"));
                Connection other = DriverManager.getConnection(server.urlWithUser());
                Connection observer = DriverManager.getConnection(server.urlWithUser())) {
            store.put(KEY, bytes("v0"));
            ValueBuffer seen = new ValueBuffer(8);
            other.setAutoCommit(false);
            other.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            update(other, "UPDATE storebench_kv SET v = ? WHERE k = ?", "v1");
            CompletableFuture<Long> retries = onItsOwnThread(store,
                    () -> assertTrue(store.readModifyWrite(KEY, seen, bytes("v2"), 2)));
            awaitLockWait(observer, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", retries);
            other.commit(); // the waiting SELECT ... FOR UPDATE now fails with 40001: the row changed under it
            assertEquals(1L, retries.get(20, TimeUnit.SECONDS));
            assertArrayEquals(bytes("v1"), seen.toByteArray(), "the retry read the committed value");
            ValueBuffer now = new ValueBuffer(8);
            assertTrue(store.get(KEY, now));
            assertArrayEquals(bytes("v2"), now.toByteArray());
        }
    }

    @Test
    void aSerializationFailureWithNoRetriesLeftIsAnErrorWithItsSqlState() throws Exception {
        try (SqlTesting.Server server = new SqlTesting.Server(SqlTesting.Kind.POSTGRES, temp.resolve("pg"), null);
                KeyValueStore store = open(server, PostgresEngine.NAME, Map.of("isolation", "serializable",
                        "retries", "0"));
                Connection other = DriverManager.getConnection(server.urlWithUser());
                Connection observer = DriverManager.getConnection(server.urlWithUser())) {
            store.put(KEY, bytes("v0"));
            other.setAutoCommit(false);
            other.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            update(other, "UPDATE storebench_kv SET v = ? WHERE k = ?", "v1");
            CompletableFuture<Long> attempt = onItsOwnThread(store,
                    () -> store.readModifyWrite(KEY, new ValueBuffer(8), bytes("v2"), 2));
            awaitLockWait(observer, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", attempt);
            other.commit();
            Throwable failure = assertThrows(Exception.class, () -> attempt.get(20, TimeUnit.SECONDS)).getCause();
            assertTrue(failure instanceof StoreException, failure.toString());
            assertTrue(failure.getMessage().contains("SQLSTATE 40001"), failure.getMessage());
            assertFalse(failure.getMessage().contains("\n"), "one line: " + failure.getMessage());
        }
    }

    @Test
    void aLockWaitTimeoutIsRetriedAndCounted() throws Exception {
        try (SqlTesting.Server server = new SqlTesting.Server(SqlTesting.Kind.MARIADB, temp.resolve("maria"), null);
                Connection other = DriverManager.getConnection(server.urlWithUser());
                Connection observer = DriverManager.getConnection(server.urlWithUser())) {
            try (var statement = other.createStatement()) {
                statement.execute("SET GLOBAL innodb_lock_wait_timeout = 1"); // for the store's sessions, made later
            }
            try (KeyValueStore store = open(server, MysqlEngine.NAME, Map.of())) {
                store.put(KEY, bytes("v0"));
                other.setAutoCommit(false);
                update(other, "UPDATE storebench_kv SET v = ? WHERE k = ?", "v1");
                CompletableFuture<Long> retries = onItsOwnThread(store, () -> store.put(KEY, bytes("v2")));
                awaitLockWait(observer, "SELECT count(*) FROM information_schema.PROCESSLIST"
                        + " WHERE INFO LIKE 'INSERT INTO storebench_kv%' AND STATE = 'Update'", retries);
                Thread.sleep(1_500); // past one lock wait timeout: the store's put failed with 1205 at least once
                other.commit();
                assertTrue(retries.get(20, TimeUnit.SECONDS) >= 1, "retried after error 1205");
                ValueBuffer now = new ValueBuffer(8);
                assertTrue(store.get(KEY, now));
                assertArrayEquals(bytes("v2"), now.toByteArray());
            }
        }
    }

    @Test
    void theDialectsKnowWhichFailuresToRetry() {
        PostgresDialect postgres = new PostgresDialect();
        assertTrue(postgres.retryable(new SQLException("serialization", "40001")));
        assertTrue(postgres.retryable(new SQLException("deadlock", "40P01")));
        assertFalse(postgres.retryable(new SQLException("unique violation", "23505")));
        MysqlDialect mysql = new MysqlDialect();
        assertTrue(mysql.retryable(new SQLException("deadlock", "40001", 1213)));
        assertTrue(mysql.retryable(new SQLException("lock wait timeout", "HY000", 1205)));
        assertTrue(mysql.retryable(new SQLException("TiDB write conflict", "HY000", 9007)));
        assertFalse(mysql.retryable(new SQLException("duplicate", "23000", 1062)));
    }

    private static void update(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setBytes(1, bytes(value));
            update.setBytes(2, KEY);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
