package io.storebench.workloads;

import io.storebench.workloads.distribution.DistributionSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * YCSB's core workloads A to F with YCSB's exact proportions, request distributions, record size
 * (10 fields of 100 bytes: one 1000-byte value here), scan lengths (uniform 1..100) and key
 * names ({@code user<hash>}). {@code zipfian} in YCSB is its scrambled Zipf over 10^10 items,
 * reproduced by {@code ycsb-zipfian}; {@code latest} is a Zipf over recency. Record count:
 * 100,000 unless overridden (YCSB's own default is 1,000).
 */
public enum Preset {
    /** Update heavy: 50 % reads, 50 % updates. */
    YCSB_A(0.5, 0.5, 0, 0, 0, DistributionSpec.ycsbZipfian()),
    /** Read mostly: 95 % reads, 5 % updates. */
    YCSB_B(0.95, 0.05, 0, 0, 0, DistributionSpec.ycsbZipfian()),
    /** Read only. */
    YCSB_C(1.0, 0, 0, 0, 0, DistributionSpec.ycsbZipfian()),
    /** Read latest: 95 % reads, 5 % inserts, reads skewed to the newest records. */
    YCSB_D(0.95, 0, 0.05, 0, 0, DistributionSpec.latest(0.99)),
    /** Short ranges: 95 % scans, 5 % inserts. */
    YCSB_E(0, 0, 0.05, 0.95, 0, DistributionSpec.ycsbZipfian()),
    /** Read-modify-write: 50 % reads, 50 % read-modify-writes. */
    YCSB_F(0.5, 0, 0, 0, 0.5, DistributionSpec.ycsbZipfian());

    public static final long DEFAULT_RECORDS = 100_000;
    public static final int YCSB_RECORD_BYTES = 10 * 100;
    public static final int YCSB_MAX_SCAN_LENGTH = 100;

    private final OperationMix mix;
    private final DistributionSpec distribution;

    Preset(double read, double update, double insert, double scan, double readModifyWrite,
            DistributionSpec distribution) {
        this.mix = new OperationMix(read, update, insert, scan, readModifyWrite, 0);
        this.distribution = distribution;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public WorkloadSpec spec() {
        return new WorkloadSpec(label(), DEFAULT_RECORDS, 0, mix, distribution,
                LengthSpec.uniform(1, YCSB_MAX_SCAN_LENGTH), KeySpec.ycsb(), ValueSpec.constant(YCSB_RECORD_BYTES),
                WorkloadSpec.DEFAULT_SEED);
    }

    /** The preset called {@code name}, or an exception listing the presets. */
    public static Preset parse(String name) {
        for (Preset preset : values()) {
            if (preset.label().equalsIgnoreCase(name.trim())) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "'; presets: " + names()
                + ", or a YCSB workload properties file");
    }

    public static String names() {
        return Arrays.stream(values()).map(Preset::label).collect(Collectors.joining(", "));
    }
}
