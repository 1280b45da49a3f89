package io.storebench.bench.crash;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The seeded stream of writes a crash trial applies: puts, deletes and atomic batches over a small
 * key space, so that keys are overwritten and deleted often. The writer and the verifier each
 * generate it from the same seed, op by op, so the verifier knows every write the writer issued
 * without it being sent: the acknowledgement of op {@code n} is all the parent records.
 *
 * <p>Of every 100 ops, about 70 are puts, 10 deletes and 20 batches of 2 to 16 distinct keys,
 * each entry a put (4 in 5) or a delete. Op numbers ({@link Op#seq()}) start at 0; every write
 * of one op (each entry of a batch) carries that number as its version ({@link Values}).
 *
 * <pre>{@code
 * WriteStream stream = new WriteStream(seed, keys);
 * for (;;) {
 *     WriteStream.Op op = stream.next();   // op.seq() is 0, 1, 2, ...
 *     ...
 * }
 * }</pre>
 */
final class WriteStream {
    /** Keys are {@code crash-} and the index in 8 digits: ordered, fixed length, easy to read in a dump. */
    private static final String PREFIX = "crash-";
    static final int KEY_LENGTH = PREFIX.length() + 8;
    static final int MAX_BATCH = 16;
    static final int MIN_KEYS = 2 * MAX_BATCH;

    /** What one op does. */
    enum Kind { PUT, DELETE, BATCH }

    /**
     * One op: a put or a delete of {@code keys[0]}, or a batch of {@code keys.length} distinct
     * keys, entry {@code i} a delete where {@code deletes[i]}.
     */
    record Op(long seq, Kind kind, int[] keys, boolean[] deletes) {
        int size() {
            return keys.length;
        }
    }

    private final SplittableRandom random;
    private final int keySpace;
    private long next;

    /** @param keySpace how many distinct keys the stream writes, at least {@value #MIN_KEYS} (twice the largest batch) */
    WriteStream(long seed, int keySpace) {
        if (keySpace < MIN_KEYS) {
            throw new IllegalArgumentException("key space " + keySpace + " is below " + MIN_KEYS);
        }
        this.random = new SplittableRandom(seed);
        this.keySpace = keySpace;
    }

    Op next() {
        long seq = next++;
        int roll = random.nextInt(100);
        if (roll < 70) {
            return new Op(seq, Kind.PUT, new int[] {random.nextInt(keySpace)}, new boolean[1]);
        }
        if (roll < 80) {
            return new Op(seq, Kind.DELETE, new int[] {random.nextInt(keySpace)}, new boolean[] {true});
        }
        int size = 2 + random.nextInt(MAX_BATCH - 1);
        int[] keys = new int[size];
        boolean[] deletes = new boolean[size];
        for (int i = 0; i < size; i++) {
            keys[i] = distinct(keys, i);
            deletes[i] = random.nextInt(5) == 0;
        }
        return new Op(seq, Kind.BATCH, keys, deletes);
    }

    private int distinct(int[] chosen, int count) {
        for (;;) {
            int key = random.nextInt(keySpace);
            boolean seen = false;
            for (int i = 0; i < count && !seen; i++) {
                seen = chosen[i] == key;
            }
            if (!seen) {
                return key;
            }
        }
    }

    /** The key of index {@code index}. */
    static byte[] key(int index) {
        return String.format("%s%08d", PREFIX, index).getBytes(StandardCharsets.US_ASCII);
    }

    /** The index of a key of this stream, or -1 for any other key (one the writer never wrote). */
    static int index(byte[] key, int keySpace) {
        if (key.length != KEY_LENGTH) {
            return -1;
        }
        String text = new String(key, StandardCharsets.US_ASCII);
        if (!text.startsWith(PREFIX)) {
            return -1;
        }
        int index = 0;
        for (int i = PREFIX.length(); i < KEY_LENGTH; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index < keySpace ? index : -1;
    }
}
