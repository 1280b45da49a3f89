package io.storebench.engine.go;

import io.storebench.engine.WriteBatch;
import java.nio.ByteBuffer;

/**
 * A {@link WriteBatch} in the Go library's encoding (decodeBatch in operations.go), so the batch
 * crosses the boundary once: per entry {@code [kind: 0 put, 1 delete][key length u32 LE][key]
 * [value length u32 LE][value]}.
 */
final class BatchEncoding {
    private BatchEncoding() {
    }

    /** The encoded size of {@code batch}, in bytes. */
    static long size(WriteBatch batch) {
        long bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            bytes += 9L + batch.key(i).length + (batch.kind(i) == WriteBatch.Kind.PUT ? batch.valueLength(i) : 0);
        }
        return bytes;
    }

    /** Writes {@code batch} into {@code out} (little-endian) from {@code offset}; returns the bytes written. */
    static int encode(WriteBatch batch, ByteBuffer out, int offset) {
        int position = offset;
        for (int i = 0; i < batch.size(); i++) {
            boolean put = batch.kind(i) == WriteBatch.Kind.PUT;
            byte[] key = batch.key(i);
            int valueLength = put ? batch.valueLength(i) : 0;
            out.put(position, (byte) (put ? 0 : 1));
            out.putInt(position + 1, key.length);
            out.put(position + 5, key);
            position += 5 + key.length;
            out.putInt(position, valueLength);
            if (put) {
                out.put(position + 4, batch.value(i), 0, valueLength);
            }
            position += 4 + valueLength;
        }
        return position - offset;
    }
}
