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

    MemoryStore() {
        super(MemoryEngine.NAME);
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        byte[] value = map.get(key);
        if (value == null) {
            return false;
        }
        into.set(value, 0, value.length);
        return true;
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        map.put(key.clone(), Arrays.copyOf(value, valueLength));
    }

    @Override
    protected void doDelete(byte[] key) {
        map.remove(key);
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
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
        for (int i = 0; i < batch.size(); i++) {
            if (batch.kind(i) == WriteBatch.Kind.PUT) {
                doPut(batch.key(i), batch.value(i), batch.valueLength(i));
            } else {
                doDelete(batch.key(i));
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
