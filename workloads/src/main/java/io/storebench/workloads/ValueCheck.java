package io.storebench.workloads;

import java.util.zip.CRC32C;

/**
 * The header every generated value starts with, so a reader can verify what it got back:
 * bytes 0-3 a CRC32C over the key and every later byte of the value, 4-11 the version
 * (big-endian), 12-15 the magic {@code "SBv1"}, then the payload. A value that was torn,
 * truncated or extended, or that belongs to another key, fails the check (the CRC covers the
 * bytes up to the length, so a different length gives a different CRC).
 */
public final class ValueCheck {
    /** Bytes of the header; the smallest value. */
    public static final int HEADER_BYTES = 16;
    private static final int MAGIC = 0x53427631; // "SBv1"

    private ValueCheck() {
    }

    /** Writes the header of a value whose payload (bytes 16..length) is already in place. */
    static void seal(byte[] key, long version, byte[] value, int length, CRC32C crc) {
        putLong(value, 4, version);
        putInt(value, 12, MAGIC);
        putInt(value, 0, checksum(key, value, length, crc));
    }

    /** Whether {@code value[0..length)} is a sealed value of {@code key}. Allocates nothing but a CRC32C. */
    public static boolean verify(byte[] key, byte[] value, int length) {
        return verify(key, value, length, new CRC32C());
    }

    /** As {@link #verify(byte[], byte[], int)} with a reused checksum. */
    public static boolean verify(byte[] key, byte[] value, int length, CRC32C crc) {
        if (length < HEADER_BYTES || getInt(value, 12) != MAGIC) {
            return false;
        }
        return getInt(value, 0) == checksum(key, value, length, crc);
    }

    /** The version stored in a sealed value. */
    public static long version(byte[] value) {
        return getLong(value, 4);
    }

    private static int checksum(byte[] key, byte[] value, int length, CRC32C crc) {
        crc.reset();
        crc.update(key, 0, key.length);
        crc.update(value, 4, length - 4); // version, magic and payload
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
