package io.storebench.workloads;

import java.util.Arrays;

/**
 * The key format and its fixed width in bytes. {@link #encode} writes a key into a reused array
 * without allocating.
 *
 * @param format how ordinals become bytes
 * @param size bytes per key, 1..1024 (formats need a minimum; see {@link #check(long)})
 */
public record KeySpec(KeyFormat format, int size) {
    public static final int MAX_SIZE = 1024;
    private static final byte[] USER = {'u', 's', 'e', 'r'};
    /** Decimal digits of the largest YCSB hash ({@code Long.MAX_VALUE}). */
    private static final int YCSB_HASH_DIGITS = 19;

    public KeySpec {
        if (format == null) {
            throw new IllegalArgumentException("key format is missing");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("key size " + size + " is out of range; allowed: 1.." + MAX_SIZE);
        }
    }

    /** 16-byte ordered binary keys. */
    public static KeySpec binary(int size) {
        return new KeySpec(KeyFormat.ORDERED, size);
    }

    /** The YCSB key of its longest form: "user" and 19 digits, 23 bytes. */
    public static KeySpec ycsb() {
        return new KeySpec(KeyFormat.YCSB, USER.length + YCSB_HASH_DIGITS);
    }

    /**
     * Checks that {@code ordinals} distinct keys fit in this format and size.
     *
     * @throws IllegalArgumentException naming the size needed
     */
    public void check(long ordinals) {
        int needed = switch (format) {
            case ORDERED -> Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(Math.max(0, ordinals - 1)) + 7) / 8);
            case HASHED -> Long.BYTES;
            case YCSB -> USER.length + YCSB_HASH_DIGITS;
            case YCSB_ORDERED -> USER.length + Long.toString(Math.max(0, ordinals - 1)).length();
        };
        if (size < needed) {
            throw new IllegalArgumentException("key size " + size + " is too small for " + ordinals + " "
                    + format.label() + " keys; allowed: " + needed + ".." + MAX_SIZE);
        }
    }

    /** Writes the key of {@code ordinal} into {@code key} (of length {@link #size()}). */
    public void encode(long ordinal, byte[] key) {
        switch (format) {
            case ORDERED -> bigEndian(ordinal, key);
            case HASHED -> bigEndian(Hashing.mix64(ordinal), key);
            case YCSB -> ycsb(Hashing.ycsbFnvHash64(ordinal), key);
            case YCSB_ORDERED -> ycsb(ordinal, key);
            default -> throw new AssertionError(format);
        }
    }

    /** A new key array holding the key of {@code ordinal} (allocates; for tests and tools). */
    public byte[] keyOf(long ordinal) {
        byte[] key = new byte[size];
        encode(ordinal, key);
        return key;
    }

    private static void bigEndian(long value, byte[] key) {
        int width = Math.min(Long.BYTES, key.length);
        for (int i = 0; i < width; i++) {
            key[i] = (byte) (value >>> (8 * (width - 1 - i)));
        }
        Arrays.fill(key, width, key.length, (byte) 0);
    }

    /** Two decimal digits per entry: "00", "01", ... "99", so the digits cost half the divisions. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private static void ycsb(long number, byte[] key) {
        number &= Long.MAX_VALUE; // YCSB's Math.abs leaves Long.MIN_VALUE negative; YCSB would print a '-'
        System.arraycopy(USER, 0, key, 0, USER.length);
        int position = key.length;
        while (number >= 100 && position - 2 >= USER.length) {
            int pair = (int) (number % 100);
            number /= 100;
            key[--position] = DIGIT_PAIRS[2 * pair + 1];
            key[--position] = DIGIT_PAIRS[2 * pair];
        }
        while (position > USER.length) {
            key[--position] = (byte) ('0' + number % 10);
            number /= 10;
        }
    }
}
