package io.storebench.engine.sql;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * A JVM that opens a store of a SQL engine (starting its managed server) and halts without running
 * shutdown hooks, as a forked benchmark JVM does when its parent is gone: {@code SqlStoreTest}
 * checks the watchdog cleans up. Arguments: the engine, the data directory.
 */
public final class HaltingMain {
    static final int EXIT = 7;

    private HaltingMain() {
    }

    public static void main(String[] args) {
        KeyValueStore store = EngineRegistry.discover().open(args[0], new EngineConfig(Path.of(args[1]),
                Durability.BUFFERED, 8L << 20, 2, 0, Map.of()));
        store.put(new byte[] {1}, new byte[] {2});
        System.out.println("server " + ((SqlStore) store).serverProcess().pid());
        System.out.flush();
        Runtime.getRuntime().halt(EXIT);
    }
}
