package io.storebench.workloads.distribution;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The key distributions StoreBench offers, by the name used on the command line.
 *
 * <p>Each kind's parameters and their defaults live in {@link DistributionSpec}; a kind alone
 * is not a distribution. {@link #parse} is the one place a name is turned into a kind.
 */
public enum DistributionKind {

    /** Every available item equally likely. */
    UNIFORM("uniform"),

    /** Items 0, 1, 2, ... in order, wrapping to 0 after the newest available item. */
    SEQUENTIAL("sequential"),

    /**
     * Exponentially decaying popularity counted back from the newest item, as YCSB's
     * {@code requestdistribution=exponential}.
     */
    EXPONENTIAL("exponential"),

    /** A true Zipf law over the key space; item 0 is the hottest, item 1 the next, ... */
    ZIPFIAN("zipfian"),

    /** The same Zipf law with the ranks scattered over the key space by a fixed bijection. */
    SCRAMBLED_ZIPFIAN("scrambled-zipfian"),

    /**
     * YCSB 0.17's {@code requestdistribution=zipfian}, reproduced exactly: a zipfian over
     * 10<sup>10</sup> items at θ = 0.99, hashed modulo the key space. Far less skewed than a
     * true Zipf (for 1000 records the hottest key gets about 3.9 % of the draws, not 13 %).
     */
    YCSB_ZIPFIAN("ycsb-zipfian"),

    /** A fraction of the operations on a hot set at the start of the key space, the rest cold. */
    HOTSPOT("hotspot"),

    /** A Zipf law over ranks counted back from the newest item: recent inserts are hottest. */
    LATEST("latest");

    private final String label;

    DistributionKind(String label) {
        this.label = label;
    }

    /** The command-line name: lower case, words joined by a dash, e.g. {@code scrambled-zipfian}. */
    public String label() {
        return label;
    }

    /**
     * The kind named {@code name}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException if no kind has that label; the message names the value
     *     and lists every allowed name
     */
    public static DistributionKind parse(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (DistributionKind kind : values()) {
                if (kind.label.equals(wanted)) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("unknown distribution "
                + (name == null ? "null" : "'" + name + "'") + "; allowed: " + allowedNames());
    }

    /** Every label, comma separated, in declaration order. */
    public static String allowedNames() {
        return Stream.of(values()).map(DistributionKind::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
