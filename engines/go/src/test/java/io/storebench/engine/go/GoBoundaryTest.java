package io.storebench.engine.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.SelfTimed;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boundary itself: a Go panic is a StoreException and the JVM goes on; versions come from the build. */
class GoBoundaryTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    @BeforeEach
    void library() {
        GoTesting.requireLibrary();
    }

    @Test
    void aGoPanicIsAStoreExceptionWithThePanicsMessageAndTheJvmGoesOn() {
        long[] handle = new long[1];
        StoreException e = assertThrows(StoreException.class, () -> GoLibrary.check(
                GoLibrary.sb_open("go-panic", temp.toString(), 0, 1 << 20, "", handle), "go-panic", "open"));
        assertEquals("go-panic: open failed: go panic: test hook: a panic inside the Go library", e.getMessage());
        try (KeyValueStore store = registry.open(BboltEngine.NAME, EngineConfig.of(temp.resolve("after")))) {
            store.put(bytes("k"), bytes("still here"));
            ValueBuffer value = new ValueBuffer(4);
            assertTrue(store.get(bytes("k"), value));
            assertEquals("still here", new String(value.toByteArray(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCallOnAHandleThatIsNotOpenIsAStoreExceptionNamingIt() {
        for (GoCrossing crossing : GoCrossing.values()) {
            StoreException e = assertThrows(StoreException.class, () -> GoLibrary.check(
                    crossing.put(987_654_321L, 0, 0, 0), "badger", "put"));
            assertEquals("badger: put failed: no open store with handle 987654321", e.getMessage());
        }
    }

    @Test
    void bothCrossingsReachTheSameEngine() {
        Path directory = temp.resolve("both");
        try (KeyValueStore jni = registry.open(PebbleEngine.NAME, EngineConfig.of(directory))) {
            jni.put(bytes("k"), bytes("through jni"));
        }
        System.setProperty(GoCrossing.PROPERTY, "jna");
        try (KeyValueStore jna = registry.open(PebbleEngine.NAME, EngineConfig.of(directory))) {
            ValueBuffer value = new ValueBuffer(1);
            assertTrue(jna.get(bytes("k"), value));
            assertEquals("through jni", new String(value.toByteArray(), StandardCharsets.UTF_8));
        } finally {
            System.clearProperty(GoCrossing.PROPERTY);
        }
        System.setProperty(GoCrossing.PROPERTY, "jnr");
        try {
            assertEquals("-Dstorebench.go.crossing=jnr is not a crossing; allowed: jni, jna",
                    assertThrows(io.storebench.engine.ConfigurationException.class,
                            () -> registry.open(PebbleEngine.NAME, EngineConfig.of(directory))).getMessage());
        } finally {
            System.clearProperty(GoCrossing.PROPERTY);
        }
    }

    @Test
    void eachOperationAddsTheEnginesOwnTimeToTheThreadsClock() {
        try (KeyValueStore store = registry.open(BadgerEngine.NAME, EngineConfig.of(temp.resolve("clock")))) {
            SelfTimed.EngineClock clock = ((SelfTimed) store).threadClock();
            long before = clock.nanos();
            long outside = System.nanoTime();
            store.put(bytes("k"), bytes("v"));
            store.get(bytes("k"), new ValueBuffer(1));
            outside = System.nanoTime() - outside;
            long engine = clock.nanos() - before;
            assertTrue(engine > 0 && engine < outside, "engine " + engine + " ns of " + outside + " ns around the calls");
        }
    }

    @Test
    void anEngineThatCannotOpenItsDirectoryFailsWithTheEnginesReason() throws Exception {
        Path file = java.nio.file.Files.writeString(temp.resolve("not-a-directory"), "x");
        long[] handle = new long[1];
        StoreException e = assertThrows(StoreException.class, () -> GoLibrary.check(
                GoLibrary.sb_open("pebble", file.toString(), 0, 1 << 20, "", handle), "pebble", "open"));
        assertTrue(e.getMessage().startsWith("pebble: open failed: "), e.getMessage());
    }

    @Test
    void versionsAreThoseTheLibraryWasBuiltWith() {
        Map<String, String> badger = registry.provider(BadgerEngine.NAME).versions();
        assertEquals("4.9.6", badger.get("github.com/dgraph-io/badger/v4"), badger.toString());
        assertTrue(badger.get("go").startsWith("1.26"), badger.toString());
        assertEquals("1.4.3", registry.provider(BboltEngine.NAME).versions().get("go.etcd.io/bbolt"));
        assertEquals("2.1.7", registry.provider(PebbleEngine.NAME).versions().get("github.com/cockroachdb/pebble/v2"));
        assertEquals("1.0.0", registry.provider(GoLevelDbEngine.NAME).versions().get("github.com/syndtr/goleveldb"));
        assertEquals(Map.of(), registry.provider(GoNullEngine.NAME).versions());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
