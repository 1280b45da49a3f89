package io.storebench.workloads.distribution;

/**
 * The popularity of {@code hotspot}: each hot item has probability hotOps / hot, each cold one
 * (1 - hotOps) / cold (uniform over all items when there is no cold set); the more probable
 * group ranks first.
 */
final class HotspotPopularity extends AbstractPopularity {

    /** The group that ranks first and its per-item probability; then the other group. */
    private final long firstCount;
    private final double firstProbability;
    private final double secondProbability;

    HotspotPopularity(long items, double hotSetFraction, double hotOpFraction) {
        super(items);
        long hot = HotspotDistribution.hotItems(items, hotSetFraction);
        long cold = items - hot;
        if (cold == 0) {
            firstCount = items;
            firstProbability = 1.0 / items;
            secondProbability = 0;
            return;
        }
        double perHot = hotOpFraction / hot;
        double perCold = (1.0 - hotOpFraction) / cold;
        if (perHot >= perCold) {
            firstCount = hot;
            firstProbability = perHot;
            secondProbability = perCold;
        } else {
            firstCount = cold;
            firstProbability = perCold;
            secondProbability = perHot;
        }
    }

    @Override
    double probability(long rank) {
        return rank < firstCount ? firstProbability : secondProbability;
    }

    @Override
    double mass(long k) {
        if (k == items()) {
            return 1.0;
        }
        if (k <= firstCount) {
            return k * firstProbability;
        }
        return Math.min(1.0, firstCount * firstProbability + (k - firstCount) * secondProbability);
    }
}
