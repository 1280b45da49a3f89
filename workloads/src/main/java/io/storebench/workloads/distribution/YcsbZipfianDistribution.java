package io.storebench.workloads.distribution;

import io.storebench.workloads.Hashing;
import java.util.SplittableRandom;

/**
 * {@code ycsb-zipfian}: YCSB 0.17's {@code ScrambledZipfianGenerator}, as {@code
 * new ScrambledZipfianGenerator(items)} builds it, reproduced exactly: the same arithmetic in
 * the same order on the same uniform variate gives the same item.
 *
 * <ol>
 *   <li>A {@code ZipfianGenerator(0, 10^10, 0.99, ZETAN)} (Gray et al., SIGMOD 1994) over
 *       {@value #ZIPF_ITEMS} items (YCSB's max - min + 1 with max = ITEM_COUNT = 10<sup>10</sup>),
 *       θ = 0.99, with YCSB's precomputed ζ = {@value #ZETAN} instead of an O(n) sum:
 *       u uniform in [0, 1); rank 0 if u·ζ &lt; 1, rank 1 if u·ζ &lt; 1 + 0.5<sup>θ</sup>, else
 *       {@code (long) (N * pow(eta * u - eta + 1, alpha))} with α = 1/(1-θ),
 *       η = (1 - (2/N)<sup>1-θ</sup>) / (1 - ζ(2, θ)/ζ).</li>
 *   <li>The rank hashed with YCSB's {@code Utils.fnvhash64} (FNV-1a 64 over the long's eight
 *       bytes, low byte first, then {@code Math.abs}) and taken modulo {@code items}.</li>
 * </ol>
 *
 * <p><b>How its skew differs from a true Zipf.</b> The Zipf law is over 10<sup>10</sup> ranks
 * whatever the key space, with θ fixed at 0.99, and the ranks fold onto the key space by a
 * hash. Rank 0 alone gives the hottest key 1/ζ ≈ 3.8 % of the draws in every key space; the
 * long tail (38 % of the draws go to ranks beyond 2<sup>21</sup>) lands nearly evenly on every
 * key, and hot ranks can share a key. So the curve is flat where a true Zipf is steep, and its
 * shape depends on the record count rather than on θ (YCSB#1495, #1305, #685):
 *
 * <table>
 *   <caption>Shares of the draws: ycsb-zipfian against a true Zipf at θ = 0.99 (zipfian)</caption>
 *   <tr><th>records</th><th>hottest key</th><th>top 1 %</th><th>top 10 %</th></tr>
 *   <tr><td>1000</td><td>3.9 % vs 12.9 %</td><td>13.1 % vs 38.3 %</td><td>29.6 % vs 68.5 %</td></tr>
 *   <tr><td>10<sup>5</sup></td><td>3.8 % vs 7.8 %</td><td>30.4 % vs 60.5 %</td><td>44.7 % vs 80.0 %</td></tr>
 *   <tr><td>10<sup>6</sup></td><td>3.8 % vs 6.5 %</td><td>39.9 % vs 66.4 %</td><td>54.4 % vs 83.0 %</td></tr>
 * </table>
 *
 * <p>(YCSB 0.17.0 itself, 2·10<sup>7</sup> draws over 1000 records: 3.89 %, 13.12 %, 29.57 %.)
 * {@link DistributionSpec#popularity} computes this curve numerically.
 *
 * <p>Differences from YCSB, none visible in practice: YCSB's {@code CoreWorkload} builds the
 * generator over recordcount + 2 × expected inserts + 1 keys and redraws keys not yet inserted,
 * while StoreBench hashes modulo the loaded record count and never draws inserts; where
 * {@code Math.abs} leaves Long.MIN_VALUE negative (YCSB then returns a negative key) the result
 * here is taken with {@code floorMod}, so it stays in range. Randomness comes from the caller's
 * {@link SplittableRandom} instead of YCSB's unseedable {@code ThreadLocalRandom}. Stateless.
 */
final class YcsbZipfianDistribution implements KeyDistribution {

    /** YCSB's {@code ScrambledZipfianGenerator.ITEM_COUNT}. */
    static final long ITEM_COUNT = 10_000_000_000L;
    /** The item count of YCSB's inner {@code ZipfianGenerator(0, ITEM_COUNT)}: max - min + 1. */
    static final long ZIPF_ITEMS = ITEM_COUNT + 1;
    /** YCSB's {@code ScrambledZipfianGenerator.ZETAN}: ζ(10^10, 0.99). */
    static final double ZETAN = 26.46902820178302;
    /** YCSB's {@code USED_ZIPFIAN_CONSTANT}. */
    static final double THETA = 0.99;
    /** YCSB's {@code zeta(2, theta)}: 1/1^θ + 1/2^θ, summed as YCSB sums it. */
    static final double ZETA2THETA = 0.0 + 1 / Math.pow(1, THETA) + 1 / Math.pow(2, THETA);
    /** YCSB's {@code alpha}. */
    static final double ALPHA = 1.0 / (1.0 - THETA);
    /** YCSB's {@code eta}. */
    static final double ETA = (1 - Math.pow(2.0 / ZIPF_ITEMS, 1 - THETA)) / (1 - ZETA2THETA / ZETAN);
    /** 1 + 0.5^θ, which YCSB computes on every draw. */
    static final double RANK_ONE_BOUND = 1.0 + Math.pow(0.5, THETA);

    private final long items;

    YcsbZipfianDistribution(long items) {
        this.items = items;
    }

    @Override
    public long next(SplittableRandom random, long available) {
        assert available >= items : "available " + available + " < items " + items;
        return Math.floorMod(Hashing.ycsbFnvHash64(rank(random.nextDouble())), items);
    }

    /**
     * YCSB's {@code ZipfianGenerator.nextLong(ITEM_COUNT + 1)} for the uniform variate {@code u}:
     * a rank in [0, ITEM_COUNT + 1] (the last only for u within about 2<sup>-53</sup>/η of 1,
     * where YCSB's {@code eta * u - eta + 1} rounds to 1).
     */
    static long rank(double u) {
        double uz = u * ZETAN;
        if (uz < 1.0) {
            return 0;
        }
        if (uz < RANK_ONE_BOUND) {
            return 1;
        }
        return (long) (ZIPF_ITEMS * Math.pow(ETA * u - ETA + 1, ALPHA));
    }

    @Override
    public long rankOf(long item, long available) {
        return -1; // FNV hashing folds many ranks onto one item: no item has a single rank
    }

    @Override
    public long items() {
        return items;
    }
}
