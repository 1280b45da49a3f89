package io.storebench.workloads;

import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Fills one thread's reusable value array: a payload window copied from a pool of bytes made once
 * (random, or partly repetitive for compressible values), then the {@link ValueCheck} header.
 * Allocates nothing per value. Not thread-safe: one per thread.
 */
public final class ValueGenerator {
    private static final int BLOCK = 64;
    private static final int POOL_SLACK = 64 << 10;

    private final byte[] pool;
    private final byte[] value;
    private final CRC32C crc = new CRC32C();
    private final LengthSpec.Sampler sizes;
    private final long versionBase;
    private long versions;
    private int length;

    /**
     * @param threadIndex goes into the high bits of every version this generator writes, so
     *     versions are unique across threads
     * @param random the pool's content comes from it (and so from the workload's seed)
     */
    public ValueGenerator(ValueSpec spec, int threadIndex, SplittableRandom random) {
        this.pool = pool(spec.size().max() + POOL_SLACK, spec.compressibility(), random);
        this.value = new byte[spec.size().max()];
        this.sizes = spec.size().sampler();
        this.versionBase = (long) threadIndex << 40;
    }

    /** Random bytes; with compressibility c, each 64-byte block keeps (1 - c) of them and repeats the last. */
    private static byte[] pool(int size, double compressibility, SplittableRandom random) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        int randomPerBlock = (int) Math.round(BLOCK * (1 - compressibility));
        if (randomPerBlock < BLOCK) {
            for (int block = 0; block < size; block += BLOCK) {
                byte repeated = bytes[block];
                for (int i = block + Math.max(1, randomPerBlock); i < Math.min(size, block + BLOCK); i++) {
                    bytes[i] = repeated;
                }
            }
        }
        return bytes;
    }

    /** Draws a size, fills the value for {@code key} with a new version and returns its length. */
    public int fill(byte[] key, SplittableRandom random) {
        length = sizes.next(random);
        int payload = length - ValueCheck.HEADER_BYTES;
        System.arraycopy(pool, random.nextInt(pool.length - payload + 1), value, ValueCheck.HEADER_BYTES, payload);
        ValueCheck.seal(key, versionBase + ++versions, value, length, crc);
        return length;
    }

    /** The value array; its first {@link #length()} bytes are the last filled value. */
    public byte[] value() {
        return value;
    }

    public int length() {
        return length;
    }
}
