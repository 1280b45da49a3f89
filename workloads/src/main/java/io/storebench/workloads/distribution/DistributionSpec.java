package io.storebench.workloads.distribution;

import java.util.Objects;

/**
 * A key distribution and its parameters, validated once, here.
 *
 * <p>Every field is checked whatever the kind, so a spec is always safe to turn into another
 * kind with {@link #withKind}; parameters a kind does not use are ignored by it. The factories
 * fill the parameters a kind does not name with YCSB's defaults:
 *
 * <table>
 *   <caption>Parameters and their defaults</caption>
 *   <tr><th>field</th><th>used by</th><th>default</th><th>allowed</th></tr>
 *   <tr><td>{@code theta}</td><td>zipfian, scrambled-zipfian, latest, ycsb-zipfian</td>
 *       <td>0.99</td><td>any finite θ &gt; 0, θ = 1 and θ &gt; 1 included; ycsb-zipfian: 0.99 only</td></tr>
 *   <tr><td>{@code hotSetFraction}</td><td>hotspot</td><td>0.2</td><td>(0, 1]</td></tr>
 *   <tr><td>{@code hotOpFraction}</td><td>hotspot</td><td>0.8</td><td>[0, 1]</td></tr>
 *   <tr><td>{@code exponentialPercentile}</td><td>exponential</td><td>95</td><td>(0, 100)</td></tr>
 *   <tr><td>{@code exponentialFraction}</td><td>exponential</td><td>0.8571428571</td><td>(0, 1]</td></tr>
 * </table>
 *
 * <p>{@link #create} builds the distribution for a key space, {@link #popularity} and
 * {@link #theory} give what the distribution should look like, for goodness-of-fit tests and for
 * printing observed against theoretical skew.
 *
 * <pre>{@code
 * DistributionSpec spec = DistributionSpec.zipfian(1.2);
 * KeyDistribution keys = spec.create(100_000);          // one per thread
 * SplittableRandom random = new SplittableRandom(seed);
 * long item = keys.next(random, available);
 * TopShares expected = spec.theory(100_000);            // hottest 0.196, top 1 % 0.852, ...
 * }</pre>
 *
 * @param kind which distribution
 * @param theta the Zipf exponent θ: the item of popularity rank r (0 = hottest) is drawn with
 *     probability proportional to (r + 1)<sup>-θ</sup>
 * @param hotSetFraction the fraction of the key space, at its start, that forms the hot set
 * @param hotOpFraction the fraction of draws that go to the hot set
 * @param exponentialPercentile the percentage of draws that fall within the newest
 *     {@code exponentialFraction} of the key space
 * @param exponentialFraction see {@code exponentialPercentile}
 */
public record DistributionSpec(
        DistributionKind kind,
        double theta,
        double hotSetFraction,
        double hotOpFraction,
        double exponentialPercentile,
        double exponentialFraction) {

    /** YCSB's Zipf exponent ({@code zipfian} and {@code latest}), and the only one of {@code ycsb-zipfian}. */
    public static final double DEFAULT_THETA = 0.99;

    /** YCSB's {@code hotspotdatafraction}. */
    public static final double DEFAULT_HOT_SET_FRACTION = 0.2;

    /** YCSB's {@code hotspotopnfraction}. */
    public static final double DEFAULT_HOT_OP_FRACTION = 0.8;

    /** YCSB's {@code exponential.percentile}. */
    public static final double DEFAULT_EXPONENTIAL_PERCENTILE = 95;

    /** YCSB's {@code exponential.frac} (6/7, as YCSB writes it). */
    public static final double DEFAULT_EXPONENTIAL_FRACTION = 0.8571428571;

    /** The largest key space {@link #create} accepts: 2<sup>48</sup> items. */
    public static final long MAX_ITEMS = 1L << 48;

    /**
     * Validates every parameter.
     *
     * @throws NullPointerException if {@code kind} is null
     * @throws IllegalArgumentException if a parameter is out of range; the message names the
     *     parameter, its value and the allowed range
     */
    public DistributionSpec {
        Objects.requireNonNull(kind, "kind");
        if (!(theta > 0) || theta == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("theta " + theta
                    + " is out of range; allowed: > 0 (any θ > 0, θ = 1 included)");
        }
        if (kind == DistributionKind.YCSB_ZIPFIAN && theta != DEFAULT_THETA) {
            throw new IllegalArgumentException("theta " + theta
                    + " is not supported by ycsb-zipfian; allowed: 0.99 only (YCSB's precomputed"
                    + " zeta is for θ = 0.99; use zipfian or scrambled-zipfian for another θ)");
        }
        if (!(hotSetFraction > 0 && hotSetFraction <= 1)) {
            throw new IllegalArgumentException("hot-set fraction " + hotSetFraction
                    + " is out of range; allowed: (0, 1], i.e. > 0 and <= 1");
        }
        if (!(hotOpFraction >= 0 && hotOpFraction <= 1)) {
            throw new IllegalArgumentException("hot-op fraction " + hotOpFraction
                    + " is out of range; allowed: [0, 1]");
        }
        if (!(exponentialPercentile > 0 && exponentialPercentile < 100)) {
            throw new IllegalArgumentException("exponential percentile " + exponentialPercentile
                    + " is out of range; allowed: (0, 100), i.e. > 0 and < 100");
        }
        if (!(exponentialFraction > 0 && exponentialFraction <= 1)) {
            throw new IllegalArgumentException("exponential fraction " + exponentialFraction
                    + " is out of range; allowed: (0, 1], i.e. > 0 and <= 1");
        }
    }

    /** {@code kind} with YCSB's default parameters. */
    public static DistributionSpec defaults(DistributionKind kind) {
        return new DistributionSpec(kind, DEFAULT_THETA, DEFAULT_HOT_SET_FRACTION,
                DEFAULT_HOT_OP_FRACTION, DEFAULT_EXPONENTIAL_PERCENTILE, DEFAULT_EXPONENTIAL_FRACTION);
    }

    /** Every available item equally likely. */
    public static DistributionSpec uniform() {
        return defaults(DistributionKind.UNIFORM);
    }

    /** Items in order, wrapping around. */
    public static DistributionSpec sequential() {
        return defaults(DistributionKind.SEQUENTIAL);
    }

    /** YCSB's exponential: 95 % of the draws on the newest 6/7 of the key space. */
    public static DistributionSpec exponential() {
        return defaults(DistributionKind.EXPONENTIAL);
    }

    /** An exponential putting {@code percentile} % of the draws on the newest {@code fraction} of the key space. */
    public static DistributionSpec exponential(double percentile, double fraction) {
        return defaults(DistributionKind.EXPONENTIAL).withExponential(percentile, fraction);
    }

    /** A true Zipf law at YCSB's θ = 0.99, item 0 hottest. */
    public static DistributionSpec zipfian() {
        return defaults(DistributionKind.ZIPFIAN);
    }

    /** A true Zipf law with exponent {@code theta} (any θ &gt; 0), item 0 hottest. */
    public static DistributionSpec zipfian(double theta) {
        return defaults(DistributionKind.ZIPFIAN).withTheta(theta);
    }

    /** A true Zipf law at θ = 0.99 with the hot items scattered over the key space. */
    public static DistributionSpec scrambledZipfian() {
        return defaults(DistributionKind.SCRAMBLED_ZIPFIAN);
    }

    /** A true Zipf law with exponent {@code theta}, hot items scattered over the key space. */
    public static DistributionSpec scrambledZipfian(double theta) {
        return defaults(DistributionKind.SCRAMBLED_ZIPFIAN).withTheta(theta);
    }

    /** YCSB 0.17's {@code requestdistribution=zipfian}, exactly (θ is always 0.99). */
    public static DistributionSpec ycsbZipfian() {
        return defaults(DistributionKind.YCSB_ZIPFIAN);
    }

    /** YCSB's hotspot: 80 % of the draws on the first 20 % of the key space. */
    public static DistributionSpec hotspot() {
        return defaults(DistributionKind.HOTSPOT);
    }

    /** A fraction {@code hotOps} of the draws on the first {@code hotSet} of the key space. */
    public static DistributionSpec hotspot(double hotSet, double hotOps) {
        return defaults(DistributionKind.HOTSPOT).withHotspot(hotSet, hotOps);
    }

    /** Zipf at θ = 0.99 counted back from the newest item. */
    public static DistributionSpec latest() {
        return defaults(DistributionKind.LATEST);
    }

    /** Zipf with exponent {@code theta} counted back from the newest item. */
    public static DistributionSpec latest(double theta) {
        return defaults(DistributionKind.LATEST).withTheta(theta);
    }

    /** This spec with another kind, the other parameters kept. */
    public DistributionSpec withKind(DistributionKind newKind) {
        return new DistributionSpec(newKind, theta, hotSetFraction, hotOpFraction,
                exponentialPercentile, exponentialFraction);
    }

    /** This spec with another Zipf exponent. */
    public DistributionSpec withTheta(double newTheta) {
        return new DistributionSpec(kind, newTheta, hotSetFraction, hotOpFraction,
                exponentialPercentile, exponentialFraction);
    }

    /** This spec with another hot set and hot-operation fraction. */
    public DistributionSpec withHotspot(double hotSet, double hotOps) {
        return new DistributionSpec(kind, theta, hotSet, hotOps, exponentialPercentile,
                exponentialFraction);
    }

    /** This spec with another exponential percentile and fraction. */
    public DistributionSpec withExponential(double percentile, double fraction) {
        return new DistributionSpec(kind, theta, hotSetFraction, hotOpFraction, percentile, fraction);
    }

    /**
     * A new distribution over {@code items} items, for one thread.
     *
     * <p>Set-up is O(1) for every kind (microseconds even for 10<sup>10</sup> items); call it once
     * per thread, as a distribution may keep per-thread state.
     *
     * @param items the size of the key space (the loaded record count)
     * @throws IllegalArgumentException if {@code items} is not in [1, {@link #MAX_ITEMS}]
     */
    public KeyDistribution create(long items) {
        checkItems(items);
        return switch (kind) {
            case UNIFORM -> new UniformDistribution(items);
            case SEQUENTIAL -> new SequentialDistribution(items);
            case EXPONENTIAL -> new ExponentialDistribution(items, exponentialPercentile, exponentialFraction);
            case ZIPFIAN -> new ZipfianDistribution(items, theta);
            case SCRAMBLED_ZIPFIAN -> new ScrambledZipfianDistribution(items, theta);
            case YCSB_ZIPFIAN -> new YcsbZipfianDistribution(items);
            case HOTSPOT -> new HotspotDistribution(items, hotSetFraction, hotOpFraction);
            case LATEST -> new LatestDistribution(items, theta);
        };
    }

    /**
     * The theoretical popularity curve of this distribution over {@code items} items: the
     * probability of the k-th most popular item and the mass of the k most popular items.
     *
     * <p>Popularity is per item, ranked from the hottest, whatever the item numbers: for
     * {@code latest} and {@code exponential} the hottest item is the newest one, for
     * {@code scrambled-zipfian} it is wherever the bijection puts rank 0. {@code uniform} and
     * {@code sequential} are flat. All assume {@code available == items}: with inserts,
     * {@code uniform} and {@code sequential} spread over more items.
     *
     * <p>Every kind has a closed form, O(1) per call, except {@code ycsb-zipfian}, whose curve
     * is computed numerically when this is called: exactly for YCSB's 2<sup>21</sup> most
     * popular ranks, the remaining mass (38 %) spread evenly over the items. That takes about
     * 0.2 s and up to 64 MB, is within 0.1 percentage point on the top shares up to
     * 10<sup>7</sup> items, comes out low beyond (the top 10 % share by 6.5 points at
     * 10<sup>8</sup> items), and is NaN above 2<sup>42</sup> items.
     *
     * @throws IllegalArgumentException if {@code items} is not in [1, {@link #MAX_ITEMS}]
     */
    public Popularity popularity(long items) {
        checkItems(items);
        return switch (kind) {
            case UNIFORM, SEQUENTIAL -> new UniformPopularity(items);
            case EXPONENTIAL -> new ExponentialPopularity(items, exponentialPercentile, exponentialFraction);
            case ZIPFIAN, SCRAMBLED_ZIPFIAN, LATEST -> new ZipfPopularity(items, theta);
            case YCSB_ZIPFIAN -> new YcsbZipfianPopularity(items);
            case HOTSPOT -> new HotspotPopularity(items, hotSetFraction, hotOpFraction);
        };
    }

    /**
     * The theoretical shares of draws that hit the hottest item, the hottest 1 % and the
     * hottest 10 % of the items; shorthand for {@code popularity(items).topShares()}.
     *
     * @throws IllegalArgumentException if {@code items} is not in [1, {@link #MAX_ITEMS}]
     */
    public TopShares theory(long items) {
        return popularity(items).topShares();
    }

    /**
     * The kind and the parameters it uses, e.g. {@code zipfian(theta=0.99)} or
     * {@code hotspot(hot-set=0.2, hot-ops=0.8)}: for reports and the command line.
     */
    public String describe() {
        return switch (kind) {
            case UNIFORM, SEQUENTIAL -> kind.label();
            case ZIPFIAN, SCRAMBLED_ZIPFIAN, LATEST, YCSB_ZIPFIAN -> kind.label() + "(theta=" + theta + ")";
            case HOTSPOT -> kind.label() + "(hot-set=" + hotSetFraction + ", hot-ops=" + hotOpFraction + ")";
            case EXPONENTIAL -> kind.label() + "(percentile=" + exponentialPercentile
                    + ", fraction=" + exponentialFraction + ")";
        };
    }

    private static void checkItems(long items) {
        if (items < 1 || items > MAX_ITEMS) {
            throw new IllegalArgumentException("items " + items + " is out of range; allowed: 1 to "
                    + MAX_ITEMS + " (2^48)");
        }
    }
}
