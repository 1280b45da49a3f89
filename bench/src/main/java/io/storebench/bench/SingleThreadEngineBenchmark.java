package io.storebench.bench;

import io.storebench.engine.ValueBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread get and put through the engine SPI: 16-byte keys, 100-byte values, 100k records
 * loaded, every engine with the same configuration (buffered durability, 64 MiB cache; the
 * baselines run with durability none, the only profile they have). Each fork loads a fresh
 * store in a new temporary directory and removes it at the end.
 *
 * <p>The measured methods do one engine call on a key taken from a precomputed shuffled array.
 * {@code put} overwrites loaded keys, so the data set keeps its size.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SingleThreadEngineBenchmark
 * java -jar bench/target/benchmarks.jar SingleThreadEngineBenchmark -p engine=rocksdb,lmdb
 * </pre>
 * Without {@code -p engine=...} it runs every registered engine that runs in process, baselines
 * included: {@link JmhPassThrough} adds them, from the engine registry (no list typed here).
 * What you should see: {@code null} at tens of ns (the harness's own cost), {@code memory} a few
 * hundred ns, the embedded engines from about a microsecond up; puts dearer than gets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SingleThreadEngineBenchmark {
    /** None here: {@link JmhPassThrough} supplies every registered in-process engine unless {@code -p engine=} is given. */
    @Param("")
    public String engine;

    private LoadedStore loaded;
    private final ValueBuffer value = new ValueBuffer(LoadedStore.STANDARD_VALUE_SIZE);
    private final byte[] newValue = new byte[LoadedStore.STANDARD_VALUE_SIZE];

    @Setup(Level.Trial)
    public void load() {
        if (engine.isBlank()) {
            throw new IllegalStateException("no engine: give -p engine=<name,...> (java -jar benchmarks.jar supplies"
                    + " every in-process engine when none is given)");
        }
        loaded = LoadedStore.standard(engine);
        new SplittableRandom(7).nextBytes(newValue);
    }

    @TearDown(Level.Trial)
    public void close() {
        loaded.close();
    }

    @Benchmark
    public boolean get() {
        return loaded.store().get(loaded.nextKey(), value);
    }

    @Benchmark
    public void put() {
        loaded.store().put(loaded.nextKey(), newValue);
    }
}
