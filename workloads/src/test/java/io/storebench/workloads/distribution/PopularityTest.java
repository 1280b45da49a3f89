package io.storebench.workloads.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The theoretical curves: internal consistency, published values, edge cases. */
class PopularityTest {

    static Stream<DistributionSpec> everyKind() {
        return Stream.of(
                DistributionSpec.uniform(), DistributionSpec.sequential(),
                DistributionSpec.exponential(), DistributionSpec.exponential(50, 0.1),
                DistributionSpec.zipfian(0.5), DistributionSpec.zipfian(1.0), DistributionSpec.zipfian(2.0),
                DistributionSpec.scrambledZipfian(0.99), DistributionSpec.latest(1.2),
                DistributionSpec.ycsbZipfian(),
                DistributionSpec.hotspot(), DistributionSpec.hotspot(0.5, 0.2), DistributionSpec.hotspot(1.0, 0.8),
                DistributionSpec.hotspot(0.3, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void probabilitiesAreOrderedAndAddUpToTheTopMasses(DistributionSpec spec) {
        for (long items : new long[] {1, 2, 7, 1000}) {
            Popularity popularity = spec.popularity(items);
            assertEquals(items, popularity.items());
            assertEquals(0.0, popularity.massOfTop(0));
            double sum = 0;
            double previous = Double.POSITIVE_INFINITY;
            for (long rank = 0; rank < items; rank++) {
                double p = popularity.probabilityOfRank(rank);
                assertTrue(p >= 0 && p <= previous * (1 + 1e-12),
                        spec.describe() + " over " + items + ": rank " + rank + " has " + p + " after " + previous);
                previous = p;
                sum += p;
                assertEquals(sum, popularity.massOfTop(rank + 1), 1e-9, spec.describe() + " top " + (rank + 1));
            }
            assertEquals(1.0, sum, 1e-9, spec.describe() + " over " + items);
            assertEquals(1.0, popularity.massOfTop(items));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void ranksOutsideTheKeySpaceAreRefusedByName(DistributionSpec spec) {
        Popularity popularity = spec.popularity(1000);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> popularity.probabilityOfRank(-1)),
                "rank -1", "0 to 999");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> popularity.probabilityOfRank(1000)),
                "rank 1000", "0 to 999");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> popularity.massOfTop(1001)),
                "top 1001", "0 to 1000");
    }

    /** REFERENCE.md section 3, "True Zipf shares", within the table's rounding. */
    @ParameterizedTest(name = "{0} keys, θ = {1}: hottest {2}, top 1 % {3}, top 10 % {4}")
    @CsvSource({
        "100000, 0.5, 0.0016, 0.098, 0.315",
        "100000, 0.99, 0.078, 0.605, 0.800",
        "100000, 1.2, 0.196, 0.852, 0.943",
        "1000000, 0.99, 0.065, 0.664, 0.830",
    })
    void zipfTheoryMatchesTheReferenceTable(long items, double theta, String hottest, String topOne, String topTen) {
        for (DistributionSpec spec : new DistributionSpec[] {DistributionSpec.zipfian(theta),
                DistributionSpec.scrambledZipfian(theta), DistributionSpec.latest(theta)}) {
            TopShares theory = spec.theory(items);
            assertRounded(hottest, theory.hottestItem());
            assertRounded(topOne, theory.topOnePercent());
            assertRounded(topTen, theory.topTenPercent());
        }
    }

    @Test
    void zipfTheoryAgreesWithDirectSums() {
        for (double theta : new double[] {0.01, 0.5, 0.99, 1.0, 1.5, 3.0, 40.0}) {
            Popularity popularity = DistributionSpec.zipfian(theta).popularity(5000);
            double total = 0;
            for (int i = 1; i <= 5000; i++) {
                total += Math.pow(i, -theta);
            }
            double top = 0;
            for (int k = 1; k <= 5000; k++) {
                top += Math.pow(k, -theta);
                if (k % 61 == 0 || k < 70) {
                    assertEquals(top / total, popularity.massOfTop(k), 1e-12, "θ = " + theta + ", k = " + k);
                }
            }
        }
    }

    @Test
    void zipfTheoryIsContinuousThroughThetaOne() {
        long items = 10_000_000_000L;
        TopShares at = DistributionSpec.zipfian(1.0).theory(items);
        for (double theta : new double[] {1 - 1e-9, 1 + 1e-9, 1 - 1e-12, 1 + 1e-12}) {
            TopShares near = DistributionSpec.zipfian(theta).theory(items);
            assertEquals(at.hottestItem(), near.hottestItem(), 1e-7, "θ = " + theta);
            assertEquals(at.topOnePercent(), near.topOnePercent(), 1e-7, "θ = " + theta);
            assertEquals(at.topTenPercent(), near.topTenPercent(), 1e-7, "θ = " + theta);
        }
        // at θ = 1 the normaliser is the harmonic number: H(10^10) = ln(10^10) + γ + 1/(2·10^10) - ...
        double harmonic = Math.log(1e10) + 0.5772156649015329 + 0.5e-10;
        assertEquals(1 / harmonic, at.hottestItem(), 1e-15);
    }

    @Test
    void zetaOfTenBillionMatchesYcsbsPrecomputedConstant() {
        // YCSB's ZETAN = ζ(10^10, 0.99), summed term by term over 10^10 terms
        double zeta = new GeneralizedHarmonic(0.99).sum(10_000_000_000L);
        assertEquals(YcsbZipfianDistribution.ZETAN, zeta, 1e-9 * zeta);
    }

    @Test
    void ycsbZipfianTheoryReproducesTheReferenceSkew() {
        // REFERENCE.md: 1000 records, hottest key 3.9 %, hottest 10 % of keys 29.7 %
        TopShares theory = DistributionSpec.ycsbZipfian().theory(1000);
        assertEquals(0.039, theory.hottestItem(), 0.0005, theory::describe);
        assertEquals(0.297, theory.topTenPercent(), 0.003, theory::describe);
        // against a true Zipf at the same θ: 13 % and 68.5 %
        TopShares zipf = DistributionSpec.zipfian(0.99).theory(1000);
        assertEquals(0.1294, zipf.hottestItem(), 0.0001, zipf::describe);
        assertEquals(0.6850, zipf.topTenPercent(), 0.0001, zipf::describe);
        // the hottest key gets at least rank 0's share, 1/ζ, whatever the key space
        for (long items : new long[] {10, 1000, 100_000, 10_000_000}) {
            double hottest = DistributionSpec.ycsbZipfian().theory(items).hottestItem();
            assertTrue(hottest >= 1 / YcsbZipfianDistribution.ZETAN && hottest < 0.2,
                    items + " items: hottest " + hottest);
        }
    }

    @Test
    void ycsbRankMassesAreConsistent() {
        double head = 0;
        for (long rank = 0; rank < YcsbZipfianPopularity.HEAD_RANKS; rank++) {
            head += YcsbZipfianPopularity.massOfYcsbRank(rank);
        }
        assertEquals(1 / YcsbZipfianDistribution.ZETAN, YcsbZipfianPopularity.massOfYcsbRank(0), 1e-3);
        assertTrue(head > 0.55 && head < 0.65, "head mass " + head);
        Popularity popularity = DistributionSpec.ycsbZipfian().popularity(3_000_000);
        assertEquals(1.0, popularity.massOfTop(3_000_000 - 1) + popularity.probabilityOfRank(3_000_000 - 1), 1e-9);
    }

    @Test
    void ycsbZipfianTheoryIsNotANumberBeyondItsLimit() {
        Popularity popularity = DistributionSpec.ycsbZipfian().popularity(YcsbZipfianPopularity.MAX_ITEMS + 1);
        assertTrue(Double.isNaN(popularity.probabilityOfRank(0)));
        assertTrue(Double.isNaN(popularity.massOfTop(1)));
        assertEquals(0.0, popularity.massOfTop(0));
        assertEquals(1.0, popularity.massOfTop(popularity.items()));
    }

    @Test
    void hotspotTheoryRanksTheDenserGroupFirst() {
        Popularity usual = DistributionSpec.hotspot(0.2, 0.8).popularity(1000);
        assertEquals(0.8 / 200, usual.probabilityOfRank(0), 1e-15);
        assertEquals(0.8, usual.massOfTop(200), 1e-12);
        Popularity inverted = DistributionSpec.hotspot(0.5, 0.2).popularity(1000);
        assertEquals(0.8 / 500, inverted.probabilityOfRank(0), 1e-15);
        assertEquals(0.8, inverted.massOfTop(500), 1e-12);
    }

    @Test
    void topPercentCountsAreCeilingsInIntegerArithmetic() {
        assertEquals(1000, TopShares.itemsInTopPercent(100_000, 1));
        assertEquals(100, TopShares.itemsInTopPercent(1000, 10));
        assertEquals(2, TopShares.itemsInTopPercent(150, 1));
        assertEquals(1, TopShares.itemsInTopPercent(1, 1));
        assertEquals(1, TopShares.itemsInTopPercent(1, 10));
        assertEquals(1_000_000_000L, TopShares.itemsInTopPercent(10_000_000_000L, 10));
        assertEquals((1L << 48) / 100 + 1, TopShares.itemsInTopPercent(1L << 48, 1));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TopShares.itemsInTopPercent(0, 1)),
                "items 0", ">= 1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TopShares.itemsInTopPercent(10, 101)),
                "percent 101", "1 to 100");
    }

    @Test
    void observedSharesComeFromSortedCounts() {
        long[] counts = new long[200];
        counts[17] = 50;
        counts[3] = 30;
        counts[150] = 20;
        TopShares shares = TopShares.observed(counts);
        assertEquals(0.5, shares.hottestItem());
        assertEquals(0.8, shares.topOnePercent());   // 2 items
        assertEquals(1.0, shares.topTenPercent());   // 20 items
        assertEquals(0, counts[0], "the caller's array is not sorted in place");
        assertThrows(IllegalArgumentException.class, () -> TopShares.observed(new long[0]));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> TopShares.observed(new long[] {1, -2})),
                "count -2", ">= 0");
        assertThrows(IllegalArgumentException.class, () -> TopShares.observed(new long[3]));
    }

    @Test
    void sharesByRankKeepTheGivenOrder() {
        long[] countsByRank = new long[200];
        countsByRank[0] = 10;
        countsByRank[1] = 30;
        countsByRank[150] = 60;
        TopShares shares = TopShares.observedByRank(countsByRank);
        assertEquals(0.1, shares.hottestItem());
        assertEquals(0.4, shares.topOnePercent());
        assertEquals(0.4, shares.topTenPercent());
        assertEquals(0.6, TopShares.observed(countsByRank).hottestItem());
    }

    private static void assertRounded(String table, double theory) {
        BigDecimal value = new BigDecimal(table);
        double halfUnit = 0.5 * Math.pow(10, -value.scale());
        assertEquals(value.doubleValue(), theory, halfUnit + 1e-12, "table " + table + ", theory " + theory);
    }

    static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }
}
