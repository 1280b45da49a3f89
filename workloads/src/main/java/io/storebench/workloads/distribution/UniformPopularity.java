package io.storebench.workloads.distribution;

/** Every item equally likely: the popularity of {@code uniform} and (over a cycle) {@code sequential}. */
final class UniformPopularity extends AbstractPopularity {

    UniformPopularity(long items) {
        super(items);
    }

    @Override
    double probability(long rank) {
        return 1.0 / items();
    }

    @Override
    double mass(long k) {
        return (double) k / items();
    }
}
