package io.storebench.workloads.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test helper's p-values against published (SciPy {@code chi2.sf}) values. */
class ChiSquareTest {

    @ParameterizedTest(name = "Q(chi2 = {0}, df = {1}) = {2}")
    @CsvSource({
        "3.841458820694124, 1, 0.05",
        "13.276704135987622, 4, 0.01",
        "5, 3, 0.1717971442967335",
        "0.5, 7, 0.9994464813904249",
        "124.34211340400407, 100, 0.05",
        "10233.75, 10000, 0.0499992083855754",
        "10500, 10000, 0.00024794736798936033",
        "20300, 20000, 0.06734062150394915",
        "200, 50, 7.857610724654791e-20",
    })
    void survivalMatchesReference(double statistic, int df, double expected) {
        assertEquals(expected, ChiSquare.survival(statistic, df), expected * 1e-6);
    }

    @Test
    void twoDegreesOfFreedomIsAnExponential() {
        for (double x : new double[] {0.1, 1, 5, 20, 60}) {
            assertEquals(Math.exp(-x / 2), ChiSquare.survival(x, 2), Math.exp(-x / 2) * 1e-9);
        }
    }

    @Test
    void logGammaOfIntegersIsLogFactorial() {
        double logFactorial = 0;
        for (int n = 1; n < 60; n++) {
            assertEquals(logFactorial, ChiSquare.logGamma(n), 1e-10 * Math.max(1, logFactorial));
            logFactorial += Math.log(n);
        }
    }

    @Test
    void countsAndSortedRanksAreBinnedAlike() {
        Popularity popularity = DistributionSpec.zipfian(0.99).popularity(5000);
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        KeyDistribution zipf = DistributionSpec.zipfian(0.99).create(5000);
        long[] ranks = new long[50_000];
        long[] counts = new long[5000];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = zipf.next(random, 5000); // zipfian: item i has rank i
            counts[(int) ranks[i]]++;
        }
        java.util.Arrays.sort(ranks);
        assertEquals(ChiSquare.testSortedRanks(ranks, popularity), ChiSquare.test(counts, popularity));
    }

    @Test
    void countsMustCoverEveryRank() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ChiSquare.test(new long[3], DistributionSpec.uniform().popularity(4)));
    }
}
