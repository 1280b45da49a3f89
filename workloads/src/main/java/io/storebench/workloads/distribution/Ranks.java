package io.storebench.workloads.distribution;

/** Argument checks shared by the {@link Popularity} implementations. */
final class Ranks {

    private Ranks() {
    }

    static void checkRank(long rank, long items) {
        if (rank < 0 || rank >= items) {
            throw new IllegalArgumentException("rank " + rank + " is out of range; allowed: 0 to "
                    + (items - 1) + " for " + items + " items");
        }
    }

    static void checkCount(long k, long items) {
        if (k < 0 || k > items) {
            throw new IllegalArgumentException("top " + k + " is out of range; allowed: 0 to "
                    + items + " for " + items + " items");
        }
    }
}
