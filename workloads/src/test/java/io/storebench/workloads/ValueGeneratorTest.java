package io.storebench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class ValueGeneratorTest {
    private final byte[] key = "user42".getBytes();

    @Test
    void aValueVerifiesForItsKeyAndNotWhenChanged() {
        ValueGenerator values = new ValueGenerator(ValueSpec.constant(100), 0, new SplittableRandom(1));
        int length = values.fill(key, new SplittableRandom(2));
        byte[] value = Arrays.copyOf(values.value(), length);
        assertTrue(ValueCheck.verify(key, value, length));
        assertFalse(ValueCheck.verify("user43".getBytes(), value, length), "another key");
        assertFalse(ValueCheck.verify(key, value, length - 1), "truncated");
        for (int i : new int[] {0, 3, 4, 11, 12, 15, 16, 99}) {
            byte[] torn = value.clone();
            torn[i] ^= 1;
            assertFalse(ValueCheck.verify(key, torn, length), "byte " + i + " changed");
        }
        assertFalse(ValueCheck.verify(key, new byte[8], 8), "shorter than the header");
    }

    @Test
    void versionsGrowAndCarryTheThread() {
        ValueGenerator values = new ValueGenerator(ValueSpec.constant(32), 3, new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(2);
        values.fill(key, random);
        long first = ValueCheck.version(values.value());
        values.fill(key, random);
        assertEquals(first + 1, ValueCheck.version(values.value()));
        assertEquals(3, first >>> 40);
    }

    @Test
    void sizesFollowTheirDistribution() {
        ValueGenerator uniform = new ValueGenerator(new ValueSpec(LengthSpec.uniform(16, 116), 0), 0,
                new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(5);
        long sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            int length = uniform.fill(key, random);
            assertTrue(length >= 16 && length <= 116, "length " + length);
            assertTrue(ValueCheck.verify(key, uniform.value(), length));
            sum += length;
        }
        assertEquals(66, sum / (double) n, 1.0);
        ValueGenerator zipfian = new ValueGenerator(new ValueSpec(new LengthSpec(LengthDistribution.ZIPFIAN, 16, 1016), 0),
                0, new SplittableRandom(1));
        int shortest = 0;
        for (int i = 0; i < n; i++) {
            if (zipfian.fill(key, random) == 16) {
                shortest++;
            }
        }
        assertTrue(shortest > n / 20, "the smallest size is the most frequent: " + shortest);
    }

    @Test
    void compressibilityControlsHowMuchDeflateRemoves() {
        assertEquals(1.0, compressedFraction(0.0), 0.05);
        assertEquals(0.5, compressedFraction(0.5), 0.1);
        assertTrue(compressedFraction(0.9) < 0.25);
    }

    private double compressedFraction(double compressibility) {
        ValueGenerator values = new ValueGenerator(new ValueSpec(LengthSpec.constant(4096), compressibility), 0,
                new SplittableRandom(9));
        int length = values.fill(key, new SplittableRandom(3));
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(values.value(), 0, length);
        deflater.finish();
        byte[] out = new byte[length * 2];
        int compressed = deflater.deflate(out);
        deflater.end();
        return compressed / (double) length;
    }

    @Test
    void valuesTooSmallForTheHeaderAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueSpec.constant(8));
        assertTrue(e.getMessage().contains("value size 8 is out of range; allowed: 16.."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ValueSpec(LengthSpec.constant(100), 1.0));
    }
}
