package io.storebench.engine.rocksdb;

import io.storebench.engine.AbstractEngineProvider;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import io.storebench.engine.KeyValueStore;
import java.util.List;
import java.util.Map;
import org.rocksdb.RocksDB;

/**
 * {@code rocksdb}: RocksDB, an LSM tree, through rocksdbjni (JNI).
 *
 * <p>Block cache: an {@link org.rocksdb.LRUCache} of exactly {@link EngineConfig#cacheBytes()}.
 * A Bloom filter as a deployment would have one. No compression unless asked for, so that every
 * engine stores the same bytes. Durability: {@code strict} is {@code WriteOptions.sync=true}
 * (one fsync shared by concurrent writers: group commit), {@code buffered} is
 * {@code sync=false} with the WAL on. Disabling the WAL is not offered: it is not comparable.
 */
public final class RocksDbEngine extends AbstractEngineProvider {
    public static final String NAME = "rocksdb";

    static final String COMPRESSION = "compression";
    static final String BLOOM_BITS = "bloom-bits";
    static final String WRITE_BUFFER_MB = "write-buffer-mb";
    static final String BACKGROUND_JOBS = "background-jobs";

    public RocksDbEngine() {
        super(NAME, "RocksDB LSM tree via rocksdbjni (JNI)", EMBEDDED_DURABLE, STRICT_AND_BUFFERED, List.of(
                EngineOption.choice(COMPRESSION, "block compression of SST files", "none",
                        "none", "snappy", "lz4", "zstd"),
                EngineOption.range(BLOOM_BITS, "Bloom filter bits per key (0 = no filter)", 10, 0, 64),
                EngineOption.range(WRITE_BUFFER_MB, "memtable size in MiB before a flush", 64, 1, 4096),
                EngineOption.range(BACKGROUND_JOBS, "background flush and compaction threads", 2, 1, 64)));
    }

    @Override
    public EngineProfile profile() {
        return new EngineProfile("LSM tree (memtable, WAL, levelled SSTables)", "atomic write batches; snapshot reads",
                "strict: WAL fsync per write (group commit across threads); buffered: WAL written, not synced", "JNI (rocksdbjni)");
    }

    /** RocksDB's own version, from the native library (rocksdbjni's jar carries no Maven metadata). */
    @Override
    public Map<String, String> versions() {
        RocksDB.loadLibrary();
        return Map.of("rocksdb", RocksDB.rocksdbVersion().toString());
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        return RocksDbStore.open(config, options);
    }
}
