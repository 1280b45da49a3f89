package io.storebench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {
    @Test
    void matchesATextbookTInterval() {
        // 10, 12, 14: mean 12, sd 2, se 2/sqrt(3) = 1.1547; t(0.975, 2) = 4.3027; half-width 4.9683.
        ConfidenceInterval ci = ConfidenceInterval.of95(new double[] {10, 12, 14});
        assertEquals(12, ci.mean(), 1e-12);
        assertEquals(4.9683, ci.halfWidth(), 1e-4);
        assertEquals(12 - 4.9683, ci.lower(), 1e-4);
        assertEquals(3, ci.n());
    }

    @Test
    void largeSamplesApproachTheNormalQuantile() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? -1 : 1; // sd = 1.0005
        }
        ConfidenceInterval ci = ConfidenceInterval.of95(values);
        assertEquals(1.962 * 1.0005 / Math.sqrt(1000), ci.halfWidth(), 1e-3);
    }

    @Test
    void oneValueHasNoInterval() {
        ConfidenceInterval ci = ConfidenceInterval.of95(new double[] {5});
        assertEquals(5, ci.mean());
        assertTrue(Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of95(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of95(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[] {1, 2}, 1.0));
    }
}
