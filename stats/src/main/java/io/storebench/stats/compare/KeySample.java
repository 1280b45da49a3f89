package io.storebench.stats.compare;

import java.util.List;

/**
 * One side of a key: one value per fork, and the fewest operations any fork measured for it.
 *
 * @param values per-fork values, nanoseconds or operations per second
 * @param fewestOperations the smallest per-fork operation count behind the values
 * @param forkIds the fork of each value, in the same order
 */
public record KeySample(BenchmarkKey key, double[] values, long fewestOperations, List<String> forkIds) {
    public KeySample {
        forkIds = List.copyOf(forkIds);
        if (forkIds.size() != values.length) {
            throw new IllegalArgumentException(key.label() + ": " + values.length + " values for " + forkIds.size()
                    + " forks");
        }
    }

    public int forks() {
        return values.length;
    }
}
