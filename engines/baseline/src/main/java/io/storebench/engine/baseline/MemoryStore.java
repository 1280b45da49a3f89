package io.storebench.engine.baseline;

import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.EngineStats;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** See {@link MemoryEngine}. Keys and values are copied in, as the SPI forbids keeping the caller's arrays. */
final class MemoryStore extends AbstractKeyValueStore {
    private final ConcurrentSkipListMap<byte[], byte[]> map = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private final BusyWork delay;
    /** Where the busy work's result would go: it is compared, so the JIT cannot drop the work. */
    private long sink;

    /** @param extraLatencyNanos busy work added to each operation, in nanoseconds (0: none) */
    MemoryStore(long extraLatencyNanos) {
        super(MemoryEngine.NAME);
        this.delay = extraLatencyNanos == 0 ? null : BusyWork.of(extraLatencyNanos);
    }

    private void delay() {
        if (delay != null) {
            long result = delay.delay(System.identityHashCode(this));
            if (result == 42) { // practically never: no shared write (no cache line bouncing between threads)
                sink = result;
            }
        }
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        delay();
        return get(key, into, map);
    }

    @Override
    protected boolean doReadModifyWrite(byte[] key, ValueBuffer into, byte[] value, int valueLength) {
        delay(); // one operation, one delay
        boolean found = get(key, into, map);
        map.put(key.clone(), Arrays.copyOf(value, valueLength));
        return found;
    }

    private static boolean get(byte[] key, ValueBuffer into, Map<byte[], byte[]> map) {
        byte[] value = map.get(key);
        if (value == null) {
            return false;
        }
        into.set(value, 0, value.length);
        return true;
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        delay();
        map.put(key.clone(), Arrays.copyOf(value, valueLength));
    }

    @Override
    protected void doDelete(byte[] key) {
        delay();
        map.remove(key);
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        delay();
        int visited = 0;
        Iterator<Map.Entry<byte[], byte[]>> entries = map.tailMap(startKey, true).entrySet().iterator();
        while (visited < limit && entries.hasNext()) {
            Map.Entry<byte[], byte[]> entry = entries.next();
            visitor.visit(ByteBuffer.wrap(entry.getKey()).asReadOnlyBuffer(),
                    ByteBuffer.wrap(entry.getValue()).asReadOnlyBuffer());
            visited++;
        }
        return visited;
    }

    @Override
    protected void doWrite(WriteBatch batch) {
        delay(); // one batch, one delay
        for (int i = 0; i < batch.size(); i++) {
            if (batch.kind(i) == WriteBatch.Kind.PUT) {
                map.put(batch.key(i).clone(), Arrays.copyOf(batch.value(i), batch.valueLength(i)));
            } else {
                map.remove(batch.key(i));
            }
        }
    }

    @Override
    protected void addStats(EngineStats.Builder stats, boolean closed) {
    }

    @Override
    protected void doClose() {
        map.clear();
    }
}
