package io.storebench.stats;

import java.util.SplittableRandom;

/**
 * A two-sided permutation test of the difference of means: the non-parametric confirmation of a
 * Welch verdict for small samples (apply it to the logarithms, as Welch is). Exact (every split of
 * the pooled values enumerated) while there are at most {@value #EXACT_LIMIT} splits, which covers
 * up to 10 forks a side; beyond that, {@value #RANDOM_PERMUTATIONS} random splits from a fixed
 * seed, with p = (hits + 1) / (draws + 1).
 */
public final class PermutationTest {
    static final long EXACT_LIMIT = 200_000;
    static final int RANDOM_PERMUTATIONS = 100_000;
    private static final double TIE = 1e-12;

    private PermutationTest() {
    }

    /** The two-sided p-value of mean(b) − mean(a) against every relabelling of the pooled values. */
    public static double pValue(double[] a, double[] b) {
        Samples.checkFinite("first sample", a, 1);
        Samples.checkFinite("second sample", b, 1);
        int n = a.length + b.length;
        double[] pooled = new double[n];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double total = 0;
        for (double value : pooled) {
            total += value;
        }
        double sumA = 0;
        for (double value : a) {
            sumA += value;
        }
        double observed = Math.abs(difference(sumA, total, a.length, b.length));
        double tolerance = TIE * Math.max(1, observed);
        if (n <= 62 && binomial(n, a.length) <= EXACT_LIMIT) {
            return exact(pooled, a.length, b.length, total, observed - tolerance);
        }
        return random(pooled, a.length, b.length, total, observed - tolerance);
    }

    private static double difference(double sumA, double total, int nA, int nB) {
        return (total - sumA) / nB - sumA / nA;
    }

    /** Every subset of size nA as a bit mask, in Gosper's order. */
    private static double exact(double[] pooled, int nA, int nB, double total, double threshold) {
        long hits = 0;
        long splits = 0;
        long last = ((1L << nA) - 1) << (pooled.length - nA);
        for (long mask = (1L << nA) - 1; ; ) {
            double sumA = 0;
            for (long bits = mask; bits != 0; bits &= bits - 1) {
                sumA += pooled[Long.numberOfTrailingZeros(bits)];
            }
            if (Math.abs(difference(sumA, total, nA, nB)) >= threshold) {
                hits++;
            }
            splits++;
            if (mask == last) {
                break;
            }
            long c = mask & -mask;
            long r = mask + c;
            mask = (((r ^ mask) >>> 2) / c) | r;
        }
        return (double) hits / splits;
    }

    private static double random(double[] pooled, int nA, int nB, double total, double threshold) {
        SplittableRandom random = new SplittableRandom(0x5EED);
        double[] values = pooled.clone();
        long hits = 0;
        for (int draw = 0; draw < RANDOM_PERMUTATIONS; draw++) {
            double sumA = 0;
            for (int i = 0; i < nA; i++) { // partial Fisher-Yates: the first nA positions are a random subset
                int j = i + random.nextInt(values.length - i);
                double swap = values[i];
                values[i] = values[j];
                values[j] = swap;
                sumA += values[i];
            }
            if (Math.abs(difference(sumA, total, nA, nB)) >= threshold) {
                hits++;
            }
        }
        return (hits + 1.0) / (RANDOM_PERMUTATIONS + 1.0);
    }

    static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
            if (result > EXACT_LIMIT) {
                return result;
            }
        }
        return result;
    }
}
