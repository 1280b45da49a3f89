package io.storebench.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.EngineStats;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Metric;
import io.storebench.engine.WriteBatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The managed servers of both SQL engines, against real PostgreSQL and MariaDB: durability and the
 * cache budget reach the server's settings, the server's counters are read, and no server process
 * or data is left after close, nor after the JVM halts.
 */
class SqlStoreTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    private static void require(SqlTesting.Kind kind) {
        if (kind == SqlTesting.Kind.POSTGRES) {
            SqlTesting.requirePostgres();
        } else {
            SqlTesting.requireMariaDb();
        }
    }

    private SqlStore open(SqlTesting.Kind kind, Durability durability, long cacheBytes) {
        require(kind);
        return (SqlStore) registry.open(kind.engine(), new EngineConfig(temp.resolve("data"), durability, cacheBytes, 2,
                0, Map.of()));
    }

    /** The server setting {@code name} as the store's own server reports it. */
    private static String setting(SqlStore store, SqlTesting.Kind kind, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(store.serverUrl() + "?user=storebench")) {
            return SqlQueries.stringOf(connection, kind == SqlTesting.Kind.POSTGRES ? "SHOW " + name
                    : "SELECT @@GLOBAL." + name);
        }
    }

    @ParameterizedTest
    @EnumSource(SqlTesting.Kind.class)
    void durabilityAndTheCacheBudgetAreTheServersSettings(SqlTesting.Kind kind) throws Exception {
        try (SqlStore strict = open(kind, Durability.STRICT, 48L << 20)) {
            if (kind == SqlTesting.Kind.POSTGRES) {
                assertEquals("on", setting(strict, kind, "synchronous_commit"));
                assertEquals("on", setting(strict, kind, "fsync"));
                assertEquals("48MB", setting(strict, kind, "shared_buffers"));
            } else {
                assertEquals("1", setting(strict, kind, "innodb_flush_log_at_trx_commit"));
                assertEquals("1", setting(strict, kind, "sync_binlog"));
                assertEquals(Long.toString(48L << 20), setting(strict, kind, "innodb_buffer_pool_size"));
            }
        }
        try (SqlStore buffered = open(kind, Durability.BUFFERED, 8L << 20)) {
            if (kind == SqlTesting.Kind.POSTGRES) {
                assertEquals("on", setting(buffered, kind, "synchronous_commit"));
                assertEquals("off", setting(buffered, kind, "fsync"));
            } else {
                assertEquals("2", setting(buffered, kind, "innodb_flush_log_at_trx_commit"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SqlTesting.Kind.class)
    void theServersCountersAreReadWithTheirSources(SqlTesting.Kind kind) throws Exception {
        try (SqlStore store = open(kind, Durability.STRICT, 16L << 20)) {
            EngineStats before = store.stats();
            WriteBatch batch = new WriteBatch();
            byte[] value = new byte[1000];
            for (int i = 0; i < 2000; i++) {
                batch.put(("key-" + i).getBytes(StandardCharsets.UTF_8), value);
                if (batch.size() == 500) {
                    store.write(batch);
                    batch.clear();
                }
            }
            io.storebench.engine.ValueBuffer into = new io.storebench.engine.ValueBuffer(16);
            for (int i = 0; i < 2000; i++) {
                assertTrue(store.get(("key-" + i).getBytes(StandardCharsets.UTF_8), into));
            }
            EngineStats delta = store.stats().since(before);
            long logBytes = delta.get(Metric.LOG_BYTES_WRITTEN).orElseThrow().value();
            assertTrue(logBytes > 2_000_000, "2 MB written, log bytes " + logBytes);
            // PostgreSQL's backends publish their block counts at most once a second, so a reading may lag
            assertTrue(delta.get(Metric.CACHE_HITS).orElseThrow().value() > 0, delta.toString());
            assertTrue(delta.cacheHitRatio().isPresent(), "a hit ratio: " + delta);
            assertTrue(delta.get(Metric.BYTES_ON_DISK).orElseThrow().value() > 2_000_000, delta.toString());
            assertTrue(delta.get(Metric.BYTES_ON_DISK).orElseThrow().source().contains("data directory"));
            assertTrue(delta.get(Metric.SERVER_CPU_NANOS).orElseThrow().value() > 0, delta.toString());
            if (kind == SqlTesting.Kind.POSTGRES) {
                assertTrue(delta.get(Metric.CHECKPOINTS).isPresent(), delta.toString());
                assertTrue(delta.get(Metric.LOG_BYTES_WRITTEN).orElseThrow().source().contains("pg_current_wal_lsn"));
            } else {
                assertTrue(delta.get(Metric.LOG_BYTES_WRITTEN).orElseThrow().source().contains("Innodb_os_log_written"));
            }
            assertTrue(delta.absences().keySet().equals(kind == SqlTesting.Kind.POSTGRES ? java.util.Set.of()
                    : java.util.Set.of(Metric.CHECKPOINTS)), "absent on " + kind + ": " + delta.absences());
            assertTrue(store.versions().get(kind.engine() + "-server")
                    .contains(kind == SqlTesting.Kind.POSTGRES ? "PostgreSQL 15" : "MariaDB"), store.versions().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(SqlTesting.Kind.class)
    void closeStopsTheServerAndRemovesItsData(SqlTesting.Kind kind) throws Exception {
        SqlStore store = open(kind, Durability.BUFFERED, 8L << 20);
        store.put(new byte[] {1}, new byte[] {2});
        ProcessHandle server = store.serverProcess();
        List<ProcessHandle> children = server.descendants().toList();
        Path root = store.serverRoot();
        assertTrue(Files.isDirectory(root));
        store.close();
        assertFalse(server.isAlive(), "server alive after close");
        assertTrue(server.onExit().get(10, TimeUnit.SECONDS) != null);
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(root), root + " left after close");
        EngineStats after = store.stats(); // works after close, with the last readings
        assertTrue(after.get(Metric.USER_BYTES_WRITTEN).isPresent());
        assertEquals(List.of(), store.serverDeaths(), "a server the store stopped is no death");
    }

    /** The managed server killed with SIGKILL under an open store is a death the store reports. */
    @ParameterizedTest
    @EnumSource(SqlTesting.Kind.class)
    void aServerKilledUnderTheOpenStoreIsReportedAsDead(SqlTesting.Kind kind) throws Exception {
        SqlStore store = open(kind, Durability.BUFFERED, 8L << 20);
        Path root = store.serverRoot();
        try {
            store.put(new byte[] {1}, new byte[] {2});
            ProcessHandle server = store.serverProcess();
            assertEquals(List.of(), store.serverDeaths());
            assertTrue(server.destroyForcibly());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.serverDeaths().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<io.storebench.engine.ServerDeath> deaths = store.serverDeaths();
            assertEquals(1, deaths.size(), deaths.toString());
            assertEquals("managed server", deaths.get(0).server());
            assertEquals(server.pid(), deaths.get(0).pid());
            assertEquals("killed by SIGKILL (exit code 137)", deaths.get(0).how());
        } finally {
            try {
                store.close();
            } catch (io.storebench.engine.StoreException linkGone) {
                // MariaDB's driver fails to close a connection to a dead server; the rest is closed all the same
            }
        }
        assertEquals(1, store.serverDeaths().size(), "closing adds none");
        assertFalse(Files.exists(root), root + " left after close");
    }

    /**
     * keep-data: the server is stopped at close but its folder stays, and the next store starts on
     * it (no initialization) and finds what the first one wrote.
     */
    @ParameterizedTest
    @EnumSource(SqlTesting.Kind.class)
    void withKeepDataTheServerStartsAgainOnTheDataItLeft(SqlTesting.Kind kind) throws Exception {
        require(kind);
        EngineConfig config = new EngineConfig(temp.resolve("data"), Durability.BUFFERED, 8L << 20, 1, 0,
                Map.of("keep-data", "true"));
        Path root;
        ProcessHandle first;
        try (KeyValueStore store = registry.open(kind.engine(), config)) {
            store.put(new byte[] {1}, new byte[] {2, 3});
            root = ((SqlStore) store).serverRoot();
            first = ((SqlStore) store).serverProcess();
        }
        assertFalse(first.isAlive(), "server alive after close");
        assertTrue(Files.isDirectory(root.resolve("data")), root + " kept");
        Path initLog = root.resolve((kind == SqlTesting.Kind.POSTGRES ? "postgres" : "mariadb") + "-init.log");
        java.nio.file.attribute.FileTime initialized = Files.getLastModifiedTime(initLog);
        try (KeyValueStore store = registry.open(kind.engine(), config)) {
            io.storebench.engine.ValueBuffer value = new io.storebench.engine.ValueBuffer(16);
            assertTrue(store.get(new byte[] {1}, value), "the key written before the restart");
            assertEquals(2, value.length());
        }
        assertEquals(initialized, Files.getLastModifiedTime(initLog), "the data directory was not initialized again");
        assertTrue(Files.isDirectory(root.resolve("data")), root + " kept after the second close");
    }

    @org.junit.jupiter.api.Test
    void aServerThatCannotStartIsAFailureQuotingItsErrorAndLeavesNothing() {
        // 1 TiB of shared_buffers: PostgreSQL cannot map it and exits at once
        io.storebench.engine.StoreException failure = org.junit.jupiter.api.Assertions.assertThrows(
                io.storebench.engine.StoreException.class,
                () -> open(SqlTesting.Kind.POSTGRES, Durability.BUFFERED, EngineConfig.MAX_CACHE_BYTES));
        assertTrue(failure.getMessage().contains("the server exited with code"), failure.getMessage());
        assertTrue(failure.getMessage().contains("FATAL"), "quotes the server's error: " + failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"), failure.getMessage());
        assertFalse(Files.exists(temp.resolve("data").resolve("postgres-server")), "nothing left");
    }

    @ParameterizedTest
    @EnumSource(SqlTesting.Kind.class)
    void aJvmThatHaltsLeavesNoServerAndNoDataBehind(SqlTesting.Kind kind) throws Exception {
        require(kind);
        Path directory = temp.resolve("halted");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HaltingMain.class.getName(), kind.engine(), directory.toString())
                .redirectErrorStream(true).start();
        long pid = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                output.append(line).append('\n');
                if (line.startsWith("server ")) {
                    pid = Long.parseLong(line.substring(7).trim());
                }
            }
        }
        assertEquals(HaltingMain.EXIT, child.waitFor(), output.toString());
        assertTrue(pid > 0, "the child printed its server's pid: " + output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        boolean alive;
        boolean data;
        do {
            Thread.sleep(100);
            alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            data = Files.exists(directory.resolve((kind == SqlTesting.Kind.POSTGRES ? "postgres" : "mariadb") + "-server"));
        } while ((alive || data) && System.nanoTime() < deadline);
        assertFalse(alive, "server " + pid + " alive after its JVM halted");
        assertFalse(data, "data left after the JVM halted");
    }
}
