package io.storebench.workloads;

import io.storebench.workloads.distribution.DistributionSpec;

/**
 * Everything that defines a workload. Validated once, here; an invalid field gives a message
 * naming the value and the allowed range.
 *
 * @param name a preset's name, a file's name, or {@code custom}
 * @param recordCount records loaded before the run, 1..10^12 (no int anywhere: 10^10 works)
 * @param operationCount operations per run when a run is counted rather than timed; 0 if timed
 * @param mix the proportions of each operation
 * @param distribution how reads, updates, scans and deletes choose their keys
 * @param scanLength how many records a scan asks for
 * @param keys key format and width
 * @param values value sizes and content
 * @param seed the master seed every thread's random stream is split from
 */
public record WorkloadSpec(String name, long recordCount, long operationCount, OperationMix mix,
        DistributionSpec distribution, LengthSpec scanLength, KeySpec keys, ValueSpec values, long seed) {
    public static final long MAX_RECORDS = 1_000_000_000_000L;
    public static final long DEFAULT_SEED = 0x5EED_5EEDL;

    public WorkloadSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("workload name is missing");
        }
        if (recordCount < 1 || recordCount > MAX_RECORDS) {
            throw new IllegalArgumentException("record count " + recordCount + " is out of range; allowed: 1.."
                    + MAX_RECORDS);
        }
        if (operationCount < 0) {
            throw new IllegalArgumentException("operation count " + operationCount
                    + " is out of range; allowed: 0 (timed run) or more");
        }
        if (mix == null || distribution == null || scanLength == null || keys == null || values == null) {
            throw new IllegalArgumentException("workload '" + name + "' is incomplete");
        }
        if (mix.scan() > 0 && scanLength.max() < 1) {
            throw new IllegalArgumentException("scan length " + scanLength.max() + " is out of range for a workload"
                    + " with scans; allowed: 1 or more");
        }
        keys.check(recordCount + expectedInserts(operationCount, mix));
    }

    /** Inserts a counted run may make, with YCSB's margin of two: what key widths must leave room for. */
    private static long expectedInserts(long operationCount, OperationMix mix) {
        return (long) Math.ceil(operationCount * mix.insert() * 2);
    }

    public WorkloadSpec withName(String value) {
        return new WorkloadSpec(value, recordCount, operationCount, mix, distribution, scanLength, keys, values, seed);
    }

    public WorkloadSpec withRecordCount(long value) {
        return new WorkloadSpec(name, value, operationCount, mix, distribution, scanLength, keys, values, seed);
    }

    public WorkloadSpec withOperationCount(long value) {
        return new WorkloadSpec(name, recordCount, value, mix, distribution, scanLength, keys, values, seed);
    }

    public WorkloadSpec withMix(OperationMix value) {
        return new WorkloadSpec(name, recordCount, operationCount, value, distribution, scanLength, keys, values, seed);
    }

    public WorkloadSpec withDistribution(DistributionSpec value) {
        return new WorkloadSpec(name, recordCount, operationCount, mix, value, scanLength, keys, values, seed);
    }

    public WorkloadSpec withScanLength(LengthSpec value) {
        return new WorkloadSpec(name, recordCount, operationCount, mix, distribution, value, keys, values, seed);
    }

    public WorkloadSpec withKeys(KeySpec value) {
        return new WorkloadSpec(name, recordCount, operationCount, mix, distribution, scanLength, value, values, seed);
    }

    public WorkloadSpec withValues(ValueSpec value) {
        return new WorkloadSpec(name, recordCount, operationCount, mix, distribution, scanLength, keys, value, seed);
    }

    public WorkloadSpec withSeed(long value) {
        return new WorkloadSpec(name, recordCount, operationCount, mix, distribution, scanLength, keys, values, value);
    }
}
