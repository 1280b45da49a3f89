package io.storebench.workloads.distribution;

/**
 * A fixed pseudo-random bijection of [0, n) onto itself, for any n in [1, 2<sup>62</sup>]: a
 * four-round keyed Feistel network over the b-bit integers, 2<sup>b</sup> being the smallest
 * power of two ≥ n (b ≥ 2), restricted to [0, n) by cycle-walking (apply the network again
 * while the result is ≥ n; since it permutes the b-bit integers, the walk returns into [0, n)
 * and the restriction is again a bijection).
 *
 * <p>The network is unbalanced when b is odd: each round splits the state into its high
 * {@code b - w} and low {@code w} bits, and outputs {@code (low << (b - w)) | (high ^ F(low))},
 * which is invertible for any round function F; w alternates between ⌈b/2⌉ and ⌊b/2⌋. F is the
 * SplitMix64 finalizer of the low half plus a round key. The round keys are fixed constants (the
 * first fractional digits of π in hexadecimal), so the permutation depends on n alone: the same
 * key space scatters its hot items the same way in every run, thread and process.
 *
 * <p>Cost: 2<sup>b</sup> &lt; 2n, so the walk takes fewer than two passes on average, each of
 * four rounds of two multiplications: about 10 ns. Immutable and thread-safe.
 */
final class FeistelPermutation {

    private static final long KEY0 = 0x243F6A8885A308D3L;
    private static final long KEY1 = 0x13198A2E03707344L;
    private static final long KEY2 = 0xA4093822299F31D0L;
    private static final long KEY3 = 0x082EFA98EC4E6C89L;

    private final long n;
    /** Widths and masks of the low and high halves, in even and in odd rounds. */
    private final int lowBitsEven;
    private final int lowBitsOdd;
    private final int highBitsEven;
    private final int highBitsOdd;
    private final long lowMaskEven;
    private final long lowMaskOdd;
    private final long highMaskEven;
    private final long highMaskOdd;

    FeistelPermutation(long n) {
        if (n < 1 || n > (1L << 62)) {
            throw new IllegalArgumentException("permutation of " + n + " items; allowed: 1 to 2^62");
        }
        this.n = n;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
        this.lowBitsEven = (bits + 1) / 2;
        this.lowBitsOdd = bits / 2;
        this.highBitsEven = bits - lowBitsEven;
        this.highBitsOdd = bits - lowBitsOdd;
        this.lowMaskEven = (1L << lowBitsEven) - 1;
        this.lowMaskOdd = (1L << lowBitsOdd) - 1;
        this.highMaskEven = (1L << highBitsEven) - 1;
        this.highMaskOdd = (1L << highBitsOdd) - 1;
    }

    /** The image of {@code x} in [0, n); x must be in [0, n). Allocates nothing. */
    long apply(long x) {
        long y = x;
        do {
            y = network(y);
        } while (y >= n);
        return y;
    }

    /** The pre-image of {@code y} in [0, n): {@code inverse(apply(x)) == x}. Allocates nothing. */
    long inverse(long y) {
        long x = y;
        do {
            x = inverseNetwork(x);
        } while (x >= n);
        return x;
    }

    private long inverseNetwork(long y) {
        y = unround(y, lowBitsOdd, highBitsOdd, lowMaskOdd, highMaskOdd, KEY3);
        y = unround(y, lowBitsEven, highBitsEven, lowMaskEven, highMaskEven, KEY2);
        y = unround(y, lowBitsOdd, highBitsOdd, lowMaskOdd, highMaskOdd, KEY1);
        return unround(y, lowBitsEven, highBitsEven, lowMaskEven, highMaskEven, KEY0);
    }

    /** Undoes {@link #round}: its output's high {@code lowBits} bits are {@code low}, the rest {@code high ^ F(low)}. */
    private static long unround(long y, int lowBits, int highBits, long lowMask, long highMask, long key) {
        long low = y >>> highBits;
        long high = (y ^ mix(low + key)) & highMask;
        return (high << lowBits) | low;
    }

    private long network(long x) {
        x = round(x, lowBitsEven, highBitsEven, lowMaskEven, highMaskEven, KEY0);
        x = round(x, lowBitsOdd, highBitsOdd, lowMaskOdd, highMaskOdd, KEY1);
        x = round(x, lowBitsEven, highBitsEven, lowMaskEven, highMaskEven, KEY2);
        return round(x, lowBitsOdd, highBitsOdd, lowMaskOdd, highMaskOdd, KEY3);
    }

    /**
     * One round over a b-bit state, b = lowBits + highBits: (high, low) → (low, high ^ F(low)).
     * Invertible: the output's high {@code lowBits} bits give back {@code low}, and with it F(low).
     */
    private static long round(long x, int lowBits, int highBits, long lowMask, long highMask, long key) {
        long low = x & lowMask;
        long high = x >>> lowBits;
        return (low << highBits) | ((high ^ mix(low + key)) & highMask);
    }

    /** The SplitMix64 finalizer (Stafford's variant 13). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
