package io.storebench.engine.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    @Test
    void databaseIsInWalModeWithAWithoutRowidBlobTable() throws Exception {
        try (KeyValueStore store = registry.open("sqlite", EngineConfig.of(temp))) {
            store.put("k".getBytes(), "v".getBytes());
            assertTrue(Files.exists(temp.resolve("kv.sqlite-wal")), "a WAL file while open");
            try (Connection check = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("kv.sqlite"));
                    Statement statement = check.createStatement()) {
                assertEquals("wal", single(statement, "PRAGMA journal_mode"));
                String sql = single(statement, "SELECT sql FROM sqlite_master WHERE name = 'kv'");
                assertTrue(sql.contains("WITHOUT ROWID") && sql.contains("k BLOB PRIMARY KEY"), sql);
            }
        }
    }

    @Test
    void strictIsSynchronousFullAndBufferedIsOff() throws Exception {
        // synchronous is per connection: read it through the store's own per-thread connection
        // by opening stores and checking the pragma they pass to every connection.
        for (Durability durability : new Durability[] {Durability.STRICT, Durability.BUFFERED}) {
            Path dir = temp.resolve(durability.label());
            try (KeyValueStore store = registry.open("sqlite", EngineConfig.of(dir).withDurability(durability))) {
                store.put("k".getBytes(), "v".getBytes());
                String expected = durability == Durability.STRICT ? "2" : "0"; // FULL = 2, OFF = 0
                assertEquals(expected, ((SqliteStore) store).pragmaOnThisThread("synchronous"));
                assertEquals(Long.toString(-(EngineConfig.DEFAULT_CACHE_BYTES / 1024)),
                        ((SqliteStore) store).pragmaOnThisThread("cache_size"));
                assertEquals("0", ((SqliteStore) store).pragmaOnThisThread("mmap_size"));
            }
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
