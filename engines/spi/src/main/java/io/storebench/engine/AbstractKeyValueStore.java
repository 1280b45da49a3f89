package io.storebench.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * The checks every adapter needs, in one place: use after close, key and value arguments,
 * idempotent close, and the count of user bytes written (the denominator of write
 * amplification, defined the same way for every engine). Adapters implement the {@code do*}
 * methods, which run only on an open store with valid arguments.
 */
public abstract class AbstractKeyValueStore implements KeyValueStore {
    private final String engine;
    private final LongAdder userBytesWritten = new LongAdder();
    private volatile boolean closed;

    protected AbstractKeyValueStore(String engine) {
        this.engine = engine;
    }

    @Override
    public final String engine() {
        return engine;
    }

    @Override
    public final boolean get(byte[] key, ValueBuffer into) {
        checkOpen("get");
        checkKey(key);
        if (into == null) {
            throw new IllegalArgumentException("value buffer is null");
        }
        return doGet(key, into);
    }

    @Override
    public final void put(byte[] key, byte[] value, int valueLength) {
        checkOpen("put");
        checkKey(key);
        KeyValueStore.checkValue(value, valueLength);
        doPut(key, value, valueLength);
        userBytesWritten.add(key.length + (long) valueLength);
    }

    @Override
    public final boolean readModifyWrite(byte[] key, ValueBuffer into, byte[] value, int valueLength) {
        checkOpen("read-modify-write");
        checkKey(key);
        if (into == null) {
            throw new IllegalArgumentException("value buffer is null");
        }
        KeyValueStore.checkValue(value, valueLength);
        boolean present = doReadModifyWrite(key, into, value, valueLength);
        userBytesWritten.add(key.length + (long) valueLength);
        return present;
    }

    @Override
    public final void delete(byte[] key) {
        checkOpen("delete");
        checkKey(key);
        doDelete(key);
        userBytesWritten.add(key.length);
    }

    @Override
    public final int scan(byte[] startKey, int limit, ScanVisitor visitor) {
        checkOpen("scan");
        checkKey(startKey);
        if (limit < 0) {
            throw new IllegalArgumentException("scan limit " + limit + " is negative; allowed: 0 or more");
        }
        if (visitor == null) {
            throw new IllegalArgumentException("scan visitor is null");
        }
        return limit == 0 ? 0 : doScan(startKey, limit, visitor);
    }

    @Override
    public final void write(WriteBatch batch) {
        checkOpen("write");
        long bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            checkKey(batch.key(i));
            bytes += batch.key(i).length + (long) batch.valueLength(i);
        }
        if (batch.size() > 0) {
            doWrite(batch);
            userBytesWritten.add(bytes);
        }
    }

    @Override
    public final EngineStats stats() {
        EngineStats.Builder builder = EngineStats.builder();
        builder.engine(Metric.USER_BYTES_WRITTEN, userBytesWritten.sum(), "keys and values given to put, write and delete");
        addStats(builder, closed);
        return builder.build();
    }

    @Override
    public int maxKeySize() {
        return Integer.MAX_VALUE - 8;
    }

    @Override
    public final synchronized void close() {
        if (!closed) {
            closed = true;
            doClose();
        }
    }

    protected final boolean isClosed() {
        return closed;
    }

    /** Throws {@link StoreClosedException} if the store is closed. */
    protected final void checkOpen(String operation) {
        if (closed) {
            throw new StoreClosedException(engine, operation);
        }
    }

    private void checkKey(byte[] key) {
        if (key == null || key.length == 0) {
            throw new ConfigurationException(engine + ": a key must have at least 1 byte; got "
                    + (key == null ? "null" : "an empty key"));
        }
        if (key.length > maxKeySize()) {
            throw new ConfigurationException(engine + ": key of " + key.length + " bytes is too long; allowed: 1.."
                    + maxKeySize() + " bytes");
        }
    }

    protected abstract boolean doGet(byte[] key, ValueBuffer into);

    protected abstract void doPut(byte[] key, byte[] value, int valueLength);

    /** The read and the write of {@link #readModifyWrite}; by default {@link #doGet} then {@link #doPut}. */
    protected boolean doReadModifyWrite(byte[] key, ValueBuffer into, byte[] value, int valueLength) {
        boolean present = doGet(key, into);
        doPut(key, value, valueLength);
        return present;
    }

    protected abstract void doDelete(byte[] key);

    protected abstract int doScan(byte[] startKey, int limit, ScanVisitor visitor);

    protected abstract void doWrite(WriteBatch batch);

    /**
     * Adds the engine's own readings. Called after close too ({@code closed} is then true): an
     * adapter whose counters live in native objects returns the values it read last.
     */
    protected abstract void addStats(EngineStats.Builder stats, boolean closed);

    /** Releases everything; called once. */
    protected abstract void doClose();
}
