package io.storebench.workloads;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a length varies between operations: value sizes (YCSB {@code fieldlengthdistribution}) and scan lengths ({@code scanlengthdistribution}). */
public enum LengthDistribution {
    /** Always the maximum. */
    CONSTANT,
    /** Uniform over min..max. */
    UNIFORM,
    /** Zipfian (θ 0.99) over min..max, shorter lengths more frequent (as YCSB's). */
    ZIPFIAN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LengthDistribution parse(String text) {
        for (LengthDistribution kind : values()) {
            if (kind.label().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown length distribution '" + text + "'; allowed: "
                + Arrays.stream(values()).map(LengthDistribution::label).collect(Collectors.joining(", ")));
    }
}
