package io.storebench.workloads.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link KeyDistribution#rankOf} maps draws back to popularity ranks: the sparse chi-square fits, and fails when it should. */
class RankOfTest {
    private static final long ITEMS = 5_000;
    private static final int DRAWS = 400_000;
    private static final double P_MIN = 1e-4;

    static Stream<DistributionSpec> rankedSpecs() {
        return Stream.of(DistributionSpec.uniform(), DistributionSpec.zipfian(0.5), DistributionSpec.zipfian(1.2),
                DistributionSpec.scrambledZipfian(0.99), DistributionSpec.scrambledZipfian(2.0),
                DistributionSpec.latest(0.99), DistributionSpec.hotspot(0.2, 0.8), DistributionSpec.hotspot(0.5, 0.1),
                DistributionSpec.exponential());
    }

    private static long[] sortedRanks(DistributionSpec spec, DistributionSpec theoryOf, long seed) {
        KeyDistribution distribution = spec.create(ITEMS);
        KeyDistribution ranker = theoryOf.create(ITEMS);
        SplittableRandom random = new SplittableRandom(seed);
        long[] ranks = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            ranks[i] = ranker.rankOf(distribution.next(random, ITEMS), ITEMS);
            assertTrue(ranks[i] >= 0 && ranks[i] < ITEMS, () -> spec.describe() + " rank out of range");
        }
        Arrays.sort(ranks);
        return ranks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankedSpecs")
    void drawsMappedToRanksFitThePopularityCurve(DistributionSpec spec) {
        ChiSquare.Result result = ChiSquare.testSortedRanks(sortedRanks(spec, spec, 11), spec.popularity(ITEMS));
        assertTrue(result.pValue() > P_MIN, () -> spec.describe() + ": " + result);
    }

    @Test
    void theSparseTestRejectsTheWrongRanking() {
        // Scrambled draws ranked as if unscrambled (item i = rank i) are far from a Zipf law.
        DistributionSpec scrambled = DistributionSpec.scrambledZipfian(0.99);
        ChiSquare.Result wrong = ChiSquare.testSortedRanks(sortedRanks(scrambled, DistributionSpec.zipfian(0.99), 3),
                scrambled.popularity(ITEMS));
        assertTrue(wrong.pValue() < P_MIN, wrong::toString);
        // θ = 1.2 draws against θ = 0.99 theory.
        ChiSquare.Result theta = ChiSquare.testSortedRanks(sortedRanks(DistributionSpec.zipfian(1.2),
                DistributionSpec.zipfian(1.2), 3), DistributionSpec.zipfian(0.99).popularity(ITEMS));
        assertTrue(theta.pValue() < P_MIN, theta::toString);
    }

    @Test
    void ycsbZipfianAndInsertedItemsHaveNoRank() {
        assertEquals(-1, DistributionSpec.ycsbZipfian().create(ITEMS).rankOf(3, ITEMS));
        assertEquals(-1, DistributionSpec.uniform().create(ITEMS).rankOf(ITEMS + 5, ITEMS + 10));
        assertEquals(0, DistributionSpec.latest().create(ITEMS).rankOf(ITEMS + 9, ITEMS + 10));
    }

    @Test
    void sparseAndDenseTestsAgreeOnTheStatistic() {
        DistributionSpec spec = DistributionSpec.zipfian(0.99);
        long[] sorted = sortedRanks(spec, spec, 5);
        long[] dense = new long[(int) ITEMS];
        for (long rank : sorted) {
            dense[(int) rank]++;
        }
        ChiSquare.Result sparse = ChiSquare.testSortedRanks(sorted, spec.popularity(ITEMS));
        ChiSquare.Result full = ChiSquare.test(dense, spec.popularity(ITEMS));
        assertTrue(sparse.pValue() > P_MIN && full.pValue() > P_MIN, sparse + " / " + full);
    }
}
