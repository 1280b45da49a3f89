package io.storebench.engine;

import java.util.Arrays;

/**
 * A reusable list of puts and deletes applied by {@link KeyValueStore#write(WriteBatch)}, in
 * order: atomically where the engine has {@link Capability#ATOMIC_BATCH}, one by one otherwise.
 *
 * <p>The batch holds references to the caller's arrays, not copies: leave them unchanged until
 * {@code write} returns. {@link #clear()} empties it for reuse without allocating. One per
 * thread: it is not thread-safe.
 */
public final class WriteBatch {
    /** What one entry of the batch does. */
    public enum Kind { PUT, DELETE }

    private Kind[] kinds = new Kind[8];
    private byte[][] keys = new byte[8][];
    private byte[][] values = new byte[8][];
    private int[] valueLengths = new int[8];
    private int size;

    public WriteBatch put(byte[] key, byte[] value) {
        return put(key, value, value.length);
    }

    /** Adds a put of the first {@code valueLength} bytes of {@code value}. */
    public WriteBatch put(byte[] key, byte[] value, int valueLength) {
        KeyValueStore.checkValue(value, valueLength);
        return add(Kind.PUT, key, value, valueLength);
    }

    public WriteBatch delete(byte[] key) {
        return add(Kind.DELETE, key, null, 0);
    }

    private WriteBatch add(Kind kind, byte[] key, byte[] value, int valueLength) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
            valueLengths = Arrays.copyOf(valueLengths, capacity);
        }
        kinds[size] = kind;
        keys[size] = key;
        values[size] = value;
        valueLengths[size] = valueLength;
        size++;
        return this;
    }

    public int size() {
        return size;
    }

    public Kind kind(int index) {
        return kinds[checkIndex(index)];
    }

    public byte[] key(int index) {
        return keys[checkIndex(index)];
    }

    /** The value array of a put ({@code null} for a delete); its first {@link #valueLength} bytes count. */
    public byte[] value(int index) {
        return values[checkIndex(index)];
    }

    public int valueLength(int index) {
        return valueLengths[checkIndex(index)];
    }

    /** Empties the batch, dropping its references to the caller's arrays. */
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("entry " + index + " of a batch of " + size);
        }
        return index;
    }
}
