package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/**
 * Draws item numbers (record ordinals) for reads, updates, scans and deletes.
 *
 * <p>An instance belongs to one thread and may keep state (e.g. {@code sequential}); every
 * random choice comes from the {@link SplittableRandom} passed in, so a thread's stream is
 * reproducible from its seed. {@link #next} allocates nothing.
 */
public interface KeyDistribution {

    /**
     * The next item number, in {@code [0, available)}.
     *
     * @param random this thread's random stream
     * @param available how many items exist now: the loaded records plus every insert that has
     *     completed, never less than {@link #items()}. Distributions defined over a fixed key
     *     space ({@code zipfian}, {@code hotspot}, ...) draw from {@code [0, items())}; {@code uniform}
     *     and {@code sequential} cover all available items; {@code latest} counts back from the newest.
     */
    long next(SplittableRandom random, long available);

    /** The size of the key space the distribution was created for (the loaded record count). */
    long items();

    /**
     * The popularity rank (0 = hottest, as in {@link DistributionSpec#popularity}) of an item this
     * distribution drew with {@code available} items, or -1 where an item has no single rank
     * ({@code ycsb-zipfian} hashes many ranks onto one item) or lies outside the ranked key space
     * (an inserted item drawn by {@code uniform}). Items of equal probability get distinct ranks in
     * any fixed order. For goodness-of-fit tests and {@code inspect}; not on the hot path.
     */
    long rankOf(long item, long available);
}
