package io.storebench.workloads;

import java.util.zip.CRC32C;

/**
 * The header every generated value starts with, so a reader can verify what it got back:
 * bytes 0-7 the version (big-endian), 8-11 the magic {@code "SBv1"}, 12-15 a CRC32C over the
 * key, the version, the value's length and its payload (bytes 16 onwards). A value that was torn,
 * truncated, or belongs to another key fails the check.
 */
public final class ValueCheck {
    /** Bytes of the header; the smallest value. */
    public static final int HEADER_BYTES = 16;
    private static final int MAGIC = 0x53427631; // "SBv1"

    private ValueCheck() {
    }

    /** Writes the header of a value whose payload (bytes 16..length) is already in place. */
    static void seal(byte[] key, long version, byte[] value, int length, CRC32C crc) {
        putLong(value, 0, version);
        putInt(value, 8, MAGIC);
        putInt(value, 12, checksum(key, version, value, length, crc));
    }

    /** Whether {@code value[0..length)} is a sealed value of {@code key}. Allocates nothing but a CRC32C. */
    public static boolean verify(byte[] key, byte[] value, int length) {
        return verify(key, value, length, new CRC32C());
    }

    /** As {@link #verify(byte[], byte[], int)} with a reused checksum. */
    public static boolean verify(byte[] key, byte[] value, int length, CRC32C crc) {
        if (length < HEADER_BYTES || getInt(value, 8) != MAGIC) {
            return false;
        }
        return getInt(value, 12) == checksum(key, getLong(value, 0), value, length, crc);
    }

    /** The version stored in a sealed value. */
    public static long version(byte[] value) {
        return getLong(value, 0);
    }

    private static int checksum(byte[] key, long version, byte[] value, int length, CRC32C crc) {
        crc.reset();
        crc.update(key, 0, key.length);
        crc.update(value, 0, 8); // the version, as stored
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        crc.update(value, HEADER_BYTES, length - HEADER_BYTES);
        return (int) crc.getValue();
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static long getLong(byte[] b, int at) {
        return ((long) getInt(b, at) << 32) | (getInt(b, at + 4) & 0xFFFFFFFFL);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
