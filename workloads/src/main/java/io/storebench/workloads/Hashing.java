package io.storebench.workloads;

/** The hash functions workloads share. */
public final class Hashing {
    private static final long FNV_OFFSET_BASIS_64 = 0xCBF29CE484222325L;
    private static final long FNV_PRIME_64 = 1099511628211L;

    private Hashing() {
    }

    /**
     * YCSB's {@code Utils.fnvhash64}: FNV-1a over the 8 bytes of {@code value}, low byte first,
     * then {@code Math.abs}. Not a bijection; kept exact for YCSB compatibility.
     */
    public static long ycsbFnvHash64(long value) {
        long hash = FNV_OFFSET_BASIS_64;
        for (int i = 0; i < 8; i++) {
            long octet = value & 0xff;
            value = value >> 8;
            hash = hash ^ octet;
            hash = hash * FNV_PRIME_64;
        }
        return Math.abs(hash);
    }

    /** A bijection on 64-bit values that mixes every bit (the SplitMix64 / Stafford variant 13 finaliser). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
