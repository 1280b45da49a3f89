package io.storebench.stats;

import java.util.SplittableRandom;

/**
 * Two-sided permutation tests: the non-parametric confirmation of a t verdict for small samples
 * (apply them to the logarithms, as the t tests are).
 * <ul>
 *   <li>{@link #test}: two independent samples, the difference of means. Exact (every split of
 *       the pooled values enumerated) while there are at most {@value #EXACT_LIMIT} splits, which
 *       covers up to 10 forks a side;</li>
 *   <li>{@link #signFlip}: paired differences, their mean against every flip of their signs (the
 *       pair's two labels swapped). Exact up to {@value #EXACT_SIGN_FLIPS} pairs (2^20 flips).</li>
 * </ul>
 * Beyond the exact limits, {@value #RANDOM_PERMUTATIONS} random relabellings from a fixed seed,
 * with p = (hits + 1) / (draws + 1); {@link Result#exact} says which.
 */
public final class PermutationTest {
    static final long EXACT_LIMIT = 200_000;
    static final int RANDOM_PERMUTATIONS = 100_000;
    /** Up to this many pairs, {@link #signFlip} counts every flip. */
    public static final int EXACT_SIGN_FLIPS = 20;
    private static final double TIE = 1e-12;

    private PermutationTest() {
    }

    /**
     * A permutation test's p-value and whether it was exact (every relabelling) or sampled.
     *
     * @param p the two-sided p-value
     * @param exact true when every relabelling was counted, false when sampled
     */
    public record Result(double p, boolean exact) {
        /** {@code exact} or {@code sampled}, for tables. */
        public String method() {
            return exact ? "exact" : "sampled";
        }
    }

    /** The two-sided p-value of mean(b) − mean(a) against every relabelling of the pooled values. */
    public static double pValue(double[] a, double[] b) {
        return test(a, b).p();
    }

    /** The two-sided test of mean(b) − mean(a) against every relabelling of the pooled values. */
    public static Result test(double[] a, double[] b) {
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
            return new Result(exact(pooled, a.length, b.length, total, observed - tolerance), true);
        }
        return new Result(random(pooled, a.length, b.length, total, observed - tolerance), false);
    }

    /**
     * The two-sided sign-flip test of the mean of paired differences: under no change, each
     * difference is as likely negative as positive. p counts the flips whose |sum| reaches the
     * observed |sum| (the identity included).
     */
    public static Result signFlip(double[] differences) {
        Samples.checkFinite("paired differences", differences, 1);
        int n = differences.length;
        double observed = 0;
        for (double d : differences) {
            observed += d;
        }
        observed = Math.abs(observed);
        double threshold = observed - TIE * Math.max(1, observed);
        if (n <= EXACT_SIGN_FLIPS) {
            long hits = 0;
            long flips = 1L << n;
            for (long mask = 0; mask < flips; mask++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += (mask >>> i & 1) == 0 ? differences[i] : -differences[i];
                }
                if (Math.abs(sum) >= threshold) {
                    hits++;
                }
            }
            return new Result((double) hits / flips, true);
        }
        SplittableRandom random = new SplittableRandom(0x5EED);
        long hits = 0;
        for (int draw = 0; draw < RANDOM_PERMUTATIONS; draw++) {
            double sum = 0;
            for (double d : differences) {
                sum += random.nextBoolean() ? d : -d;
            }
            if (Math.abs(sum) >= threshold) {
                hits++;
            }
        }
        return new Result((hits + 1.0) / (RANDOM_PERMUTATIONS + 1.0), false);
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
