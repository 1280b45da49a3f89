package io.storebench.bench;

import io.storebench.engine.DataDirectory;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A store opened in a fresh temporary directory and loaded with {@code records} fixed-size
 * records, with the keys kept in a shuffled array so that the measured loop only indexes it
 * ({@code keys[next()]}). Everything here happens outside the timed region.
 */
public final class LoadedStore implements AutoCloseable {
    /** Records are loaded in batches of this many: the same for every engine. */
    public static final int LOAD_BATCH = 1000;

    private final Path directory;
    private final KeyValueStore store;
    private final byte[][] keys;
    private final Durability durability;
    private int cursor;

    private LoadedStore(Path directory, KeyValueStore store, byte[][] keys, Durability durability) {
        this.directory = directory;
        this.store = store;
        this.keys = keys;
        this.durability = durability;
    }

    /** Value size of the {@linkplain #standard standard} data set. */
    public static final int STANDARD_VALUE_SIZE = 100;

    /** The standard data set of the single-thread benchmarks: 100k records, 16-byte keys, 100-byte values, seed 42. */
    public static LoadedStore standard(String engine) {
        return open(engine, 100_000, 16, STANDARD_VALUE_SIZE, 42);
    }

    /**
     * Opens {@code engine} with {@code buffered} durability ({@code none} for the baselines, the
     * only profile they offer) and loads it with seeded random keys and values.
     */
    public static LoadedStore open(String engine, int records, int keySize, int valueSize, long seed) {
        EngineRegistry registry = EngineRegistry.discover();
        EngineProvider provider = registry.provider(engine);
        Durability durability = provider.baseline() ? Durability.NONE : Durability.BUFFERED;
        Path directory;
        try {
            directory = Files.createTempDirectory("storebench-" + engine + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EngineConfig config = EngineConfig.of(directory.resolve("data"))
                .withDurability(durability)
                .withExpectedDataBytes((long) records * (keySize + valueSize));
        KeyValueStore store = registry.open(engine, config);
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] keys = new byte[records][];
        byte[] value = new byte[valueSize];
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < records; i++) {
            keys[i] = new byte[keySize];
            random.nextBytes(keys[i]);
            random.nextBytes(value);
            batch.put(keys[i], value.clone());
            if (batch.size() == LOAD_BATCH || i == records - 1) {
                store.write(batch);
                batch.clear();
            }
        }
        for (int i = records - 1; i > 0; i--) { // shuffle, so reads do not follow load order
            int j = random.nextInt(i + 1);
            byte[] swap = keys[i];
            keys[i] = keys[j];
            keys[j] = swap;
        }
        return new LoadedStore(directory, store, keys, durability);
    }

    public KeyValueStore store() {
        return store;
    }

    public Durability durability() {
        return durability;
    }

    /** The next loaded key, cycling through all of them in shuffled order. */
    public byte[] nextKey() {
        byte[] key = keys[cursor];
        if (++cursor == keys.length) {
            cursor = 0;
        }
        return key;
    }

    /** Closes the store and removes its directory. */
    @Override
    public void close() {
        try {
            store.close();
        } finally {
            DataDirectory.delete(directory);
        }
    }
}
