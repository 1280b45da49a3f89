package io.storebench.stats;

/** Which way is better for a metric: latency is lower-is-better, throughput higher-is-better. */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER;

    /** Whether {@code ratio} (candidate / baseline) is a change for the worse. */
    boolean worse(double ratio) {
        return this == LOWER_IS_BETTER ? ratio > 1 : ratio < 1;
    }
}
