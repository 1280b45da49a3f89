package io.storebench.engine;

import java.util.List;
import java.util.Set;

/**
 * Opens stores of one engine. Found by {@link EngineRegistry} through {@link java.util.ServiceLoader}:
 * an implementation has a public no-argument constructor and is listed in
 * {@code META-INF/services/io.storebench.engine.EngineProvider}.
 *
 * <p>Providers are stateless descriptions; all state lives in the stores they open. The registry
 * validates the configuration against {@link #durabilities()} and {@link #options()} and prepares
 * the data directory before it calls {@link #open}, so {@code open} receives only valid input.
 */
public interface EngineProvider {

    /** The engine's name on the command line and in reports: lower case, e.g. {@code rocksdb}. */
    String name();

    /** One line: what the engine is and how it is reached, e.g. "RocksDB LSM tree via JNI". */
    String description();

    /** The engine at a glance: data model, transactions, durability, client path (for reports). */
    EngineProfile profile();

    /**
     * The libraries this engine runs on, name to version ({@code "rocksdb" -> "11.8.1"},
     * {@code "sqlite-jdbc" -> "3.54.1.0"}), read from the libraries themselves (their metadata or
     * version calls), never written by hand; recorded per engine in {@code run.json} by each fork,
     * where the engine is loaded anyway. Empty for the baselines and for an engine this build cannot
     * run ({@link #unavailable()}).
     */
    default java.util.Map<String, String> versions() {
        return java.util.Map.of();
    }

    /**
     * Why this engine cannot run in this build, with how to make it available (one line, e.g.
     * "built without Go; install Go 1.26 and run mvn verify"), or empty when it can. An unavailable
     * engine is still listed; opening it is refused with this reason.
     */
    default java.util.Optional<String> unavailable() {
        return java.util.Optional.empty();
    }

    /**
     * The baseline that crosses the same language boundary as this engine and does nothing on the
     * other side ({@code go-null} for the Go engines), when calls to this engine cross one beyond
     * the JVM's own JNI. A run measures it in every fork of this engine and reports the boundary's
     * cost per call beside the engine's figures. Empty for the JVM engines and the baselines.
     */
    default java.util.Optional<String> boundaryBaseline() {
        return java.util.Optional.empty();
    }

    /** What the harness and the contract tests may rely on. */
    Set<Capability> capabilities();

    /** The durability profiles this engine honours exactly; any other is refused. */
    Set<Durability> durabilities();

    /** The engine-specific options, with their defaults and allowed values. */
    List<EngineOption> options();

    /** Whether {@link EngineConfig#dataDirectory()} is used (and so must be a writable directory). */
    default boolean usesDataDirectory() {
        return true;
    }

    /**
     * The bytes of the JVM's heap this engine holds for each record it stores, key and value
     * included, for records of these sizes: what {@code run} checks the forks' heap has room for
     * before loading. 0 (the default) for an engine whose data lives elsewhere: in files, off the
     * heap, in a server, or nowhere.
     */
    default long heapBytesPerRecord(int keySize, int valueSize) {
        return 0;
    }

    /** The longest key this engine stores, in bytes, known before a store is opened. */
    default int maxKeySize() {
        return Integer.MAX_VALUE - 8;
    }

    /** {@code true} for the harness's own baselines ({@code null}, {@code memory}), which are not engines. */
    default boolean baseline() {
        return false;
    }

    /**
     * Opens a store. Called by {@link EngineRegistry#open}, with a configuration already checked.
     *
     * @throws StoreException if the engine fails to open
     */
    KeyValueStore open(EngineConfig config, EngineOptions options);
}
