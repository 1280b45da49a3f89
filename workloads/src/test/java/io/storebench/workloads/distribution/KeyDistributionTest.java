package io.storebench.workloads.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every distribution shares: range, determinism, key spaces above 2^31. */
class KeyDistributionTest {

    private static final long TEN_BILLION = 10_000_000_000L;

    static Stream<DistributionSpec> everyKind() {
        return Stream.of(
                DistributionSpec.uniform(), DistributionSpec.sequential(), DistributionSpec.exponential(),
                DistributionSpec.zipfian(0.5), DistributionSpec.zipfian(1.0), DistributionSpec.zipfian(2.0),
                DistributionSpec.scrambledZipfian(0.99), DistributionSpec.ycsbZipfian(),
                DistributionSpec.hotspot(), DistributionSpec.latest(0.99));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void sameSeedGivesTheSameSequence(DistributionSpec spec) {
        long[] first = draw(spec.create(1000), 42, 2000, 1000);
        long[] second = draw(spec.create(1000), 42, 2000, 1000);
        assertArrayEquals(first, second);
        if (spec.kind() != DistributionKind.SEQUENTIAL) {
            assertFalse(Arrays.equals(first, draw(spec.create(1000), 43, 2000, 1000)),
                    "another seed gives another sequence");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void drawsStayInRangeForTinyAndHugeKeySpaces(DistributionSpec spec) {
        for (long items : new long[] {1, 2, 3, TEN_BILLION, DistributionSpec.MAX_ITEMS}) {
            KeyDistribution distribution = spec.create(items);
            assertEquals(items, distribution.items());
            SplittableRandom random = new SplittableRandom(7);
            for (long available : new long[] {items, items + 5}) {
                for (int i = 0; i < 20_000; i++) {
                    long item = distribution.next(random, available);
                    assertTrue(item >= 0 && item < available,
                            () -> spec.describe() + ": item " + item + " outside [0, " + available + ")");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void tenBillionItemsReachBeyondTwoToTheThirtyOne(DistributionSpec spec) {
        KeyDistribution distribution = spec.create(TEN_BILLION);
        SplittableRandom random = new SplittableRandom(11);
        long max = 0;
        for (int i = 0; i < 200_000; i++) {
            max = Math.max(max, distribution.next(random, TEN_BILLION));
        }
        long reached = max;
        switch (spec.kind()) {
            case SEQUENTIAL -> assertEquals(199_999, reached);
            // items beyond 2^31 carry about 7 % (θ = 0.99), 54 % (θ = 0.5) of a Zipf's draws ...
            case ZIPFIAN -> assertTrue(spec.theta() >= 1.0 || reached > Integer.MAX_VALUE, () -> "max " + reached);
            // ... and the newest items are the hottest, the oldest reached too
            default -> assertTrue(reached > 0.9 * TEN_BILLION, () -> spec.describe() + ": max " + reached);
        }
    }

    @Test
    void uniformCoversTheUpperPartOfAHugeKeySpace() {
        KeyDistribution uniform = DistributionSpec.uniform().create(TEN_BILLION);
        SplittableRandom random = new SplittableRandom(5);
        int[] perTenth = new int[10];
        for (int i = 0; i < 100_000; i++) {
            perTenth[(int) (uniform.next(random, TEN_BILLION) / 1_000_000_000L)]++;
        }
        for (int count : perTenth) {
            assertTrue(count > 9_000 && count < 11_000, Arrays.toString(perTenth));
        }
    }

    @Test
    void hotspotSplitsAHugeKeySpaceWithoutIntTruncation() {
        assertEquals(2_000_000_000L, HotspotDistribution.hotItems(TEN_BILLION, 0.2));
        assertEquals(7_000_000_000L, HotspotDistribution.hotItems(TEN_BILLION, 0.7));
        assertEquals(1, HotspotDistribution.hotItems(3, 0.2), "at least one hot item");
        KeyDistribution hotspot = DistributionSpec.hotspot(0.5, 0.5).create(TEN_BILLION);
        SplittableRandom random = new SplittableRandom(3);
        long hot = 0;
        for (int i = 0; i < 100_000; i++) {
            if (hotspot.next(random, TEN_BILLION) < 5_000_000_000L) {
                hot++;
            }
        }
        assertEquals(50_000, hot, 1_000);
    }

    @Test
    void zipfianOverTenBillionItemsFollowsTheory() {
        DistributionSpec spec = DistributionSpec.zipfian(0.99);
        KeyDistribution zipfian = spec.create(TEN_BILLION);
        Popularity popularity = spec.popularity(TEN_BILLION);
        SplittableRandom random = new SplittableRandom(9);
        int draws = 400_000;
        long zeros = 0;
        long belowMillion = 0;
        long beyondInt = 0;
        for (int i = 0; i < draws; i++) {
            long rank = zipfian.next(random, TEN_BILLION);
            zeros += rank == 0 ? 1 : 0;
            belowMillion += rank < 1_000_000 ? 1 : 0;
            beyondInt += rank > Integer.MAX_VALUE ? 1 : 0;
        }
        assertShare(popularity.probabilityOfRank(0), zeros, draws);
        assertShare(popularity.massOfTop(1_000_000), belowMillion, draws);
        assertShare(1 - popularity.massOfTop(Integer.MAX_VALUE + 1L), beyondInt, draws);
    }

    @Test
    void ycsbHashIsFnv1aOverLittleEndianBytesAsYcsbComputesIt() {
        // values printed by YCSB 0.17.0's site.ycsb.Utils.fnvhash64
        assertEquals(6284781860667377211L, io.storebench.workloads.Hashing.ycsbFnvHash64(0));
        assertEquals(8517097267634966620L, io.storebench.workloads.Hashing.ycsbFnvHash64(1));
        assertEquals(2350796791908741607L, io.storebench.workloads.Hashing.ycsbFnvHash64(123_456_789L));
        assertEquals(8289690350564177859L, io.storebench.workloads.Hashing.ycsbFnvHash64(-1));
        // and a byte-wise FNV-1a 64, written independently
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long value = i < 5000 ? i : random.nextLong();
            long hash = 0xCBF29CE484222325L;
            for (int b = 0; b < 8; b++) {
                hash ^= (value >>> (8 * b)) & 0xFF;
                hash *= 0x100000001B3L;
            }
            assertEquals(Math.abs(hash), io.storebench.workloads.Hashing.ycsbFnvHash64(value));
        }
    }

    @Test
    void ycsbConstantsAreYcsbs() {
        // ZipfianGenerator's fields as YCSB 0.17.0 computes them (read by reflection)
        assertEquals(0.21220003380967406, YcsbZipfianDistribution.ETA);
        assertEquals(10_000_000_001L, YcsbZipfianDistribution.ZIPF_ITEMS);
        assertEquals(26.46902820178302, YcsbZipfianDistribution.ZETAN);
        assertEquals(0, YcsbZipfianDistribution.rank(0.0));
        assertEquals(0, YcsbZipfianDistribution.rank(0.99 / YcsbZipfianDistribution.ZETAN));
        assertEquals(1, YcsbZipfianDistribution.rank(1.01 / YcsbZipfianDistribution.ZETAN));
        // as YCSB, the very top of u rounds to rank ITEM_COUNT + 1; hashing keeps it in range
        assertEquals(10_000_000_001L, YcsbZipfianDistribution.rank(Math.nextDown(1.0)));
        assertTrue(YcsbZipfianDistribution.rank(0.999999) < 10_000_000_000L);
    }

    private static void assertShare(double expected, long hits, int draws) {
        double sd = Math.sqrt(expected * (1 - expected) / draws);
        assertEquals(expected, (double) hits / draws, 5 * sd + 1e-9);
    }

    private static long[] draw(KeyDistribution distribution, long seed, int count, long available) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] drawn = new long[count];
        for (int i = 0; i < count; i++) {
            drawn[i] = distribution.next(random, available);
        }
        return drawn;
    }
}
