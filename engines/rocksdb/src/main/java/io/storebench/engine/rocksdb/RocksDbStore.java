package io.storebench.engine.rocksdb;

import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.PerThread;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.ScratchBuffer;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;
import org.rocksdb.WriteOptions;

/**
 * A RocksDB database behind the SPI. See {@link RocksDbEngine} for the configuration.
 *
 * <p>Reads go through {@code get(ReadOptions, key, ..., buffer, ...)} into the caller's reused
 * buffer (no allocation; grow and retry when the value is larger). {@link ReadOptions} and
 * {@link WriteOptions} are shared read-only; batches and scan buffers are per thread. Every
 * native object is closed, in the order RocksDB requires.
 */
public final class RocksDbStore extends AbstractKeyValueStore {
    static {
        RocksDB.loadLibrary(); // before any RocksDB object is constructed, static fields included
    }

    private final Path directory;
    private final Deque<AutoCloseable> closeLast = new ArrayDeque<>();
    private final Statistics statistics;
    private final RocksDB db;
    private final ReadOptions readOptions;
    private final WriteOptions writeOptions;
    private final PerThread<org.rocksdb.WriteBatch> batches =
            new PerThread<>(org.rocksdb.WriteBatch::new, org.rocksdb.WriteBatch::close);
    private final PerThread<ScratchBuffer[]> scanBuffers =
            new PerThread<>(() -> new ScratchBuffer[] {new ScratchBuffer(64), new ScratchBuffer(1024)}, b -> { });
    private volatile EngineStats lastStats = EngineStats.empty();

    private RocksDbStore(EngineConfig config, EngineOptions options) throws RocksDBException {
        super(RocksDbEngine.NAME);
        this.directory = config.dataDirectory();
        try {
            // Pushed in creation order, closed in reverse: options after the db, then filter, cache, statistics.
            statistics = track(new Statistics());
            LRUCache cache = track(new LRUCache(config.cacheBytes()));
            BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
            int bloomBits = options.intValue(RocksDbEngine.BLOOM_BITS);
            if (bloomBits > 0) {
                table.setFilterPolicy(track(new BloomFilter(bloomBits)));
            }
            Options dbOptions = track(new Options()
                    .setCreateIfMissing(true)
                    .setTableFormatConfig(table)
                    .setStatistics(statistics)
                    .setCompressionType(compression(options.string(RocksDbEngine.COMPRESSION)))
                    .setWriteBufferSize((long) options.intValue(RocksDbEngine.WRITE_BUFFER_MB) << 20)
                    .setMaxBackgroundJobs(options.intValue(RocksDbEngine.BACKGROUND_JOBS)));
            readOptions = track(new ReadOptions());
            writeOptions = track(new WriteOptions().setSync(config.durability() == Durability.STRICT));
            db = RocksDB.open(dbOptions, directory.toString());
        } catch (RocksDBException | RuntimeException e) {
            closeTracked();
            throw e;
        }
    }

    static RocksDbStore open(EngineConfig config, EngineOptions options) {
        try {
            return new RocksDbStore(config, options);
        } catch (RocksDBException e) {
            throw new StoreException("rocksdb: cannot open " + config.dataDirectory() + ": " + e.getMessage(), e);
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        closeLast.push(resource);
        return resource;
    }

    private static CompressionType compression(String name) {
        return switch (name) {
            case "snappy" -> CompressionType.SNAPPY_COMPRESSION;
            case "lz4" -> CompressionType.LZ4_COMPRESSION;
            case "zstd" -> CompressionType.ZSTD_COMPRESSION;
            default -> CompressionType.NO_COMPRESSION;
        };
    }

    /**
     * The underlying database and read options, for the benchmark that measures this adapter's
     * overhead against a raw rocksdbjni call on the same data. Not for general use.
     */
    public RocksDB database() {
        checkOpen("database");
        return db;
    }

    public ReadOptions readOptions() {
        return readOptions;
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        try {
            byte[] buffer = into.array();
            int size = db.get(readOptions, key, 0, key.length, buffer, 0, buffer.length);
            if (size == RocksDB.NOT_FOUND) {
                return false;
            }
            if (size > buffer.length) {
                buffer = into.ensureCapacity(size);
                size = db.get(readOptions, key, 0, key.length, buffer, 0, buffer.length);
                if (size == RocksDB.NOT_FOUND) {
                    return false; // deleted between the two reads
                }
                if (size > buffer.length) {
                    return doGet(key, into); // overwritten with a larger value in between: try again
                }
            }
            into.setLength(size);
            return true;
        } catch (RocksDBException e) {
            throw failure("get", e);
        }
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        try {
            db.put(writeOptions, key, 0, key.length, value, 0, valueLength);
        } catch (RocksDBException e) {
            throw failure("put", e);
        }
    }

    @Override
    protected void doDelete(byte[] key) {
        try {
            db.delete(writeOptions, key);
        } catch (RocksDBException e) {
            throw failure("delete", e);
        }
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        ScratchBuffer[] buffers = scanBuffers.get();
        ScratchBuffer keys = buffers[0];
        ScratchBuffer values = buffers[1];
        int visited = 0;
        try (RocksIterator it = db.newIterator(readOptions)) {
            for (it.seek(startKey); visited < limit && it.isValid(); it.next()) {
                int keySize = it.key(keys.array());
                if (keySize > keys.array().length) {
                    keySize = it.key(keys.array(keySize));
                }
                int valueSize = it.value(values.array());
                if (valueSize > values.array().length) {
                    valueSize = it.value(values.array(valueSize));
                }
                visitor.visit(keys.view(keySize), values.view(valueSize));
                visited++;
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("scan", e);
        }
        return visited;
    }

    @Override
    protected void doWrite(WriteBatch batch) {
        org.rocksdb.WriteBatch native_ = batches.get();
        try {
            native_.clear();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.kind(i) == WriteBatch.Kind.PUT) {
                    byte[] value = batch.value(i);
                    int length = batch.valueLength(i);
                    native_.put(batch.key(i), length == value.length ? value : Arrays.copyOf(value, length));
                } else {
                    native_.delete(batch.key(i));
                }
            }
            db.write(writeOptions, native_);
        } catch (RocksDBException e) {
            throw failure("write", e);
        } finally {
            native_.clear();
        }
    }

    @Override
    protected void addStats(EngineStats.Builder stats, boolean closed) {
        if (closed) {
            lastStats.readings().forEach(stats::put);
            return;
        }
        long wal = statistics.getTickerCount(TickerType.WAL_FILE_BYTES);
        long flush = statistics.getTickerCount(TickerType.FLUSH_WRITE_BYTES);
        long compaction = statistics.getTickerCount(TickerType.COMPACT_WRITE_BYTES);
        EngineStats.Builder own = EngineStats.builder()
                .engine(Metric.CACHE_HITS, statistics.getTickerCount(TickerType.BLOCK_CACHE_HIT), "ticker BLOCK_CACHE_HIT")
                .engine(Metric.CACHE_MISSES, statistics.getTickerCount(TickerType.BLOCK_CACHE_MISS),
                        "ticker BLOCK_CACHE_MISS")
                .engine(Metric.LOG_BYTES_WRITTEN, wal, "ticker WAL_FILE_BYTES")
                .engine(Metric.ENGINE_BYTES_WRITTEN, wal + flush + compaction,
                        "tickers WAL_FILE_BYTES + FLUSH_WRITE_BYTES + COMPACT_WRITE_BYTES")
                .diskUsage(directory);
        EngineStats snapshot = own.build();
        lastStats = snapshot;
        snapshot.readings().forEach(stats::put);
    }

    @Override
    protected void doClose() {
        addStats(EngineStats.builder(), false); // keep the final counters readable after close
        RuntimeException failure = null;
        try {
            batches.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        scanBuffers.close();
        try {
            db.closeE(); // close() would swallow errors
        } catch (RocksDBException e) {
            failure = chain(failure, failure("close", e));
        }
        try {
            closeTracked();
        } catch (RuntimeException e) {
            failure = chain(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void closeTracked() {
        RuntimeException failure = null;
        for (AutoCloseable resource; (resource = closeLast.poll()) != null;) {
            try {
                resource.close();
            } catch (Exception e) {
                failure = chain(failure, new StoreException("rocksdb: closing " + resource.getClass().getSimpleName()
                        + " failed: " + e.getMessage(), e));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException chain(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private StoreException failure(String operation, RocksDBException e) {
        return new StoreException("rocksdb: " + operation + " failed: " + e.getMessage(), e);
    }
}
