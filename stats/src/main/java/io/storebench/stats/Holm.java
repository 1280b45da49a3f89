package io.storebench.stats;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm–Bonferroni adjustment of the p-values of every comparison in one gate run or report: it
 * keeps the family-wise false-positive rate at α without Bonferroni's loss of power.
 */
public final class Holm {
    private Holm() {
    }

    /** Adjusted p-values, in the order given: p_(i) × (m − i + 1), made monotone and capped at 1. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        for (double value : p) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("p-value " + value + " is out of range; allowed: 0..1");
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i]))
                .toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
