package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ValueBuffer;
import io.storebench.stats.model.LoadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded RocksDB store, kept as the run's image and opened again from a copy, as a run's later forks do. */
class LoadImageTest {
    @TempDir
    Path temp;

    private static LoadImage.Manifest identity(String fingerprint) {
        return new LoadImage.Manifest("rocksdb", fingerprint, "buffered", Map.of("compression", "none"),
                Map.of("rocksdb", "11.8.1"), null, null, null);
    }

    @Test
    void aLaterForkOpensTheCopyWithEveryRecordAndOnlyAMatchingImageIsUsed() throws Exception {
        EngineRegistry registry = EngineRegistry.discover();
        Path first = temp.resolve("data").resolve("rocksdb-1");
        EngineConfig config = EngineConfig.of(first).withDurability(Durability.BUFFERED);
        try (KeyValueStore store = registry.open("rocksdb", config)) {
            for (int i = 0; i < 1000; i++) {
                store.put(key(i), value(i), value(i).length);
            }
        }
        LoadImage image = LoadImage.of(temp, null, identity("abc, 1000 records, 1 loading threads"));
        assertEquals(Optional.empty(), image.usable(), "no image before the first fork saves one");
        LoadResult load = new LoadResult(1000, 0.5, 2000, 1, 2, 0, 20_000L, 1);
        image.save(first, "rocksdb-1", load);
        assertFalse(Files.exists(temp.resolve("data").resolve("rocksdb.image.partial")), "no partial image left");

        LoadImage.Manifest manifest = image.usable().orElseThrow();
        assertEquals("rocksdb-1", manifest.loadedBy());
        assertEquals(load, manifest.load());
        Path second = temp.resolve("data").resolve("rocksdb-2");
        double seconds = image.copyInto(second);
        assertTrue(seconds >= 0);
        assertFalse(Files.exists(second.resolve(LoadImage.MANIFEST)), "the manifest is the image's, not the store's");
        try (KeyValueStore store = registry.open("rocksdb", config.withDataDirectory(second))) {
            ValueBuffer into = new ValueBuffer(64);
            for (int i = 0; i < 1000; i++) {
                assertTrue(store.get(key(i), into), "record " + i);
                assertArrayEquals(value(i), into.toByteArray(), "record " + i);
            }
        }
        assertEquals(new LoadResult(1000, 0.5, 2000, 1, 2, 0, 20_000L, 1, "rocksdb-1", 0.25),
                load.copiedFrom("rocksdb-1", 0.25));

        // Another workload, profile or engine option: the image is never used.
        assertEquals(Optional.empty(), LoadImage.of(temp, null, identity("abd, 1000 records, 1 loading threads"))
                .usable());
        assertEquals(Optional.empty(), LoadImage.of(temp, null, new LoadImage.Manifest("rocksdb",
                "abc, 1000 records, 1 loading threads", "strict", Map.of("compression", "none"),
                Map.of("rocksdb", "11.8.1"), null, null, null)).usable());
        assertEquals(Optional.empty(), LoadImage.of(temp, null, new LoadImage.Manifest("rocksdb",
                "abc, 1000 records, 1 loading threads", "buffered", Map.of("compression", "lz4"),
                Map.of("rocksdb", "11.8.1"), null, null, null)).usable());
    }

    /** --data-cache: kept between runs under a key of the store's description, used only while its files are intact. */
    @Test
    void aCachedImageServesTheNextRunUntilAFileChanges() throws Exception {
        Path cache = temp.resolve("cache");
        Path store = Files.createDirectories(temp.resolve("run-1").resolve("data").resolve("rocksdb-1"));
        Files.write(store.resolve("000001.sst"), new byte[] {1, 2, 3, 4});
        Files.writeString(store.resolve("CURRENT"), "MANIFEST-000002\n");
        LoadResult load = new LoadResult(2, 0.1, 20, 1, 2, 0, 10L, 1);
        LoadImage first = LoadImage.of(temp.resolve("run-1"), cache, identity("f, 2 records, 1 loading threads"));
        assertTrue(first.directory().startsWith(cache), first.directory().toString());
        first.save(store, "rocksdb-1", load);

        LoadImage next = LoadImage.of(temp.resolve("run-2"), cache, identity("f, 2 records, 1 loading threads"));
        assertEquals(first.directory(), next.directory(), "the same store, the same folder");
        LoadImage.Manifest manifest = next.usable().orElseThrow();
        assertEquals(Map.of("000001.sst", "4:" + crc(new byte[] {1, 2, 3, 4}), "CURRENT", "16:"
                + crc("MANIFEST-000002\n".getBytes(StandardCharsets.UTF_8))), manifest.files());

        LoadImage otherVersion = LoadImage.of(temp.resolve("run-2"), cache, new LoadImage.Manifest("rocksdb",
                "f, 2 records, 1 loading threads", "buffered", Map.of("compression", "none"),
                Map.of("rocksdb", "11.9.0"), null, null, null));
        assertFalse(otherVersion.directory().equals(first.directory()), "another version is another data set");
        assertEquals(Optional.empty(), otherVersion.usable());

        Files.write(next.directory().resolve("000001.sst"), new byte[] {1, 2, 3, 5}); // one byte changed
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Optional.empty(), next.usable(), "a damaged image is never used");
        } finally {
            System.setOut(console);
        }
        assertEquals("storebench: rocksdb: the cached data set in " + next.directory() + " is damaged (000001.sst is 4:"
                + crc(new byte[] {1, 2, 3, 5}) + " (size:crc32c), its manifest says 4:" + crc(new byte[] {1, 2, 3, 4})
                + "): loading again, and replacing it\n", said.toString(StandardCharsets.UTF_8));
        next.save(store, "rocksdb-7", load);
        assertEquals("rocksdb-7", next.usable().orElseThrow().loadedBy(), "rebuilt and replaced");
    }

    private static String crc(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return Long.toHexString(crc.getValue());
    }

    private static byte[] key(int i) {
        return String.format("user%08d", i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int i) {
        return ("value-" + i + "-" + "x".repeat(i % 50)).getBytes(StandardCharsets.UTF_8);
    }
}
