package io.storebench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProportionAndPowerTest {
    @Test
    void clopperPearsonMatchesPublishedBounds() {
        // 0 of 20: the upper bound is 1 - 0.025^(1/20) = 0.1684 (the "rule of three" region)
        Proportion none = Proportion.of(0, 20, 0.95);
        assertEquals(0, none.lower());
        assertEquals(1 - Math.pow(0.025, 1.0 / 20), none.upper(), 1e-9);
        // 1 of 20: published 0.0013 .. 0.2487
        Proportion one = Proportion.of(1, 20, 0.95);
        assertEquals(0.0013, one.lower(), 1e-4);
        assertEquals(0.2487, one.upper(), 1e-4);
        assertEquals(1, Proportion.of(10, 10, 0.95).upper());
        assertThrows(IllegalArgumentException.class, () -> Proportion.of(3, 2, 0.95));
    }

    /** The detectable change is what the paired (signed-rank) test then finds 80 % of the time (simulated). */
    @Test
    void detectableChangeIsDetectedWithThePowerAsked() {
        double sigma = 0.05;
        int pairs = 10;
        double change = Power.detectablePaired(sigma, pairs, 0.05, 0.8);
        SplittableRandom random = new SplittableRandom(5);
        int found = 0;
        int trials = 2000;
        for (int trial = 0; trial < trials; trial++) {
            double[] d = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                d[i] = Math.log(1 + change) + sigma * random.nextGaussian();
            }
            if (SignedRank.test(d, 0.95).p() < 0.05) {
                found++;
            }
        }
        double power = (double) found / trials;
        assertTrue(power > 0.76 && power < 0.86, "power " + power + " at a change of " + change);
    }
}
