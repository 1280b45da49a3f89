package io.storebench.workloads.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every distribution's draws against its theoretical popularity: Pearson's chi-square over
 * popularity ranks (sparse ranks binned, see {@link ChiSquare}), with a fixed seed and a
 * p-value threshold of 10<sup>-4</sup>, plus the observed top shares against REFERENCE.md.
 */
class GoodnessOfFitTest {

    private static final long SEED = 0x5EEDL;
    private static final double P_MIN = 1e-4;
    private static final int ITEMS = 100_000;
    private static final int DRAWS = 500_000;

    @ParameterizedTest(name = "zipfian θ = {0}")
    @ValueSource(doubles = {0.5, 0.99, 0.9999999, 1.0, 1.0000001, 1.2, 2.0})
    void zipfianFitsTheZipfLaw(double theta) {
        DistributionSpec spec = DistributionSpec.zipfian(theta);
        ChiSquare.Result result = ChiSquare.fit(spec.create(ITEMS), SEED, DRAWS, ITEMS,
                item -> item, spec.popularity(ITEMS));
        assertTrue(result.pValue() > P_MIN, () -> "zipfian θ = " + theta + ": " + result);
    }

    /** The test has power: θ = 0.99 is told from θ = 1, and scrambled draws from unscrambled theory. */
    @Test
    void theFitRejectsNearMisses() {
        DistributionSpec drawn = DistributionSpec.zipfian(0.99);
        ChiSquare.Result wrongTheta = ChiSquare.fit(drawn.create(ITEMS), SEED, DRAWS, ITEMS,
                item -> item, DistributionSpec.zipfian(1.0).popularity(ITEMS));
        assertTrue(wrongTheta.pValue() < P_MIN, wrongTheta::toString);
        ChiSquare.Result unscrambled = ChiSquare.fit(DistributionSpec.scrambledZipfian(0.99).create(ITEMS), SEED,
                DRAWS, ITEMS, item -> item, drawn.popularity(ITEMS));
        assertTrue(unscrambled.pValue() < P_MIN, unscrambled::toString);
    }

    @ParameterizedTest(name = "scrambled-zipfian θ = {0}")
    @ValueSource(doubles = {0.5, 0.99, 1.0, 1.2, 2.0})
    void scrambledZipfianFitsTheZipfLawThroughItsBijection(double theta) {
        DistributionSpec spec = DistributionSpec.scrambledZipfian(theta);
        ScrambledZipfianDistribution distribution = (ScrambledZipfianDistribution) spec.create(ITEMS);
        long[] rankOfItem = new long[ITEMS];
        Arrays.fill(rankOfItem, -1);
        for (int rank = 0; rank < ITEMS; rank++) {
            rankOfItem[(int) distribution.itemOfRank(rank)] = rank;
        }
        ChiSquare.Result result = ChiSquare.fit(distribution, SEED, DRAWS, ITEMS,
                item -> rankOfItem[(int) item], spec.popularity(ITEMS));
        assertTrue(result.pValue() > P_MIN, () -> "scrambled-zipfian θ = " + theta + ": " + result);
    }

    /**
     * REFERENCE.md section 3, "True Zipf shares": observed shares, for both kinds, counted on
     * the items theory ranks hottest (ranking by observed counts would favour lucky items).
     */
    @ParameterizedTest(name = "{0} keys, θ = {1}: hottest {2}, top 1 % {3}, top 10 % {4}")
    @CsvSource({
        "100000, 0.5, 0.0016, 0.098, 0.315",
        "100000, 0.99, 0.078, 0.605, 0.800",
        "100000, 1.2, 0.196, 0.852, 0.943",
        "1000000, 0.99, 0.065, 0.664, 0.830",
    })
    void observedSharesMatchTheReferenceTable(int items, double theta, String hottest,
            String topOne, String topTen) {
        for (DistributionSpec spec : new DistributionSpec[] {
                DistributionSpec.zipfian(theta), DistributionSpec.scrambledZipfian(theta)}) {
            KeyDistribution distribution = spec.create(items);
            long[] countsByItem = countsByItem(distribution, DRAWS, items);
            long[] countsByRank = new long[items];
            for (int rank = 0; rank < items; rank++) {
                long item = distribution instanceof ScrambledZipfianDistribution scrambled
                        ? scrambled.itemOfRank(rank) : rank;
                countsByRank[rank] = countsByItem[(int) item];
            }
            TopShares observed = TopShares.observedByRank(countsByRank);
            String label = spec.describe() + " over " + items + ": " + observed.describe();
            assertShare(hottest, observed.hottestItem(), DRAWS, label);
            assertShare(topOne, observed.topOnePercent(), DRAWS, label);
            assertShare(topTen, observed.topTenPercent(), DRAWS, label);
        }
    }

    @Test
    void uniformFitsAndCoversInsertedItems() {
        int items = 1000;
        DistributionSpec spec = DistributionSpec.uniform();
        ChiSquare.Result fixed = ChiSquare.fit(spec.create(items), SEED, 200_000, items,
                item -> item, spec.popularity(items));
        assertTrue(fixed.pValue() > P_MIN, fixed::toString);
        // with as many items inserted again, draws spread over all of them
        ChiSquare.Result grown = ChiSquare.fit(spec.create(items), SEED, 200_000, 2L * items,
                item -> item, spec.popularity(2L * items));
        assertTrue(grown.pValue() > P_MIN, grown::toString);
    }

    @Test
    void sequentialVisitsEveryItemInOrderAndWraps() {
        KeyDistribution sequential = DistributionSpec.sequential().create(5);
        SplittableRandom random = new SplittableRandom(SEED);
        long[] drawn = new long[12];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = sequential.next(random, i < 7 ? 5 : 7);
        }
        // 0..4, wrap, 0, 1; then 2 more items exist: 2..6, wrap, 0
        assertEquals("[0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 5, 6]", Arrays.toString(drawn));
        assertEquals(0, sequential.next(random, 7));
    }

    @ParameterizedTest(name = "exponential percentile {0}, fraction {1}")
    @CsvSource({"95, 0.8571428571", "50, 0.1", "99.9, 1.0", "10, 1.0"})
    void exponentialFitsCountedBackFromTheNewest(double percentile, double fraction) {
        int items = 1000;
        DistributionSpec spec = DistributionSpec.exponential(percentile, fraction);
        Popularity popularity = spec.popularity(items);
        ChiSquare.Result result = ChiSquare.fit(spec.create(items), SEED, 300_000, items,
                item -> items - 1 - item, popularity);
        assertTrue(result.pValue() > P_MIN, result::toString);
        // percentile % of the draws fall on the newest fraction of the items (more, after YCSB's retry)
        long newest = (long) Math.ceil(items * fraction);
        long[] counts = countsByItem(spec.create(items), 300_000, items);
        long onNewest = 0;
        for (long item = items - newest; item < items; item++) {
            onNewest += counts[(int) item];
        }
        double share = onNewest / 300_000.0;
        assertEquals(popularity.massOfTop(newest), share, 5 * Math.sqrt(0.25 / 300_000));
        assertTrue(share >= percentile / 100 - 0.005, () -> "share " + share);
    }

    @ParameterizedTest(name = "hotspot set {0}, ops {1}")
    @CsvSource({"0.2, 0.8", "0.1, 0.9", "0.5, 0.2", "0.3, 0.0", "0.3, 1.0", "1.0, 0.8"})
    void hotspotFitsItsTwoLevels(double hotSet, double hotOps) {
        int items = 1000;
        DistributionSpec spec = DistributionSpec.hotspot(hotSet, hotOps);
        long hot = HotspotDistribution.hotItems(items, hotSet);
        long cold = items - hot;
        boolean hotFirst = cold == 0 || hotOps / hot >= (1 - hotOps) / cold;
        ChiSquare.Result result = ChiSquare.fit(spec.create(items), SEED, 200_000, items,
                item -> hotFirst ? item : (item < hot ? cold + item : item - hot), spec.popularity(items));
        assertTrue(result.pValue() > P_MIN, result::toString);

        long[] counts = countsByItem(spec.create(items), 200_000, items);
        long onHot = 0;
        for (int item = 0; item < hot; item++) {
            onHot += counts[item];
        }
        double expected = cold == 0 ? 1.0 : hotOps;
        assertEquals(expected, onHot / 200_000.0, 5 * Math.sqrt(0.25 / 200_000));
    }

    @Test
    void latestTracksAGrowingKeySpace() {
        int items = 10_000;
        double theta = 0.99;
        DistributionSpec spec = DistributionSpec.latest(theta);
        KeyDistribution latest = spec.create(items);
        SplittableRandom random = new SplittableRandom(SEED);
        long[] countsByRank = new long[items];
        long available = items;
        for (int i = 0; i < 300_000; i++) {
            if (i % 10 == 0) {
                available++; // another thread's insert completed
            }
            long item = latest.next(random, available);
            assertTrue(item >= available - items && item < available,
                    () -> "item " + item + " outside the newest " + items);
            countsByRank[(int) (available - 1 - item)]++;
        }
        ChiSquare.Result result = ChiSquare.test(countsByRank, spec.popularity(items));
        assertTrue(result.pValue() > P_MIN, result::toString);
        // the newest item is drawn most, about 1 / H(items, θ) of the time
        assertEquals(spec.popularity(items).probabilityOfRank(0), countsByRank[0] / 300_000.0, 0.003);
    }

    @Test
    void ycsbZipfianFitsItsNumericalTheoryAndReproducesYcsbSkew() {
        int items = 1000;
        int draws = 1_000_000;
        YcsbZipfianPopularity popularity = (YcsbZipfianPopularity) DistributionSpec.ycsbZipfian().popularity(items);
        long[] counts = countsByItem(DistributionSpec.ycsbZipfian().create(items), draws, items);

        double statistic = 0;
        for (int item = 0; item < items; item++) {
            double expected = draws * popularity.probabilityOfItem(item);
            statistic += (counts[item] - expected) * (counts[item] - expected) / expected;
        }
        double p = ChiSquare.survival(statistic, items - 1);
        assertTrue(p > P_MIN, "chi2 = " + statistic + ", p = " + p);

        // REFERENCE.md: hottest key about 3.9 %, hottest 10 % of keys about 29.7 % (YCSB 0.17 itself,
        // 2e7 draws: 3.89 % and 29.57 %)
        TopShares observed = TopShares.observed(counts);
        assertEquals(0.039, observed.hottestItem(), 0.001, observed::describe);
        assertEquals(0.297, observed.topTenPercent(), 0.004, observed::describe);
    }

    private static long[] countsByItem(KeyDistribution distribution, int draws, int items) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        long[] counts = new long[items];
        for (int i = 0; i < draws; i++) {
            counts[(int) distribution.next(random, items)]++;
        }
        return counts;
    }

    /** Within the table's rounding plus five binomial standard deviations. */
    private static void assertShare(String table, double observed, int draws, String label) {
        BigDecimal value = new BigDecimal(table);
        double halfUnit = 0.5 * Math.pow(10, -value.scale());
        double p = value.doubleValue();
        double tolerance = halfUnit + 5 * Math.sqrt(p * (1 - p) / draws);
        assertEquals(p, observed, tolerance, label);
    }
}
