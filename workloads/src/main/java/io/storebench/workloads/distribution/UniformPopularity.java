package io.storebench.workloads.distribution;

/** Every item equally likely: the popularity of {@code uniform} and (over a cycle) {@code sequential}. */
final class UniformPopularity implements Popularity {

    private final long items;

    UniformPopularity(long items) {
        this.items = items;
    }

    @Override
    public long items() {
        return items;
    }

    @Override
    public double probabilityOfRank(long rank) {
        Ranks.checkRank(rank, items);
        return 1.0 / items;
    }

    @Override
    public double massOfTop(long k) {
        Ranks.checkCount(k, items);
        return (double) k / items;
    }
}
