package io.storebench.stats.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.Welch;
import io.storebench.stats.history.ChangePoints.ChangePoint;
import io.storebench.stats.history.ChangePoints.Result;
import io.storebench.stats.history.ChangePoints.Segment;
import io.storebench.stats.history.ChangePoints.Settings;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangePointsTest {
    /**
     * A series of levels, each held for its count of values, with lognormal noise of {@code noise}
     * (standard deviation of the log) from a fixed seed: {@code series(1, 0.01, 1.0, 20, 1.2, 20)}.
     */
    private static double[] series(long seed, double noise, double... levelsAndCounts) {
        Random random = new Random(seed);
        int n = 0;
        for (int i = 1; i < levelsAndCounts.length; i += 2) {
            n += (int) levelsAndCounts[i];
        }
        double[] values = new double[n];
        int at = 0;
        for (int i = 0; i < levelsAndCounts.length; i += 2) {
            for (int k = 0; k < (int) levelsAndCounts[i + 1]; k++) {
                values[at++] = 1000 * levelsAndCounts[i] * Math.exp(noise * random.nextGaussian());
            }
        }
        return values;
    }

    private static List<Integer> indices(Result result) {
        return result.changePoints().stream().map(ChangePoint::index).toList();
    }

    @Test
    void aStepIsFoundAtItsIndexWithItsSizeAndWelchsPOnTheLogs() {
        double[] values = series(1, 0.01, 1.0, 20, 1.2, 20);
        Result result = ChangePoints.find(values, Settings.DEFAULT);
        assertEquals(List.of(20), indices(result));
        ChangePoint step = result.changePoints().get(0);
        assertEquals(1.2, step.ratio(), 0.01);
        assertEquals(0.2, step.change(), 0.01);
        assertEquals(step.after() / step.before(), step.ratio(), 1e-9);
        assertEquals(20, step.beforeCount());
        assertEquals(20, step.afterCount());
        double[] logs = Arrays.stream(values).map(Math::log).toArray();
        double p = Welch.test(Arrays.copyOfRange(logs, 0, 20), Arrays.copyOfRange(logs, 20, 40), 0.95).p();
        assertEquals(p, step.p(), 0.0);
        assertTrue(step.p() < 1e-10, "p " + step.p());
        assertEquals(2, result.segments().size());
        assertEquals(new Segment(0, 20, result.segments().get(0).mean()), result.segments().get(0));
        assertEquals(1000, result.segments().get(0).mean(), 10);
        assertEquals(1200, result.segments().get(1).mean(), 12);
    }

    @Test
    void aStepDownIsFoundToo() {
        Result result = ChangePoints.find(series(2, 0.02, 1.0, 12, 0.7, 9), Settings.DEFAULT);
        assertEquals(List.of(12), indices(result));
        assertEquals(0.7, result.changePoints().get(0).ratio(), 0.03);
    }

    @Test
    void aFlatNoisySeriesHasNoChangePoint() {
        assertEquals(List.of(), indices(ChangePoints.find(series(3, 0.03, 1.0, 60), Settings.DEFAULT)));
        for (long seed = 1; seed <= 50; seed++) {
            Result result = ChangePoints.find(series(seed, 0.03, 1.0, 40), Settings.DEFAULT);
            assertEquals(List.of(), indices(result), "seed " + seed);
            assertEquals(List.of(new Segment(0, 40, result.segments().get(0).mean())), result.segments());
        }
    }

    @Test
    void twoStepsAreBothFound() {
        assertEquals(List.of(15, 30), indices(ChangePoints.find(series(4, 0.01, 1.0, 15, 1.3, 15, 1.0, 15),
                Settings.DEFAULT)), "up, then back down");
        Result staircase = ChangePoints.find(series(5, 0.01, 1.0, 10, 1.15, 10, 1.35, 10), Settings.DEFAULT);
        assertEquals(List.of(10, 20), indices(staircase), "up, then up again");
        assertEquals(3, staircase.segments().size());
        assertEquals(1.35 / 1.15, staircase.changePoints().get(1).ratio(), 0.02,
                "each change is measured between its neighbours");
    }

    @Test
    void aChangeBelowTheFloorIsNotReportedHoweverSignificant() {
        double[] small = series(6, 0.002, 1.0, 15, 1.03, 15);
        assertEquals(List.of(), indices(ChangePoints.find(small, Settings.DEFAULT)));
        Result lowFloor = ChangePoints.find(small, new Settings(0.001, 0.02, 50));
        assertEquals(List.of(15), indices(lowFloor), "the floor, not the p, kept it out");
        assertTrue(lowFloor.changePoints().get(0).p() < 1e-10);
    }

    @Test
    void aSignificantChangeBelowTheFloorDoesNotHideALargerOne() {
        // 3 % at 10 (p tiny in a quiet series), 10 % at 30: only the second is reported
        Result result = ChangePoints.find(series(7, 0.002, 1.0, 10, 1.03, 20, 1.133, 10), Settings.DEFAULT);
        assertEquals(List.of(30), indices(result));
        assertEquals(1.133 / Math.pow(1.03, 2.0 / 3), result.changePoints().get(0).ratio(), 0.005,
                "measured against the whole segment before it: 10 values at 1.0 and 20 at 1.03");
    }

    @Test
    void aChangeUndoneSoonIsDilutedUnlessTheWindowIsNarrow() {
        double[] blip = series(12, 0.01, 1.0, 3, 1.3, 3, 1.0, 3);
        assertEquals(List.of(), indices(ChangePoints.find(blip, Settings.DEFAULT)),
                "each split's other side mixes both levels");
        assertEquals(List.of(3, 6), indices(ChangePoints.find(blip, new Settings(0.001, 0.05, 3))));
    }

    @Test
    void theWindowBoundsTheValuesTestedEachSide() {
        double[] values = series(8, 0.01, 1.0, 70, 1.1, 70);
        Result wide = ChangePoints.find(values, Settings.DEFAULT);
        assertEquals(List.of(70), indices(wide));
        assertEquals(50, wide.changePoints().get(0).beforeCount());
        assertEquals(50, wide.changePoints().get(0).afterCount());
        Result narrow = ChangePoints.find(values, new Settings(0.001, 0.05, 5));
        assertEquals(List.of(70), indices(narrow));
        assertEquals(5, narrow.changePoints().get(0).beforeCount());
        assertEquals(70, narrow.segments().get(0).size(), "segments are whole, whatever the window");
    }

    @Test
    void eachSideNeedsThreeValues() {
        assertEquals(List.of(), indices(ChangePoints.find(new double[] {1, 1, 2, 2, 2}, Settings.DEFAULT)),
                "five values cannot have three on each side");
        assertEquals(List.of(), indices(ChangePoints.find(series(9, 0.01, 1.0, 2, 2.0, 10), Settings.DEFAULT)),
                "a change after the second value cannot be told");
        assertEquals(List.of(), indices(ChangePoints.find(series(9, 0.01, 1.0, 10, 2.0, 2), Settings.DEFAULT)),
                "nor one before the last two");
        assertEquals(List.of(10), indices(ChangePoints.find(series(9, 0.01, 1.0, 10, 2.0, 3), Settings.DEFAULT)),
                "three after it are enough");
        assertEquals(List.of(), indices(ChangePoints.find(new double[0], Settings.DEFAULT)));
    }

    @Test
    void constantSidesGivePZeroAndAreDecidedExplicitly() {
        Result step = ChangePoints.find(new double[] {100, 100, 100, 100, 120, 120, 120, 120}, Settings.DEFAULT);
        assertEquals(List.of(4), indices(step));
        ChangePoint point = step.changePoints().get(0);
        assertEquals(0.0, point.p());
        assertTrue(point.noVariance());
        assertEquals(1.2, point.ratio(), 1e-12);
        assertEquals(List.of(), indices(ChangePoints.find(new double[] {100, 100, 100, 100, 100, 100, 100},
                Settings.DEFAULT)), "a constant series: p = 1 everywhere");
        assertEquals(List.of(), indices(ChangePoints.find(new double[] {100, 100, 100, 101, 101, 101},
                Settings.DEFAULT)), "an exact step of 1 % stays under the floor");
        Result noisy = ChangePoints.find(series(10, 0.01, 1.0, 10, 1.2, 10), Settings.DEFAULT);
        assertTrue(!noisy.changePoints().get(0).noVariance());
    }

    @Test
    void theResultIsDeterministicAndTheInputUntouched() {
        double[] values = series(11, 0.02, 1.0, 25, 1.25, 25, 0.9, 25);
        double[] copy = values.clone();
        Result first = ChangePoints.find(values, Settings.DEFAULT);
        Result second = ChangePoints.find(values, Settings.DEFAULT);
        assertEquals(first, second);
        assertArrayEquals(copy, values);
        assertEquals(List.of(25, 50), indices(first));
    }

    @Test
    void badSettingsAndValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Settings(0, 0.05, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settings(1, 0.05, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settings(Double.NaN, 0.05, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settings(0.001, -0.01, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settings(0.001, 1, 50));
        assertThrows(IllegalArgumentException.class, () -> new Settings(0.001, 0.05, 2));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ChangePoints.find(new double[] {1, 2, 0, 3, 4, 5}, Settings.DEFAULT));
        assertTrue(zero.getMessage().contains("holds 0.0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ChangePoints.find(new double[] {1, 2, Double.NaN, 3, 4, 5}, Settings.DEFAULT));
    }
}
