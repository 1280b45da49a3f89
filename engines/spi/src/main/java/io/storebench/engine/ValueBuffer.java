package io.storebench.engine;

import java.util.Arrays;

/**
 * A reusable, growable byte array that {@link KeyValueStore#get} copies a value into, so a read
 * allocates nothing once the buffer has reached the largest value size. One per thread: it is
 * not thread-safe.
 *
 * <pre>{@code
 * ValueBuffer value = new ValueBuffer(128);      // once per thread
 * if (store.get(key, value)) {
 *     use(value.array(), value.length());         // valid until the next get into it
 * }
 * }</pre>
 */
public final class ValueBuffer {
    private byte[] array;
    private int length;

    public ValueBuffer(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initial capacity " + initialCapacity + " is negative");
        }
        this.array = new byte[initialCapacity];
    }

    /** The backing array; only the first {@link #length()} bytes are the value. */
    public byte[] array() {
        return array;
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return array.length;
    }

    /**
     * Makes room for {@code size} bytes, discarding the contents when it grows, and returns the
     * array to fill. Adapters call it and then {@link #setLength(int)}.
     */
    public byte[] ensureCapacity(int size) {
        if (size > array.length) {
            array = new byte[Math.max(size, array.length + (array.length >> 1))];
        }
        return array;
    }

    public void setLength(int length) {
        if (length < 0 || length > array.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + array.length);
        }
        this.length = length;
    }

    /** Copies {@code length} bytes from {@code source} into this buffer. */
    public void set(byte[] source, int offset, int length) {
        System.arraycopy(source, offset, ensureCapacity(length), 0, length);
        this.length = length;
    }

    /** A copy of the value, for tests and diagnostics (allocates). */
    public byte[] toByteArray() {
        return Arrays.copyOf(array, length);
    }
}
