package io.storebench.workloads.distribution;

/**
 * What every {@link Popularity} shares: the size of the key space and the range checks of the
 * rank and count arguments, done once here so that subclasses compute only their curve.
 */
abstract class AbstractPopularity implements Popularity {

    private final long items;

    AbstractPopularity(long items) {
        this.items = items;
    }

    @Override
    public final long items() {
        return items;
    }

    @Override
    public final double probabilityOfRank(long rank) {
        if (rank < 0 || rank >= items) {
            throw new IllegalArgumentException("rank " + rank + " is out of range; allowed: 0 to "
                    + (items - 1) + " for " + items + " items");
        }
        return probability(rank);
    }

    @Override
    public final double massOfTop(long k) {
        if (k < 0 || k > items) {
            throw new IllegalArgumentException("top " + k + " is out of range; allowed: 0 to "
                    + items + " for " + items + " items");
        }
        return mass(k);
    }

    /** {@link #probabilityOfRank} for a rank already checked to be in [0, items). */
    abstract double probability(long rank);

    /** {@link #massOfTop} for a count already checked to be in [0, items]. */
    abstract double mass(long k);
}
