package io.storebench.stats.history;

import io.storebench.stats.Samples;
import io.storebench.stats.Welch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Change points of a series of positive values (one value per run, oldest first): where its level
 * shifted, by a method of the E-divisive means / Apache Otava (formerly Hunter) family, with Welch's
 * t-test on the logarithms as the significance test, as Otava's {@code TTestSignificanceTester}.
 *
 * <ol>
 *   <li><b>Binary segmentation.</b> In the current segment (at first the whole series), every split
 *       point {@code i} that leaves at least {@value #MIN_SIDE} values on each side is tested: Welch's
 *       t on the log values left of {@code i} against those from {@code i} on, each side cut to at most
 *       {@code window} values next to the split (Otava's {@code window_len}). Among the splits whose
 *       change (ratio of the two sides' geometric means) is at least {@code minMagnitude}, the one with
 *       the smallest p is kept; it is accepted when p &lt;= {@code maxPValue}, and both halves are
 *       segmented in turn. A segment shorter than {@code 2 * MIN_SIDE} is not split.</li>
 *   <li><b>Weak change points removed</b> (Otava's merge step). Once segmentation stops, every
 *       accepted point is tested again between its final neighbours (the previous and next change
 *       points, at most {@code window} values each side); while any fails p &lt;= {@code maxPValue}
 *       or the magnitude floor, the weakest (largest p, then smallest change) is removed and the rest
 *       are tested again. So every change point reported passes both thresholds against the two
 *       segments it separates, and its figures are those of that last test.</li>
 * </ol>
 *
 * <p>Why the magnitude floor already restricts the candidates of a split, and is not only checked
 * on the best one: a change that is highly significant but smaller than the floor (a 2 % step in a
 * quiet series) would otherwise win the split, fail the floor, and end the segmentation of its
 * segment, hiding a larger change elsewhere in it.
 *
 * <p><b>At least {@value #MIN_SIDE} values each side</b>: a t-test on two values is meaningless
 * (one degree of freedom), so a change needs {@value #MIN_SIDE} runs before and after it to be
 * found: a series of fewer than {@code 2 * MIN_SIDE} values has none, and a change in its last two
 * runs shows only once a third run follows.
 *
 * <p><b>A change undone soon after</b> (three runs up, then back) is tested against all the runs
 * after it up to the window, which mix both levels: neither side is one level and the split may
 * not be significant, so binary segmentation (Otava's included) can miss it in a short series. A
 * smaller {@code window} tests each split against its near neighbours only and finds it.
 *
 * <p><b>Zero variance.</b> {@link Welch} decides two constant sides without a NaN: different
 * values give p = 0 (no variance, so by the test's model the difference is certain) and equal ones
 * p = 1. That is used as it is: a step between two constant stretches is a change point with
 * p = 0 (reported with {@link ChangePoint#noVariance()} set) when it passes the magnitude floor,
 * which keeps a tiny but exact step out. Ties of p (several splits at p = 0, or a p that underflows
 * to 0) go to the larger change, then to the earlier split, so the result is deterministic; nothing
 * here is random.
 *
 * <p>The smallest of many p-values is not a p-value of one test: the many splits tried make a
 * false change more likely than {@code maxPValue} says, which is why the default is as strict as
 * Otava's (0.001), with a 5 % floor on top.
 */
public final class ChangePoints {
    /** Values each side of a change, at least. */
    public static final int MIN_SIDE = 3;
    /** Otava's default {@code max_pvalue}. */
    public static final double DEFAULT_MAX_PVALUE = 0.001;
    /** The smallest change reported by default, as a fraction (5 %). */
    public static final double DEFAULT_MIN_MAGNITUDE = 0.05;
    /** Otava's default {@code window_len}: values each side of a split tested, at most. */
    public static final int DEFAULT_WINDOW = 50;

    private ChangePoints() {
    }

    /**
     * How change points are found.
     *
     * @param maxPValue a split is significant when Welch's p is at most this, 0 &lt; p &lt; 1
     * @param minMagnitude the smallest change reported, |after / before - 1|, 0 to 0.99
     * @param window values each side of a split tested, at most; at least {@value #MIN_SIDE}
     */
    public record Settings(double maxPValue, double minMagnitude, int window) {
        public static final Settings DEFAULT = new Settings(DEFAULT_MAX_PVALUE, DEFAULT_MIN_MAGNITUDE,
                DEFAULT_WINDOW);

        public Settings {
            if (!(maxPValue > 0 && maxPValue < 1)) {
                throw new IllegalArgumentException("max p-value " + maxPValue + " is out of range; allowed: 0 < p < 1");
            }
            if (!(minMagnitude >= 0 && minMagnitude <= 0.99)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "min magnitude %s is out of range;"
                        + " allowed: 0..0.99 (0%%..99%%)", minMagnitude));
            }
            if (window < MIN_SIDE) {
                throw new IllegalArgumentException("window " + window + " is too small; allowed: at least " + MIN_SIDE);
            }
        }
    }

    /**
     * A change point: the level of the series shifted between value {@code index - 1} and value
     * {@code index}.
     *
     * @param index the first value after the change (0-based)
     * @param before the geometric mean of the values tested before the change
     * @param after the geometric mean of the values tested from the change on
     * @param ratio after / before
     * @param p Welch's two-sided p of the log values after against those before
     * @param noVariance both sides were constant, so p is 0 by definition (see the class comment)
     * @param beforeCount values tested before the change: back to the previous change point, at most the window
     * @param afterCount values tested from the change on: up to the next change point, at most the window
     */
    public record ChangePoint(int index, double before, double after, double ratio, double p, boolean noVariance,
            int beforeCount, int afterCount) {
        /** The relative change, {@code ratio - 1}. */
        public double change() {
            return ratio - 1;
        }

        /** |log ratio|: a change's size, the same up or down. */
        double size() {
            return Math.abs(Math.log(ratio));
        }
    }

    /**
     * A stretch of the series between change points.
     *
     * @param from its first value (0-based)
     * @param to one past its last value
     * @param mean the geometric mean of its values
     */
    public record Segment(int from, int to, double mean) {
        public int size() {
            return to - from;
        }
    }

    /**
     * @param changePoints in series order
     * @param segments the stretches between them, covering the series, in order
     */
    public record Result(List<ChangePoint> changePoints, List<Segment> segments) {
        public Result {
            changePoints = List.copyOf(changePoints);
            segments = List.copyOf(segments);
        }
    }

    /** Smaller p first, then the larger change, then the earlier split. */
    private static final Comparator<ChangePoint> STRONGEST_FIRST = Comparator.comparingDouble(ChangePoint::p)
            .thenComparing(Comparator.comparingDouble(ChangePoint::size).reversed())
            .thenComparingInt(ChangePoint::index);

    /**
     * The change points of {@code values} (oldest first).
     *
     * @throws IllegalArgumentException for a NaN, infinite, zero or negative value
     */
    public static Result find(double[] values, Settings settings) {
        double[] logs = Samples.logs("the series", values);
        List<Integer> splits = new ArrayList<>();
        segment(logs, 0, logs.length, settings, splits);
        List<ChangePoint> points = removeWeak(logs, splits.stream().sorted().toList(), settings);
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        for (ChangePoint point : points) {
            segments.add(segment(logs, from, point.index()));
            from = point.index();
        }
        if (logs.length > 0) {
            segments.add(segment(logs, from, logs.length));
        }
        return new Result(points, segments);
    }

    /** Binary segmentation of {@code [from, to)}: adds the accepted splits to {@code splits}. */
    private static void segment(double[] logs, int from, int to, Settings settings, List<Integer> splits) {
        ChangePoint best = null;
        for (int i = from + MIN_SIDE; i <= to - MIN_SIDE; i++) {
            ChangePoint candidate = test(logs, from, i, to, settings.window());
            if (Math.abs(candidate.change()) >= settings.minMagnitude()
                    && (best == null || STRONGEST_FIRST.compare(candidate, best) < 0)) {
                best = candidate;
            }
        }
        if (best == null || best.p() > settings.maxPValue()) {
            return;
        }
        splits.add(best.index());
        segment(logs, from, best.index(), settings, splits);
        segment(logs, best.index(), to, settings, splits);
    }

    /**
     * Tests each split between its neighbours and removes the weakest failing one until none
     * fails; returns the survivors with the figures of their last test.
     */
    private static List<ChangePoint> removeWeak(double[] logs, List<Integer> splits, Settings settings) {
        List<Integer> kept = new ArrayList<>(splits);
        while (true) {
            List<ChangePoint> points = new ArrayList<>();
            for (int k = 0; k < kept.size(); k++) {
                int from = k == 0 ? 0 : kept.get(k - 1);
                int to = k == kept.size() - 1 ? logs.length : kept.get(k + 1);
                points.add(test(logs, from, kept.get(k), to, settings.window()));
            }
            ChangePoint weakest = points.stream()
                    .filter(p -> p.p() > settings.maxPValue() || Math.abs(p.change()) < settings.minMagnitude())
                    .max(STRONGEST_FIRST).orElse(null);
            if (weakest == null) {
                return points;
            }
            kept.remove(Integer.valueOf(weakest.index()));
        }
    }

    /** Welch's t of {@code [max(from, split - window), split)} against {@code [split, min(to, split + window))}. */
    private static ChangePoint test(double[] logs, int from, int split, int to, int window) {
        double[] left = Arrays.copyOfRange(logs, Math.max(from, split - window), split);
        double[] right = Arrays.copyOfRange(logs, split, Math.min(to, split + window));
        Welch welch = Welch.test(left, right, 0.95);
        double before = Math.exp(Samples.mean(left));
        double after = Math.exp(Samples.mean(right));
        boolean noVariance = Samples.variance(left, Samples.mean(left)) == 0
                && Samples.variance(right, Samples.mean(right)) == 0;
        return new ChangePoint(split, before, after, Math.exp(welch.difference()), welch.p(), noVariance, left.length,
                right.length);
    }

    private static Segment segment(double[] logs, int from, int to) {
        return new Segment(from, to, Math.exp(Samples.mean(Arrays.copyOfRange(logs, from, to))));
    }
}
