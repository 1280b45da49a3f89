package io.storebench.stats;

/** Checks and moments of per-fork samples, in one place. */
public final class Samples {
    private Samples() {
    }

    /** Refuses fewer than {@code minimum} values, NaN and infinities, naming {@code what}. */
    public static void checkFinite(String what, double[] values, int minimum) {
        if (values.length < minimum) {
            throw new IllegalArgumentException(what + " has " + values.length + " values; at least " + minimum
                    + " are needed");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(what + " holds " + value + "; only finite numbers are allowed");
            }
        }
    }

    /**
     * The natural logarithms of positive values: the scale latency and throughput are compared on.
     *
     * @throws IllegalArgumentException for NaN, infinite, zero or negative values
     */
    public static double[] logs(String what, double[] values) {
        checkFinite(what, values, 0);
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0) {
                throw new IllegalArgumentException(what + " holds " + values[i]
                        + "; latency and throughput must be positive to be compared as ratios");
            }
            logs[i] = Math.log(values[i]);
        }
        return logs;
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The median: the middle value, or the mean of the middle two for an even count. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The unbiased sample variance (n − 1). */
    public static double variance(double[] values, double mean) {
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / (values.length - 1);
    }
}
