package io.storebench.engine.go;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.storebench.engine.SelfTimed;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's native buffer, what a call to the Go library reads its input from and writes its
 * output to (layout in operations.go): a 16-byte header (two ints and the engine's time of the
 * call), then the key, value, batch or scan entries. Grows to the largest call; it is also that
 * thread's {@link SelfTimed.EngineClock}: the engine time of its calls, summed.
 */
final class NativeBuffer implements SelfTimed.EngineClock {
    static final int HEADER = 16;
    private static final int INITIAL = 64 << 10;

    private Memory memory;
    private ByteBuffer view;
    private long address;
    private long engineNanos;

    NativeBuffer() {
        allocate(INITIAL);
    }

    private void allocate(long bytes) {
        if (memory != null) {
            memory.close();
        }
        memory = new Memory(bytes);
        view = memory.getByteBuffer(0, bytes).order(ByteOrder.LITTLE_ENDIAN);
        address = Pointer.nativeValue(memory);
    }

    /** Makes room for {@code bytes} in all, header included; the contents are lost when it grows. */
    NativeBuffer ensure(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new io.storebench.engine.ConfigurationException("a call of " + bytes
                    + " bytes does not fit the Go library's buffer; allowed: up to " + (Integer.MAX_VALUE - 8));
        }
        if (bytes > view.capacity()) {
            allocate(Math.max(bytes, Math.min(Integer.MAX_VALUE - 8L, 2L * view.capacity())));
        }
        return this;
    }

    int capacity() {
        return view.capacity();
    }

    ByteBuffer view() {
        return view;
    }

    /** The header's first int: a get's value length (-1: absent) or a scan's entry count. */
    int first() {
        return view.getInt(0);
    }

    /** The header's second int: the bytes a scan's next entry needs when the buffer was full, else 0. */
    int second() {
        return view.getInt(4);
    }

    /** The address to hand to a call, its engine time zeroed first (a call that fails early writes none). */
    long start() {
        view.putLong(8, 0);
        return address;
    }

    /**
     * After a call: adds the engine time it wrote to this thread's clock (a failed call's too),
     * then throws its error, if any.
     */
    void finished(long error, String engine, String operation) {
        engineNanos += view.getLong(8);
        GoLibrary.check(error, engine, operation);
    }

    @Override
    public long nanos() {
        return engineNanos;
    }

    void free() {
        memory.close();
    }
}
