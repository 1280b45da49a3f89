package io.storebench.workloads.distribution;

import java.util.function.LongUnaryOperator;
import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-square goodness-of-fit test of draws against a {@link Popularity}, with the
 * p-value from commons-math3's regularized upper incomplete gamma function Q(df/2, χ²/2).
 *
 * <p>One binning serves every caller: bins start at rank 0 and double in width until they
 * expect at least {@value #MIN_EXPECTED_PER_BIN} draws; a short tail is folded into the last
 * full bin. Nothing is allocated per rank, so any key space size can be tested.
 */
public final class ChiSquare {

    /** A bin doubles in width until it expects at least this many draws. */
    static final double MIN_EXPECTED_PER_BIN = 20;

    private ChiSquare() {
    }

    /** The statistic, its degrees of freedom and the p-value. */
    public record Result(double statistic, int degreesOfFreedom, double pValue) {
        @Override
        public String toString() {
            return String.format("chi2 = %.1f, df = %d, p = %.3g", statistic, degreesOfFreedom, pValue);
        }
    }

    /** Draws observed in rank ranges [from, to), asked for in ascending, adjacent ranges. */
    @FunctionalInterface
    private interface Observed {
        long in(long from, long to);
    }

    /**
     * Draws {@code draws} items from {@code distribution} with {@code available} fixed, maps each
     * item to its popularity rank with {@code rankOfItem}, and tests the counts per rank against
     * {@code popularity}.
     */
    static Result fit(KeyDistribution distribution, long seed, int draws, long available,
            LongUnaryOperator rankOfItem, Popularity popularity) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        long[] countsByRank = new long[Math.toIntExact(popularity.items())];
        for (int i = 0; i < draws; i++) {
            countsByRank[Math.toIntExact(rankOfItem.applyAsLong(distribution.next(random, available)))]++;
        }
        return test(countsByRank, popularity);
    }

    /**
     * Tests observed counts per popularity rank ({@code countsByRank[r]} draws of rank r, one
     * entry per item) against the popularity.
     */
    static Result test(long[] countsByRank, Popularity popularity) {
        if (countsByRank.length != popularity.items()) {
            throw new IllegalArgumentException("counts for " + countsByRank.length + " ranks; the popularity has "
                    + popularity.items() + " items");
        }
        long total = 0;
        for (long count : countsByRank) {
            total += count;
        }
        return test(total, popularity, (from, to) -> {
            long observed = 0;
            for (int rank = (int) from; rank < to; rank++) {
                observed += countsByRank[rank];
            }
            return observed;
        });
    }

    /** Tests draws given as their popularity ranks, sorted ascending. */
    public static Result testSortedRanks(long[] sortedRanks, Popularity popularity) {
        int[] next = {0};
        return test(sortedRanks.length, popularity, (from, to) -> {
            int start = next[0];
            while (next[0] < sortedRanks.length && sortedRanks[next[0]] < to) {
                next[0]++;
            }
            return next[0] - start;
        });
    }

    private static Result test(long total, Popularity popularity, Observed observedIn) {
        long items = popularity.items();
        double statistic = 0;
        int bins = 0;
        long start = 0;
        long lastObserved = 0;
        double lastExpected = 0;
        while (start < items) {
            long width = 1;
            long end = Math.min(items, start + width);
            while (end < items && total * popularity.massOfRanks(start, end) < MIN_EXPECTED_PER_BIN) {
                width *= 2;
                end = Math.min(items, start + width);
            }
            double expected = total * popularity.massOfRanks(start, end);
            long observed = observedIn.in(start, end);
            if (expected < MIN_EXPECTED_PER_BIN && bins > 0) {
                // fold the short tail into the previous bin
                statistic -= square(lastObserved - lastExpected) / lastExpected;
                observed += lastObserved;
                expected += lastExpected;
                bins--;
            }
            if (expected > 0) {
                statistic += square(observed - expected) / expected;
                bins++;
            }
            lastObserved = observed;
            lastExpected = expected;
            start = end;
        }
        int df = Math.max(1, bins - 1);
        return new Result(statistic, df, survival(statistic, df));
    }

    /** P(X ≥ x) for X chi-square distributed with {@code df} degrees of freedom. */
    public static double survival(double x, int df) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }

    /** ln Γ(x) for x &gt; 0 (commons-math3). */
    static double logGamma(double x) {
        return Gamma.logGamma(x);
    }

    private static double square(double x) {
        return x * x;
    }
}
