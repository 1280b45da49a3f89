package io.storebench.workloads.distribution;

import java.util.Arrays;

/**
 * How concentrated a key distribution is: the share of draws that hit the hottest item, the
 * hottest 1 % and the hottest 10 % of the items (by popularity, wherever they sit in the key
 * space). Theory comes from {@link Popularity#topShares()}, observations from
 * {@link #observed(long[])} or {@link #observedByRank(long[])}.
 *
 * <p>The hottest p % of n items are the ⌈n·p/100⌉ most popular ones (at least one item), so a
 * key space of 10<sup>5</sup> items has 1000 items in its top 1 %.
 *
 * @param hottestItem the share of draws on the most popular item
 * @param topOnePercent the share of draws on the hottest 1 % of the items
 * @param topTenPercent the share of draws on the hottest 10 % of the items
 */
public record TopShares(double hottestItem, double topOnePercent, double topTenPercent) {

    /**
     * How many items make up the hottest {@code percent} % of {@code items} items:
     * ⌈items · percent / 100⌉, in exact integer arithmetic.
     *
     * @throws IllegalArgumentException if {@code items} &lt; 1 or {@code percent} is not in [1, 100]
     */
    public static long itemsInTopPercent(long items, int percent) {
        if (items < 1) {
            throw new IllegalArgumentException("items " + items + " is out of range; allowed: >= 1");
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent " + percent + " is out of range; allowed: 1 to 100");
        }
        long whole = items / 100;
        long rest = items % 100;
        return whole * percent + (rest * percent + 99) / 100;
    }

    /**
     * The shares observed in a count of draws per item ({@code countsPerItem[i]} = how many
     * draws hit item i, every item of the key space included, zeros too), the hottest items
     * being those with the highest counts. Sorts a copy; not for a timed path.
     *
     * <p>Ranking items by their own counts favours the lucky ones: where the items at the edge
     * of a top set get few draws each (fewer than about a thousand), this overstates the top
     * 1 % and 10 % shares (with 5 draws per item on average, a Zipf's top 10 % by a point or
     * more). When the true ranking is known, as in a goodness-of-fit test, use
     * {@link #observedByRank(long[])}.
     *
     * @throws IllegalArgumentException if the array is empty, a count is negative or all are zero
     */
    public static TopShares observed(long[] countsPerItem) {
        checkCounts(countsPerItem);
        long[] sorted = countsPerItem.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            long swap = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = swap;
        }
        return observedByRank(sorted);
    }

    /**
     * The shares observed in a count of draws per popularity rank: {@code countsByRank[r]} =
     * how many draws hit the item that theory ranks r-th (0 = hottest), every rank included.
     * Unbiased, unlike {@link #observed(long[])}, because the top sets are fixed in advance.
     *
     * @throws IllegalArgumentException if the array is empty, a count is negative or all are zero
     */
    public static TopShares observedByRank(long[] countsByRank) {
        long total = checkCounts(countsByRank);
        long items = countsByRank.length;
        return new TopShares(
                (double) sumOfFirst(countsByRank, 1) / total,
                (double) sumOfFirst(countsByRank, itemsInTopPercent(items, 1)) / total,
                (double) sumOfFirst(countsByRank, itemsInTopPercent(items, 10)) / total);
    }

    private static long checkCounts(long[] counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException(
                    "counts: none given; allowed: one count per item, at least one item");
        }
        long total = 0;
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("count " + count + " is out of range; allowed: >= 0");
            }
            total += count;
        }
        if (total == 0) {
            throw new IllegalArgumentException("counts: no draws counted; allowed: a total above 0");
        }
        return total;
    }

    private static long sumOfFirst(long[] counts, long k) {
        long sum = 0;
        for (int i = 0; i < k; i++) {
            sum += counts[i];
        }
        return sum;
    }

    /** As a person reads it: {@code hottest 7.80 %, top 1 % 60.50 %, top 10 % 80.00 %}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "hottest %.2f %%, top 1 %% %.2f %%, top 10 %% %.2f %%",
                100 * hottestItem, 100 * topOnePercent, 100 * topTenPercent);
    }
}
