package io.storebench.engine.go;

import io.storebench.engine.WriteBatch;
import java.util.Arrays;

/**
 * A {@link WriteBatch} in the Go library's encoding, so the batch crosses the boundary once:
 * per entry {@code [kind: 0 put, 1 delete][key length u32 LE][key][value length u32 LE][value]}.
 * Reused per thread; grows to the largest batch.
 */
final class BatchEncoder {
    private byte[] bytes = new byte[4096];
    private int length;

    void encode(WriteBatch batch) {
        length = 0;
        for (int i = 0; i < batch.size(); i++) {
            boolean put = batch.kind(i) == WriteBatch.Kind.PUT;
            byte[] key = batch.key(i);
            int valueLength = put ? batch.valueLength(i) : 0;
            ensure(9 + key.length + valueLength);
            bytes[length++] = (byte) (put ? 0 : 1);
            int32(key.length);
            System.arraycopy(key, 0, bytes, length, key.length);
            length += key.length;
            int32(valueLength);
            if (put) {
                System.arraycopy(batch.value(i), 0, bytes, length, valueLength);
                length += valueLength;
            }
        }
    }

    private void ensure(long more) {
        long needed = length + more;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("batch of more than " + (Integer.MAX_VALUE - 8) + " bytes");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, bytes.length * 2L)));
        }
    }

    private void int32(int value) {
        bytes[length++] = (byte) value;
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 24);
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }
}
