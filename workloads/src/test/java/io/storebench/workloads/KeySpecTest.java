package io.storebench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySpecTest {
    @Test
    void orderedKeysSortLikeTheirOrdinalsAboveTwoToThe31() {
        KeySpec keys = KeySpec.binary(16);
        long[] ordinals = {0, 1, 255, 256, (1L << 31) - 1, 1L << 31, 10_000_000_000L, (1L << 40) + 7};
        for (int i = 1; i < ordinals.length; i++) {
            assertTrue(Arrays.compareUnsigned(keys.keyOf(ordinals[i - 1]), keys.keyOf(ordinals[i])) < 0,
                    ordinals[i - 1] + " < " + ordinals[i]);
        }
        assertEquals(16, keys.keyOf(10_000_000_000L).length);
    }

    @Test
    void shortOrderedKeysHoldAsManyOrdinalsAsFitAndSaySoOtherwise() {
        KeySpec two = KeySpec.binary(2);
        two.check(65_536);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.check(65_537));
        assertEquals("key size 2 is too small for 65537 ordered keys; allowed: 3..1024", e.getMessage());
        assertTrue(Arrays.compareUnsigned(two.keyOf(255), two.keyOf(256)) < 0);
    }

    @Test
    void hashedKeysAreDistinct() {
        KeySpec keys = new KeySpec(KeyFormat.HASHED, 8);
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 100_000; i++) {
            assertTrue(seen.add(Arrays.toString(keys.keyOf(i))), "collision at " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> new KeySpec(KeyFormat.HASHED, 7).check(10));
    }

    @Test
    void ycsbKeysAreUserAndTheFnvHashZeroPadded() {
        KeySpec keys = KeySpec.ycsb();
        String key = new String(keys.keyOf(42), StandardCharsets.US_ASCII);
        String digits = Long.toString(Hashing.ycsbFnvHash64(42));
        assertEquals(23, key.length());
        assertEquals("user" + "0".repeat(19 - digits.length()) + digits, key);
        KeySpec ordered = new KeySpec(KeyFormat.YCSB_ORDERED, 10);
        assertEquals("user000042", new String(ordered.keyOf(42), StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class, () -> new KeySpec(KeyFormat.YCSB_ORDERED, 6).check(1000));
    }

    @Test
    void fnvHashMatchesYcsbForKnownInputs() {
        // FNV-1a 64 of eight zero bytes, then Math.abs, as YCSB's Utils.fnvhash64(0) computes it.
        long expected = 0xCBF29CE484222325L;
        for (int i = 0; i < 8; i++) {
            expected = expected * 1099511628211L;
        }
        assertEquals(Math.abs(expected), Hashing.ycsbFnvHash64(0));
        assertTrue(Hashing.ycsbFnvHash64(1) != Hashing.ycsbFnvHash64(256));
    }

    @Test
    void badSizesAndFormatsNameTheRange() {
        assertEquals("key size 0 is out of range; allowed: 1..1024",
                assertThrows(IllegalArgumentException.class, () -> KeySpec.binary(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyFormat.parse("base64")).getMessage()
                .contains("ordered, hashed, ycsb, ycsb-ordered"));
    }
}
