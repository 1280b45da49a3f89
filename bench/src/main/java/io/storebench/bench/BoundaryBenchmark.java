package io.storebench.bench;

import io.storebench.engine.EngineConfig;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.go.GoNullEngine;
import io.storebench.engine.go.GoRuntime;
import java.nio.file.Path;
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
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * What crossing from Java into an engine's native code costs per call, with no engine work on the
 * other side:
 * <ul>
 *   <li>{@code nullGet}: a get of the {@code null} baseline through the SPI, the harness's own
 *       cost (a 100-byte value copied into the caller's buffer);</li>
 *   <li>{@code goNullGet}: the same get of {@code go-null}, which crosses into the Go library
 *       ({@code crossing}: the JNI shim or JNA direct mapping, then cgo, the handle lookup and the
 *       panic guard, the key and value through the thread's native buffer) and copies the same 100
 *       bytes there. {@code goNullGet - nullGet} is the Go boundary's cost per operation;</li>
 *   <li>{@code goCallNoArguments}: {@code runtime.NumGoroutine} through the same crossing with no
 *       arguments: the boundary's floor;</li>
 *   <li>{@code jniCallNoArguments}: a rocksdbjni getter ({@code Options.createIfMissing()}, one JNI
 *       call reading a field of a native object): the JNI boundary the JVM engines cross, the
 *       floor to compare the Go one with.</li>
 * </ul>
 * {@code nullGet} and {@code jniCallNoArguments} do not depend on {@code crossing}: they run
 * under both as a check of the noise. Run it with one and with two threads:
 * <pre>
 * java -jar bench/target/benchmarks.jar BoundaryBenchmark -t 1
 * java -jar bench/target/benchmarks.jar BoundaryBenchmark -t 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BoundaryBenchmark {
    private static final byte[] KEY = "user0000000000000001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** How the Go calls cross: jni (the C shim in the library) or jna (JNA direct mapping). */
    @Param({"jni", "jna"})
    public String crossing;

    private KeyValueStore nullStore;
    private KeyValueStore goNullStore;
    private Options options;

    /** Per thread: the buffer a get copies into. */
    @State(Scope.Thread)
    public static class Buffer {
        final ValueBuffer value = new ValueBuffer(128);
    }

    @Setup(Level.Trial)
    public void open() {
        System.setProperty(GoRuntime.crossingProperty(), crossing);
        EngineRegistry registry = EngineRegistry.discover();
        EngineConfig config = EngineConfig.of(Path.of("unused")).withDurability(Durability.NONE);
        nullStore = registry.open("null", config);
        goNullStore = registry.open(GoNullEngine.NAME, config);
        RocksDB.loadLibrary();
        options = new Options();
    }

    @TearDown(Level.Trial)
    public void close() {
        nullStore.close();
        goNullStore.close();
        options.close();
    }

    @Benchmark
    public boolean nullGet(Buffer buffer) {
        return nullStore.get(KEY, buffer.value);
    }

    @Benchmark
    public boolean goNullGet(Buffer buffer) {
        return goNullStore.get(KEY, buffer.value);
    }

    @Benchmark
    public int goCallNoArguments() {
        return crossing.equals("jni") ? GoRuntime.goroutinesThroughJni() : GoRuntime.goroutinesThroughJna();
    }

    @Benchmark
    public boolean jniCallNoArguments() {
        return options.createIfMissing();
    }
}
