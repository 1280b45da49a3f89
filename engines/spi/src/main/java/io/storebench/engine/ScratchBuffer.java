package io.storebench.engine;

import java.nio.ByteBuffer;

/**
 * A growable heap array with a reusable {@link ByteBuffer} view over it: how adapters hand scan
 * entries to a {@link ScanVisitor} without allocating per entry. One per thread.
 */
public final class ScratchBuffer {
    private byte[] array;
    private ByteBuffer view;

    public ScratchBuffer(int initialCapacity) {
        array = new byte[initialCapacity];
        view = ByteBuffer.wrap(array);
    }

    /** The backing array, grown (contents dropped) to at least {@code minCapacity} bytes. */
    public byte[] array(int minCapacity) {
        if (minCapacity > array.length) {
            array = new byte[Math.max(minCapacity, array.length * 2)];
            view = ByteBuffer.wrap(array);
        }
        return array;
    }

    public byte[] array() {
        return array;
    }

    /** The view over the first {@code length} bytes: position 0, limit {@code length}. */
    public ByteBuffer view(int length) {
        view.clear().limit(length);
        return view;
    }
}
