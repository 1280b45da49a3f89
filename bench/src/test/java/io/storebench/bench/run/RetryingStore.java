package io.storebench.bench.run;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.EngineStats;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Retrying;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.nio.file.Path;

/**
 * The real {@code memory} engine, whose puts each "retry" a fixed, known number of times on the
 * calling thread's count, as a SQL store retries a serialization failure: what the harness's
 * counting of {@link Retrying} stores is tested with (the SQL stores' own retries are tested in
 * their module, against real servers). Gets never retry; a read-modify-write retries as its put.
 */
final class RetryingStore implements KeyValueStore, Retrying {
    static final int PUT_RETRIES = 2;

    /** One thread's retries. */
    static final class Count implements RetryCount {
        private long count;

        @Override
        public long count() {
            return count;
        }
    }

    private final KeyValueStore memory;
    private final ThreadLocal<Count> counts = ThreadLocal.withInitial(Count::new);
    /** While true, every put runs out of retries: it retries {@link #PUT_RETRIES} times, then fails. */
    volatile boolean retriesRunOut;

    RetryingStore(Path directory) {
        this.memory = EngineRegistry.discover().open("memory", EngineConfig.of(directory)
                .withDurability(Durability.NONE));
    }

    @Override
    public Count threadRetries() {
        return counts.get();
    }

    @Override
    public String engine() {
        return "memory";
    }

    @Override
    public boolean get(byte[] key, ValueBuffer into) {
        return memory.get(key, into);
    }

    @Override
    public void put(byte[] key, byte[] value, int valueLength) {
        counts.get().count += PUT_RETRIES;
        if (retriesRunOut) {
            throw new StoreException("memory: put failed after " + PUT_RETRIES + " retries: the test says so");
        }
        memory.put(key, value, valueLength);
    }

    @Override
    public void delete(byte[] key) {
        memory.delete(key);
    }

    @Override
    public int scan(byte[] startKey, int limit, ScanVisitor visitor) {
        return memory.scan(startKey, limit, visitor);
    }

    @Override
    public void write(WriteBatch batch) {
        memory.write(batch);
    }

    @Override
    public EngineStats stats() {
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
