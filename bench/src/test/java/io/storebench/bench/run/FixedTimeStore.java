package io.storebench.bench.run;

import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.SelfTimed;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.nio.file.Path;

/**
 * The real {@code memory} engine, whose clock says each call took a fixed, known engine time: what
 * the harness's arithmetic for {@link SelfTimed} stores is tested with (the engine's own timing is
 * tested in the Go engines' module). A call that fails adds no engine time, as the Go stores'.
 */
final class FixedTimeStore implements KeyValueStore, SelfTimed {
    static final long GET_NANOS = 3;
    static final long PUT_NANOS = 5;
    static final long DELETE_NANOS = 7;
    static final long SCAN_NANOS = 11;
    static final long WRITE_NANOS = 13;

    /** One thread's engine time, advanced by the store's calls on that thread (and by a test directly). */
    static final class Clock implements EngineClock {
        private long nanos;

        void add(long engineNanos) {
            nanos += engineNanos;
        }

        @Override
        public long nanos() {
            return nanos;
        }
    }

    private final KeyValueStore memory;
    private final ThreadLocal<Clock> clocks = ThreadLocal.withInitial(Clock::new);
    /** While true, every put fails (after any get of the same operation succeeded). */
    volatile boolean failPuts;

    FixedTimeStore(Path directory) {
        this.memory = EngineRegistry.discover().open("memory", EngineConfig.of(directory)
                .withDurability(io.storebench.engine.Durability.NONE));
    }

    @Override
    public Clock threadClock() {
        return clocks.get();
    }

    @Override
    public String engine() {
        return "memory";
    }

    @Override
    public boolean get(byte[] key, ValueBuffer into) {
        boolean found = memory.get(key, into);
        clocks.get().add(GET_NANOS);
        return found;
    }

    @Override
    public void put(byte[] key, byte[] value, int valueLength) {
        if (failPuts) {
            throw new StoreException("memory: put failed: the test says so");
        }
        memory.put(key, value, valueLength);
        clocks.get().add(PUT_NANOS);
    }

    @Override
    public void delete(byte[] key) {
        memory.delete(key);
        clocks.get().add(DELETE_NANOS);
    }

    @Override
    public int scan(byte[] startKey, int limit, ScanVisitor visitor) {
        int visited = memory.scan(startKey, limit, visitor);
        clocks.get().add(SCAN_NANOS);
        return visited;
    }

    @Override
    public void write(WriteBatch batch) {
        memory.write(batch);
        clocks.get().add(WRITE_NANOS);
    }

    @Override
    public io.storebench.engine.EngineStats stats() {
        return memory.stats();
    }

    @Override
    public int maxKeySize() {
        return memory.maxKeySize();
    }

    @Override
    public void close() {
        memory.close();
    }
}
