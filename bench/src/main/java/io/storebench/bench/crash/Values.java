package io.storebench.bench.crash;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The value a crash trial writes under a key at a version (the op's number), derived from the
 * seed, the key and the version alone, so that the verifier can tell which write a value came
 * from and whether it is whole.
 *
 * <p>Layout: the version (8 bytes), the key's index (4), the payload's length (4), the payload
 * (seeded bytes: 0 to 1 KiB for 4 values in 5, up to 16 KiB for the rest), and a CRC32C of all
 * that (4). {@link #decode} checks the checksum, the key, and then every byte against the value
 * derived anew: a torn or misplaced value is corrupt, not an old version.
 */
final class Values {
    static final int HEADER = 8 + 4 + 4;
    static final int TRAILER = 4;

    private Values() {
    }

    /** What a key holds: nothing, the value of the put of a version, or a corrupt value with why. */
    sealed interface Decoded permits Absent, Version, Corrupt {
    }

    record Absent() implements Decoded {
    }

    record Version(long seq) implements Decoded {
    }

    record Corrupt(String reason) implements Decoded {
    }

    /** The value of key {@code key} written by op {@code seq}. */
    static byte[] of(long seed, int key, long seq) {
        SplittableRandom random = new SplittableRandom(seed ^ (seq * 0x9E3779B97F4A7C15L)
                ^ ((key + 1L) * 0xC2B2AE3D27D4EB4FL));
        int payload = random.nextInt(5) == 0 ? 1024 + random.nextInt(15 * 1024) : random.nextInt(1025);
        byte[] value = new byte[HEADER + payload + TRAILER];
        ByteBuffer buffer = ByteBuffer.wrap(value).putLong(seq).putInt(key).putInt(payload);
        byte[] bytes = new byte[payload];
        random.nextBytes(bytes);
        buffer.put(bytes);
        buffer.putInt(checksum(value, HEADER + payload));
        return value;
    }

    /** Decodes the first {@code length} bytes of {@code value}, read under key {@code key}. */
    static Decoded decode(long seed, int key, byte[] value, int length) {
        if (length < HEADER + TRAILER) {
            return new Corrupt(length + " bytes, shorter than any value written (" + (HEADER + TRAILER) + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value, 0, length);
        long seq = buffer.getLong();
        int writtenUnder = buffer.getInt();
        int payload = buffer.getInt();
        if (payload < 0 || HEADER + (long) payload + TRAILER != length) {
            return new Corrupt(length + " bytes where the value's header says " + (HEADER + (long) payload + TRAILER));
        }
        int stored = ByteBuffer.wrap(value, HEADER + payload, TRAILER).getInt();
        if (stored != checksum(value, HEADER + payload)) {
            return new Corrupt("checksum fails (" + length + " bytes)");
        }
        if (writtenUnder != key || seq < 0) {
            return new Corrupt("a whole value of key " + writtenUnder + " (op #" + seq + ") under key " + key);
        }
        byte[] expected = of(seed, key, seq);
        if (!Arrays.equals(expected, 0, expected.length, value, 0, length)) {
            return new Corrupt("checksum holds but the bytes differ from op #" + seq + "'s value");
        }
        return new Version(seq);
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
