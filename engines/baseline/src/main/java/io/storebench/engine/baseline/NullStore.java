package io.storebench.engine.baseline;

import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.EngineStats;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.util.concurrent.atomic.AtomicLong;

/** See {@link NullEngine}. A get copies the fixed value into the caller's buffer, as any engine's get must. */
final class NullStore extends AbstractKeyValueStore {
    private final byte[] fixedValue;
    private final long stallAfter;
    private final long stallMillis;
    private final AtomicLong gets;

    NullStore(int valueSize, long stallAfter, long stallMillis) {
        super(NullEngine.NAME);
        this.fixedValue = new byte[valueSize];
        this.stallAfter = stallAfter;
        this.stallMillis = stallMillis;
        this.gets = stallAfter > 0 ? new AtomicLong() : null; // no shared counter on the plain baseline's path
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        if (gets != null && gets.incrementAndGet() == stallAfter) {
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        into.set(fixedValue, 0, fixedValue.length);
        return true;
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
    }

    @Override
    protected void doDelete(byte[] key) {
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        return 0;
    }

    @Override
    protected void doWrite(WriteBatch batch) {
    }

    @Override
    protected void addStats(EngineStats.Builder stats, boolean closed) {
    }

    @Override
    protected void doClose() {
    }
}
