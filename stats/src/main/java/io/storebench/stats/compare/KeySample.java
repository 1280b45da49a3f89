package io.storebench.stats.compare;

/**
 * One side of a key: one value per fork, and the fewest operations any fork measured for it.
 *
 * @param values per-fork values, nanoseconds or operations per second
 * @param fewestOperations the smallest per-fork operation count behind the values
 */
public record KeySample(BenchmarkKey key, double[] values, long fewestOperations) {
    public int forks() {
        return values.length;
    }
}
