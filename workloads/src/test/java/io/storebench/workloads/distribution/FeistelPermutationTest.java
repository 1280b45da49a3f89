package io.storebench.workloads.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scrambling bijection of {@code scrambled-zipfian}. */
class FeistelPermutationTest {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 100, 255, 256, 257, 1000, 1023, 1024, 1025,
            4097, 65_537, 100_003, 1 << 20, 3_000_001})
    void isABijectionOfTheWholeRange(long n) {
        FeistelPermutation permutation = new FeistelPermutation(n);
        BitSet seen = new BitSet((int) n);
        for (long x = 0; x < n; x++) {
            long y = permutation.apply(x);
            assertTrue(y >= 0 && y < n, () -> "image " + y + " of " + " outside [0, " + n + ")");
            assertFalse(seen.get((int) y), () -> "image " + y + " reached twice");
            seen.set((int) y);
        }
        assertEquals(n, seen.cardinality());
    }

    @Test
    void scattersTheHottestRanksOverTheKeySpace() {
        long n = 1_000_000;
        FeistelPermutation permutation = new FeistelPermutation(n);
        int[] perDecile = new int[10];
        for (long rank = 0; rank < 1000; rank++) {
            perDecile[(int) (permutation.apply(rank) * 10 / n)]++;
        }
        for (int decile = 0; decile < 10; decile++) {
            // 100 expected per tenth of the key space; binomial sd 9.5
            assertTrue(perDecile[decile] > 55 && perDecile[decile] < 145,
                    "tenth " + decile + " holds " + perDecile[decile] + " of the 1000 hottest ranks");
        }
        assertTrue(permutation.apply(0) != 0 || permutation.apply(1) != 1, "not the identity");
    }

    @Test
    void isFixedForAKeySpace() {
        FeistelPermutation one = new FeistelPermutation(12_345_678);
        FeistelPermutation other = new FeistelPermutation(12_345_678);
        for (long x = 0; x < 10_000; x++) {
            assertEquals(one.apply(x), other.apply(x));
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(longs = {10_000_000_000L, (1L << 33) + 12_345, 1L << 48})
    void staysInRangeAndInjectiveOnLargeKeySpaces(long n) {
        FeistelPermutation permutation = new FeistelPermutation(n);
        Set<Long> images = new HashSet<>();
        boolean beyondInt = false;
        for (long x = 0; x < 100_000; x++) {
            long y = permutation.apply(x);
            assertTrue(y >= 0 && y < n);
            assertTrue(images.add(y), "image " + y + " reached twice");
            beyondInt |= y > Integer.MAX_VALUE;
        }
        // also from the top of the range
        for (long x = n - 1000; x < n; x++) {
            long y = permutation.apply(x);
            assertTrue(y >= 0 && y < n);
        }
        assertTrue(beyondInt, "no image above 2^31");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 5, 17, 100, 1000, 4096, 65_537})
    void inverseUndoesApplyForEveryItem(long n) {
        FeistelPermutation permutation = new FeistelPermutation(n);
        for (long x = 0; x < n; x++) {
            org.junit.jupiter.api.Assertions.assertEquals(x, permutation.inverse(permutation.apply(x)), "x = " + x);
        }
    }

    @org.junit.jupiter.api.Test
    void inverseWorksAboveTwoToThe31() {
        FeistelPermutation permutation = new FeistelPermutation(10_000_000_000L);
        for (long x : new long[] {0, 1, 1L << 31, 9_999_999_999L, 123_456_789_012L % 10_000_000_000L}) {
            org.junit.jupiter.api.Assertions.assertEquals(x, permutation.inverse(permutation.apply(x)));
        }
    }
}
