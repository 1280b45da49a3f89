package io.storebench.workloads.distribution;

import java.util.function.LongUnaryOperator;

/**
 * Pearson's chi-square goodness-of-fit test of draws against a {@link Popularity}, with the
 * p-value from the regularized upper incomplete gamma function Q(df/2, χ²/2) (series below
 * a + 1, Lentz's continued fraction above; Lanczos log-gamma), so no statistics library is needed.
 * Ranks are merged into bins until a bin expects at least {@value #MIN_EXPECTED_PER_BIN} draws.
 */
public final class ChiSquare {

    /** Consecutive ranks are merged into one bin until the bin expects at least this many draws. */
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

    /** Tests observed counts per popularity rank against the popularity, binning sparse ranks. */
    static Result test(long[] countsByRank, Popularity popularity) {
        long total = 0;
        for (long count : countsByRank) {
            total += count;
        }
        double statistic = 0;
        int bins = 0;
        long binObserved = 0;
        long binStart = 0;
        long lastObserved = 0;
        double lastExpected = 0;
        for (int rank = 0; rank < countsByRank.length; rank++) {
            binObserved += countsByRank[rank];
            double binExpected = total * popularity.massOfRanks(binStart, rank + 1L);
            boolean last = rank == countsByRank.length - 1;
            if (binExpected >= MIN_EXPECTED_PER_BIN || last) {
                if (last && binExpected < MIN_EXPECTED_PER_BIN && bins > 0) {
                    // fold the short tail into the previous bin
                    statistic -= square(lastObserved - lastExpected) / lastExpected;
                    binObserved += lastObserved;
                    binExpected += lastExpected;
                    bins--;
                }
                statistic += square(binObserved - binExpected) / binExpected;
                bins++;
                lastObserved = binObserved;
                lastExpected = binExpected;
                binObserved = 0;
                binStart = rank + 1L;
            }
        }
        int df = Math.max(1, bins - 1);
        return new Result(statistic, df, survival(statistic, df));
    }

    /**
     * Tests draws given as their popularity ranks, sorted ascending (any key space size: nothing
     * is allocated per rank). Bins start at rank 0 and double in width until they expect enough
     * draws; the short tail is folded into the last full bin.
     */
    public static Result testSortedRanks(long[] sortedRanks, Popularity popularity) {
        long total = sortedRanks.length;
        long items = popularity.items();
        double statistic = 0;
        int bins = 0;
        int next = 0;
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
            long observed = 0;
            while (next < sortedRanks.length && sortedRanks[next] < end) {
                observed++;
                next++;
            }
            if (expected < MIN_EXPECTED_PER_BIN && bins > 0) {
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
        return regularizedGammaQ(df / 2.0, x / 2.0);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a). */
    static double regularizedGammaQ(double a, double x) {
        if (x < a + 1) {
            return 1.0 - regularizedGammaPSeries(a, x);
        }
        return regularizedGammaQContinuedFraction(a, x);
    }

    private static double regularizedGammaPSeries(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < 1_000_000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                break;
            }
        }
        return Math.min(1.0, sum * Math.exp(-x + a * Math.log(x) - logGamma(a)));
    }

    private static double regularizedGammaQContinuedFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1_000_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Γ(x) for x &gt; 0: Lanczos, g = 7, nine coefficients (about 15 digits). */
    static double logGamma(double x) {
        if (x < 0.5) {
            // reflection: Γ(x)Γ(1-x) = π / sin(πx)
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double[] c = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};
        double z = x - 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++) {
            sum += c[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    private static double square(double x) {
        return x * x;
    }
}
