package io.storebench.bench;

import io.storebench.engine.ValueBuffer;
import io.storebench.engine.rocksdb.RocksDbEngine;
import io.storebench.engine.rocksdb.RocksDbStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * What the {@code rocksdb} adapter costs over a raw rocksdbjni call: the same database, the same
 * data, the same keys in the same order, the same {@link ReadOptions} and the same kind of
 * reused buffer. {@code adapterGet} goes through the SPI (closed check, key check, the
 * {@link ValueBuffer}); {@code rawGet} calls {@code RocksDB.get(ReadOptions, byte[], int, int,
 * byte[], int, int)} directly. The ratio adapterGet / rawGet is the adapter's overhead (the
 * README reports it; the aim is at most 1.05).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar RocksDbAdapterOverheadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RocksDbAdapterOverheadBenchmark {
    private LoadedStore loaded;
    private RocksDB raw;
    private ReadOptions readOptions;
    private final ValueBuffer value = new ValueBuffer(LoadedStore.STANDARD_VALUE_SIZE);
    private final byte[] rawValue = new byte[LoadedStore.STANDARD_VALUE_SIZE];

    @Setup(Level.Trial)
    public void load() {
        loaded = LoadedStore.standard(RocksDbEngine.NAME);
        RocksDbStore store = (RocksDbStore) loaded.store();
        raw = store.database();
        readOptions = store.readOptions();
    }

    @TearDown(Level.Trial)
    public void close() {
        loaded.close();
    }

    @Benchmark
    public boolean adapterGet() {
        return loaded.store().get(loaded.nextKey(), value);
    }

    @Benchmark
    public int rawGet() throws RocksDBException {
        byte[] key = loaded.nextKey();
        return raw.get(readOptions, key, 0, key.length, rawValue, 0, rawValue.length);
    }
}
