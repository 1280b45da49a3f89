package io.storebench.engine.go;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ValueBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Close frees everything: opening, using and closing a Go engine 100 times in this JVM leaves as
 * many open files and Go goroutines as before. The first open and close, before counting, lets an
 * engine start what it starts once per process (a package's global goroutine is not a leak; one
 * per open is).
 */
class GoStoreLifecycleTest {
    private static final int ROUNDS = 100;

    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    @BeforeEach
    void library() {
        GoTesting.requireLibrary();
    }

    @ParameterizedTest
    @ValueSource(strings = {BadgerEngine.NAME, BboltEngine.NAME, PebbleEngine.NAME, GoLevelDbEngine.NAME,
            GoNullEngine.NAME})
    void openingAndClosing100TimesLeavesNoFileHandleNorGoroutine(String engine) throws Exception {
        Durability durability = registry.provider(engine).durabilities().iterator().next();
        EngineConfig config = EngineConfig.of(temp.resolve("first")).withDurability(durability);
        useOnce(engine, config);
        int files = openFiles();
        int goroutines = GoLibrary.sb_goroutines();
        for (int round = 0; round < ROUNDS; round++) {
            useOnce(engine, config.withDataDirectory(temp.resolve("round-" + round)));
        }
        // A leak adds handles; the JVM may close one of its own meanwhile (a jar, a JIT log), so fewer is no leak.
        int filesAfter = openFiles();
        assertTrue(filesAfter <= files, engine + ": " + filesAfter + " open files after " + ROUNDS
                + " opens and closes, " + files + " before");
        int after = settledGoroutines(goroutines);
        assertTrue(after <= goroutines, engine + ": " + after + " Go goroutines after " + ROUNDS
                + " opens and closes, " + goroutines + " before");
    }

    private void useOnce(String engine, EngineConfig config) {
        try (KeyValueStore store = registry.open(engine, config)) {
            store.put(bytes("key"), bytes("value"));
            ValueBuffer value = new ValueBuffer(8);
            assertTrue(store.get(bytes("key"), value), engine + " lost its key");
            store.stats();
        }
    }

    /** The goroutine count once it stops falling (exiting goroutines take a moment), at most 2 s. */
    private static int settledGoroutines(int target) throws InterruptedException {
        int count = GoLibrary.sb_goroutines();
        for (int wait = 0; wait < 40 && count > target; wait++) {
            Thread.sleep(50);
            count = GoLibrary.sb_goroutines();
        }
        return count;
    }

    private static int openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
