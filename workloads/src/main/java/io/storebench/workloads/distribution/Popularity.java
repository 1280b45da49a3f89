package io.storebench.workloads.distribution;

/**
 * The theoretical popularity curve of a key distribution over a fixed key space: how likely a
 * draw is to hit the item of each popularity rank, rank 0 being the hottest item.
 *
 * <p>Ranks say nothing about where an item sits in the key space: that is the distribution's
 * business (item 0 for {@code zipfian}, the newest item for {@code latest}, a scattered item for
 * {@code scrambled-zipfian}). Goodness-of-fit tests map observed items to ranks and compare with
 * {@link #probabilityOfRank}; reports compare observed shares with {@link #topShares()}.
 *
 * <p>Instances are immutable and thread-safe. Ties between items of equal probability are
 * broken arbitrarily, which changes no mass.
 */
public interface Popularity {

    /** The size of the key space. */
    long items();

    /**
     * The probability that one draw hits the item of popularity rank {@code rank}.
     * Non-increasing in {@code rank}; NaN where a numerical curve is not available.
     *
     * @param rank in [0, {@link #items()}), 0 being the hottest item
     * @throws IllegalArgumentException if {@code rank} is out of range
     */
    double probabilityOfRank(long rank);

    /**
     * The probability that one draw hits one of the {@code k} hottest items: 0 for k = 0, 1 for
     * k = {@link #items()}, the sum of {@link #probabilityOfRank} over ranks [0, k) in between.
     *
     * @param k in [0, {@link #items()}]
     * @throws IllegalArgumentException if {@code k} is out of range
     */
    double massOfTop(long k);

    /**
     * The probability that one draw hits an item of popularity rank in [{@code from}, {@code to}).
     *
     * @throws IllegalArgumentException unless 0 &lt;= from &lt;= to &lt;= items
     */
    default double massOfRanks(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("rank range [" + from + ", " + to + ") is empty or reversed");
        }
        return Math.max(0.0, massOfTop(to) - massOfTop(from));
    }

    /** The shares of draws on the hottest item, the hottest 1 % and the hottest 10 % of the items. */
    default TopShares topShares() {
        long items = items();
        return new TopShares(massOfTop(1),
                massOfTop(TopShares.itemsInTopPercent(items, 1)),
                massOfTop(TopShares.itemsInTopPercent(items, 10)));
    }
}
