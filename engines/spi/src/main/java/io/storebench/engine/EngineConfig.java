package io.storebench.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to open an engine. Engine-neutral settings are fields; engine-specific ones are in
 * {@link #options()}, validated against the engine's documented list when the store is opened.
 *
 * @param dataDirectory where the engine keeps its files (created if absent; must be a writable
 *     directory). Baselines and remote engines may ignore it.
 * @param durability what an acknowledged write survives; an engine that cannot honour it refuses
 * @param cacheBytes the memory budget for the engine's own cache, the same for every engine:
 *     RocksDB's block cache, SQLite's page cache (split across its per-thread connections). LMDB
 *     has no cache of its own: the OS page cache is its cache, and this budget does not bound it.
 * @param threads how many threads will use the store at once (SQLite splits its cache over
 *     that many connections; LMDB sizes its reader table from it)
 * @param expectedDataBytes the user bytes (keys and values) the run expects to hold, used to
 *     size LMDB's map with headroom; 0 if unknown
 * @param options engine-specific options by name
 */
public record EngineConfig(Path dataDirectory, Durability durability, long cacheBytes, int threads,
        long expectedDataBytes, Map<String, String> options) {

    /** 64 MiB: the default cache budget. */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    public static final long MIN_CACHE_BYTES = 1L << 20;
    public static final long MAX_CACHE_BYTES = 1L << 40;
    public static final int MAX_THREADS = 1024;

    public EngineConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(durability, "durability");
        if (cacheBytes < MIN_CACHE_BYTES || cacheBytes > MAX_CACHE_BYTES) {
            throw new ConfigurationException("cache budget " + cacheBytes + " bytes is out of range; allowed: "
                    + MIN_CACHE_BYTES + ".." + MAX_CACHE_BYTES + " (1 MiB to 1 TiB)");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new ConfigurationException("threads " + threads + " is out of range; allowed: 1.." + MAX_THREADS);
        }
        if (expectedDataBytes < 0) {
            throw new ConfigurationException("expected data bytes " + expectedDataBytes + " is negative; allowed: 0 or more");
        }
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
    }

    /** Buffered durability, the default cache, one thread, no size hint, no options. */
    public static EngineConfig of(Path dataDirectory) {
        return new EngineConfig(dataDirectory, Durability.BUFFERED, DEFAULT_CACHE_BYTES, 1, 0, Map.of());
    }

    public EngineConfig withDataDirectory(Path value) {
        return new EngineConfig(value, durability, cacheBytes, threads, expectedDataBytes, options);
    }

    public EngineConfig withDurability(Durability value) {
        return new EngineConfig(dataDirectory, value, cacheBytes, threads, expectedDataBytes, options);
    }

    public EngineConfig withCacheBytes(long value) {
        return new EngineConfig(dataDirectory, durability, value, threads, expectedDataBytes, options);
    }

    public EngineConfig withThreads(int value) {
        return new EngineConfig(dataDirectory, durability, cacheBytes, value, expectedDataBytes, options);
    }

    public EngineConfig withExpectedDataBytes(long value) {
        return new EngineConfig(dataDirectory, durability, cacheBytes, threads, value, options);
    }

    public EngineConfig withOptions(Map<String, String> value) {
        return new EngineConfig(dataDirectory, durability, cacheBytes, threads, expectedDataBytes, value);
    }
}
