package io.storebench.engine.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Metric;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.server.LoopbackPorts;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code url} path against servers the test starts itself, with a password: the right one
 * works (from the environment variable's stand-in, a password file); a wrong one, a closed port and
 * a port where something else listens are bad input in one line, within the connect timeout, naming
 * no password. An existing server's own process is not ours: its CPU is absent, with the reason.
 */
class SqlExistingServerTest {
    private static final String PASSWORD = "pw-Zq81-not-in-messages";
    private static final long CONNECT_TIMEOUT_MS = 2_000;

    @TempDir
    Path temp;

    private KeyValueStore open(String engine, Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.putIfAbsent("connect-timeout-ms", Long.toString(CONNECT_TIMEOUT_MS));
        return EngineRegistry.discover().open(engine, new EngineConfig(temp.resolve("data"), Durability.STRICT,
                8L << 20, 1, 0, all));
    }

    private Path passwordFile(String password) throws Exception {
        Path file = temp.resolve("password-" + password.hashCode());
        Files.writeString(file, password + "\n");
        return file;
    }

    @ParameterizedTest
    @EnumSource(SqlTesting.Kind.class)
    void theRightPasswordWorksAndAWrongOneIsOneLineNamingNoPassword(SqlTesting.Kind kind) throws Exception {
        try (SqlTesting.Server server = new SqlTesting.Server(kind, temp.resolve("server"), PASSWORD)) {
            try (KeyValueStore store = open(kind.engine(), Map.of("url", server.url(), "user", server.user(),
                    "password-file", passwordFile(PASSWORD).toString()))) {
                store.put(bytes("k"), bytes("v"));
                ValueBuffer into = new ValueBuffer(4);
                assertTrue(store.get(bytes("k"), into));
                assertArrayEquals(bytes("v"), into.toByteArray());
                assertTrue(store.stats().absences().containsKey(Metric.SERVER_CPU_NANOS));
            }
            String wrong = "wrong-" + PASSWORD;
            ConfigurationException refused = assertThrows(ConfigurationException.class, () -> open(kind.engine(),
                    Map.of("url", server.url(), "user", server.user(), "password-file",
                            passwordFile(wrong).toString())));
            assertOneLineWithout(refused, PASSWORD);
            assertTrue(refused.getMessage().contains("cannot connect to " + server.url() + " as storebench"),
                    refused.getMessage());
        }
    }

    @Test
    void aClosedPortIsOneLineWithinTheConnectTimeout() {
        int port = LoopbackPorts.free("test", 1)[0];
        for (String engine : new String[] {PostgresEngine.NAME, MysqlEngine.NAME}) {
            String url = (engine.equals(PostgresEngine.NAME) ? "jdbc:postgresql" : "jdbc:mysql") + "://127.0.0.1:" + port
                    + "/db";
            long start = System.nanoTime();
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> open(engine, Map.of("url", url)));
            assertWithinConnectTimeout(start);
            assertOneLineWithout(refused, PASSWORD);
            assertTrue(refused.getMessage().startsWith(engine + ": cannot connect to " + url), refused.getMessage());
        }
    }

    @Test
    void aPortWhereSomethingElseListensIsOneLineWithinTheConnectTimeout() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (!other.isClosed()) {
                    try (Socket client = other.accept(); OutputStream out = client.getOutputStream()) {
                        out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            }, "http-stand-in");
            answering.setDaemon(true);
            answering.start();
            for (String engine : new String[] {PostgresEngine.NAME, MysqlEngine.NAME}) {
                String url = (engine.equals(PostgresEngine.NAME) ? "jdbc:postgresql" : "jdbc:mysql") + "://127.0.0.1:"
                        + other.getLocalPort() + "/db";
                long start = System.nanoTime();
                ConfigurationException refused = assertThrows(ConfigurationException.class,
                        () -> open(engine, Map.of("url", url)));
                assertWithinConnectTimeout(start);
                assertOneLineWithout(refused, PASSWORD);
            }
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutShowingIt() {
        for (String url : new String[] {"jdbc:postgresql://127.0.0.1:5432/db?user=u&password=" + PASSWORD,
                "jdbc:postgresql://127.0.0.1:5432/db?sslmode=require&sslpassword=" + PASSWORD,
                "jdbc:mysql://u:" + PASSWORD + "@127.0.0.1:3306/db",
                "jdbc:mysql://(host=127.0.0.1,port=3306,user=u,password=" + PASSWORD + ")/db"}) {
            String engine = url.startsWith("jdbc:mysql") ? MysqlEngine.NAME : PostgresEngine.NAME;
            ConfigurationException refused = assertThrows(ConfigurationException.class,
                    () -> open(engine, Map.of("url", url)), url);
            assertOneLineWithout(refused, PASSWORD);
            assertTrue(refused.getMessage().contains("carries a password"), refused.getMessage());
        }
        ConfigurationException wrongPrefix = assertThrows(ConfigurationException.class, () -> open(PostgresEngine.NAME,
                Map.of("url", "postgresql://u:" + PASSWORD + "@127.0.0.1:26257/db")));
        assertOneLineWithout(wrongPrefix, PASSWORD);
        assertTrue(wrongPrefix.getMessage().contains("is not a jdbc:postgresql://... URL"), wrongPrefix.getMessage());
    }

    @Test
    void aConnectionTheServerDropsCostsOneOperationThenTheThreadConnectsAgain() throws Exception {
        try (SqlTesting.Server server = new SqlTesting.Server(SqlTesting.Kind.POSTGRES, temp.resolve("server"), null);
                KeyValueStore store = open(PostgresEngine.NAME, Map.of("url", server.urlWithUser()));
                java.sql.Connection admin = java.sql.DriverManager.getConnection(server.urlWithUser())) {
            store.put(bytes("k"), bytes("v"));
            assertTrue(SqlQueries.longOf(admin, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = 'storebench' AND pid <> pg_backend_pid()") >= 1);
            ValueBuffer into = new ValueBuffer(4);
            io.storebench.engine.StoreException dropped = assertThrows(io.storebench.engine.StoreException.class,
                    () -> store.get(bytes("k"), into));
            assertFalse(dropped.getMessage().contains("\n"), dropped.getMessage());
            assertTrue(store.get(bytes("k"), into), "the next operation runs on a new connection");
            assertArrayEquals(bytes("v"), into.toByteArray());
        }
    }

    @Test
    void eachStoreOnAnExistingServerStartsFromAnEmptyTable() {
        try (SqlTesting.Server server = new SqlTesting.Server(SqlTesting.Kind.POSTGRES, temp.resolve("server"), null)) {
            try (KeyValueStore first = open(PostgresEngine.NAME, Map.of("url", server.urlWithUser()))) {
                first.put(bytes("left-over"), bytes("from an earlier fork"));
            }
            try (KeyValueStore second = open(PostgresEngine.NAME, Map.of("url", server.urlWithUser()))) {
                assertFalse(second.get(bytes("left-over"), new ValueBuffer(4)), "the table was emptied at open");
            }
        }
    }

    @Test
    void aUserWithoutAPasswordIsRefusedBeforeConnecting() {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> open(MysqlEngine.NAME,
                Map.of("url", "jdbc:mysql://127.0.0.1:1/db", "user", "bench")));
        assertTrue(refused.getMessage().contains("$" + MysqlEngine.PASSWORD_VARIABLE), refused.getMessage());
    }

    @Test
    void optionsOfTheOtherPathAreRefusedNamingThem() {
        ConfigurationException managed = assertThrows(ConfigurationException.class,
                () -> open(PostgresEngine.NAME, Map.of("user", "bench")));
        assertTrue(managed.getMessage().contains("user apply to an existing server only"), managed.getMessage());
        ConfigurationException existing = assertThrows(ConfigurationException.class, () -> open(PostgresEngine.NAME,
                Map.of("url", "jdbc:postgresql://127.0.0.1:1/db", "bin-dir", "/usr")));
        assertTrue(existing.getMessage().contains("bin-dir configure the managed server"), existing.getMessage());
        ConfigurationException keep = assertThrows(ConfigurationException.class, () -> open(MysqlEngine.NAME,
                Map.of("url", "jdbc:mysql://127.0.0.1:1/db", "keep-data", "true")));
        assertTrue(keep.getMessage().contains("keep-data configure the managed server"), keep.getMessage());
        ConfigurationException table = assertThrows(ConfigurationException.class,
                () -> open(MysqlEngine.NAME, Map.of("table", "t; DROP TABLE x")));
        assertTrue(table.getMessage().contains("plain table name"), table.getMessage());
        ConfigurationException url = assertThrows(ConfigurationException.class,
                () -> open(MysqlEngine.NAME, Map.of("url", "jdbc:postgresql://127.0.0.1:1/db")));
        assertTrue(url.getMessage().contains("is not a jdbc:mysql://... URL"), url.getMessage());
        assertFalse(url.getMessage().contains("127.0.0.1"), "the url is never shown: " + url.getMessage());
    }

    private static void assertWithinConnectTimeout(long start) {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsed < CONNECT_TIMEOUT_MS + 3_000, "refused after " + elapsed + " ms");
    }

    private static void assertOneLineWithout(Exception e, String secret) {
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.getMessage().contains(secret), "the message shows the password: " + e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
