package io.storebench.stats.history;

import io.storebench.stats.Direction;
import io.storebench.stats.compare.BenchmarkKey;
import io.storebench.stats.history.ChangePoints.ChangePoint;
import java.util.Optional;

/**
 * One key over a series of runs: each run's value (the geometric mean of its per-fork values),
 * and the change points of that series.
 *
 * @param key engine x workload x operation x metric
 * @param values one value per run, oldest first
 * @param forks the forks behind each value
 * @param result the change points and the segments between them
 */
public record KeyHistory(BenchmarkKey key, double[] values, int[] forks, ChangePoints.Result result) {

    /** Which way a change went, by the key's direction (latency lower is better, throughput higher). */
    public enum Change {
        REGRESSED,
        IMPROVED
    }

    /** Whether {@code point} is a change for the worse or the better. */
    public Change change(ChangePoint point) {
        boolean worse = key.metric().direction() == Direction.LOWER_IS_BETTER ? point.ratio() > 1 : point.ratio() < 1;
        return worse ? Change.REGRESSED : Change.IMPROVED;
    }

    /** The newest change point, if any: it separates the newest segment from the one before it. */
    public Optional<ChangePoint> latest() {
        var points = result.changePoints();
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    /** Whether the newest run sits after a regression: the latest change point is one. */
    public boolean regressedAtNewest() {
        return latest().map(p -> change(p) == Change.REGRESSED).orElse(false);
    }
}
