package io.storebench.workloads.distribution;

import io.storebench.workloads.Hashing;
import java.util.Arrays;

/**
 * The popularity of {@code ycsb-zipfian}, computed numerically since hashing 10<sup>10</sup>
 * ranks onto the key space has no closed form.
 *
 * <p>Method. The probability of each of YCSB's first {@value #HEAD_RANKS} ranks is exact: with u
 * uniform, rank 0 takes u &lt; 1/ζ, rank 1 takes u in [1/ζ, (1 + 0.5<sup>θ</sup>)/ζ), and beyond
 * that bound the generator returns a rank ≥ x exactly when u ≥ U(x) = 1 - (1 - (x/N)<sup>1-θ</sup>)/η,
 * so rank r takes the part of [U(r), U(r+1)) above the bound (see {@link YcsbZipfianDistribution}).
 * Each of these ranks is hashed to its item as the generator does and the masses of ranks that
 * share an item are added. The rest of the mass, 1 - U(2<sup>21</sup>) ≈ 38 %, spread over
 * ten thousand million ranks, is taken to fall evenly on every item: each item gets
 * (1 - U(2<sup>21</sup>)) / items more.
 *
 * <p>Accuracy. That last step ignores how unevenly the hashed tail falls. Up to 10<sup>7</sup>
 * items the top shares agree within 0.1 percentage point with the same computation over
 * 2<sup>25</sup> exact ranks (1000 items: 3.89 %, 13.13 %, 29.57 %, as YCSB 0.17.0 itself draws).
 * Above that, once the top 10 % of the items outnumber the exactly computed ranks, the top
 * shares come out low: at 10<sup>8</sup> items the top 10 % share is 65.6 % here against 72.1 %
 * over 2<sup>25</sup> ranks (itself a lower bound).
 *
 * <p>Cost: about 0.2 s and 16 MB while computing; kept while the instance lives, 32 bytes per
 * item up to 2<sup>21</sup> items (64 MB at most). Above {@value #MAX_ITEMS} items (2<sup>42</sup>) the
 * curve is not computed and every method returns NaN, except {@code massOfTop(0)} = 0 and
 * {@code massOfTop(items)} = 1.
 */
final class YcsbZipfianPopularity extends AbstractPopularity {

    /** YCSB ranks whose probability is computed exactly. */
    static final int HEAD_RANKS = 1 << 21;
    private static final int RANK_BITS = 21;
    private static final long RANK_MASK = HEAD_RANKS - 1;
    /** Items beyond which the curve is not computed (an item and a rank must pack into 63 bits). */
    static final long MAX_ITEMS = 1L << (63 - RANK_BITS);

    private static final double N = YcsbZipfianDistribution.ZIPF_ITEMS;
    /** u below this: rank 0. */
    private static final double RANK_ZERO_END = 1.0 / YcsbZipfianDistribution.ZETAN;
    /** u below this: rank 0 or 1; above it, the power formula. */
    private static final double FORMULA_START =
            YcsbZipfianDistribution.RANK_ONE_BOUND / YcsbZipfianDistribution.ZETAN;

    private final boolean computed;
    /** Items that some head rank hashes to, ascending. */
    private final long[] headItems;
    /** The head mass each of those items receives. */
    private final double[] headItemMass;
    /** The tail's share per item. */
    private final double tailPerItem;
    /** Per-item probabilities of the head items (tail share included), descending. */
    private final double[] descending;
    /** prefix[k] = sum of descending[0..k). */
    private final double[] prefix;

    YcsbZipfianPopularity(long items) {
        super(items);
        this.computed = items <= MAX_ITEMS;
        if (!computed) {
            headItems = new long[0];
            headItemMass = new double[0];
            tailPerItem = Double.NaN;
            descending = new double[0];
            prefix = new double[] {0.0};
            return;
        }
        // (item, rank) pairs packed into one long, sorted by item, then merged in place
        long[] packed = new long[HEAD_RANKS];
        for (int rank = 0; rank < HEAD_RANKS; rank++) {
            long item = Math.floorMod(Hashing.ycsbFnvHash64(rank), items);
            packed[rank] = (item << RANK_BITS) | rank;
        }
        Arrays.sort(packed);
        double[] mass = new double[(int) Math.min(items, HEAD_RANKS)];
        int count = 0;
        long previous = -1;
        for (long entry : packed) {
            long item = entry >>> RANK_BITS;
            if (item != previous) {
                packed[count++] = item; // count <= index: overwrites entries already read
                previous = item;
            }
            mass[count - 1] += massOfYcsbRank(entry & RANK_MASK);
        }
        this.headItems = count == packed.length ? packed : Arrays.copyOf(packed, count);
        this.headItemMass = count == mass.length ? mass : Arrays.copyOf(mass, count);
        this.tailPerItem = (1.0 - Math.max(formulaBound(HEAD_RANKS), FORMULA_START)) / items;

        this.descending = Arrays.copyOf(mass, count);
        Arrays.sort(descending);
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            double swap = descending[i];
            descending[i] = descending[j];
            descending[j] = swap;
        }
        this.prefix = new double[count + 1];
        for (int i = 0; i < count; i++) {
            descending[i] += tailPerItem;
            prefix[i + 1] = prefix[i] + descending[i];
        }
    }

    /** The exact probability that YCSB's inner generator returns {@code rank}. */
    static double massOfYcsbRank(long rank) {
        double mass = Math.max(0.0, Math.min(formulaBound(rank + 1), 1.0)
                - Math.max(formulaBound(rank), FORMULA_START));
        if (rank == 0) {
            mass += RANK_ZERO_END;
        } else if (rank == 1) {
            mass += FORMULA_START - RANK_ZERO_END;
        }
        return mass;
    }

    /** U(x): beyond {@link #FORMULA_START}, the generator returns a rank ≥ x exactly when u ≥ U(x). */
    private static double formulaBound(long x) {
        double eta = YcsbZipfianDistribution.ETA;
        return 1.0 - (1.0 - Math.pow(x / N, 1.0 - YcsbZipfianDistribution.THETA)) / eta;
    }

    /** The probability that one draw hits {@code item} (not a rank): for tests. */
    double probabilityOfItem(long item) {
        if (item < 0 || item >= items()) {
            throw new IllegalArgumentException("item " + item + " is out of range; allowed: 0 to " + (items() - 1));
        }
        int at = Arrays.binarySearch(headItems, item);
        return at >= 0 ? headItemMass[at] + tailPerItem : tailPerItem;
    }

    @Override
    double probability(long rank) {
        if (!computed) {
            return Double.NaN;
        }
        return rank < descending.length ? descending[(int) rank] : tailPerItem;
    }

    @Override
    double mass(long k) {
        if (k == 0) {
            return 0.0;
        }
        if (k == items()) {
            return 1.0;
        }
        if (!computed) {
            return Double.NaN;
        }
        int head = descending.length;
        double mass = k <= head ? prefix[(int) k] : prefix[head] + (k - head) * tailPerItem;
        return Math.min(1.0, mass);
    }
}
