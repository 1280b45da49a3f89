package io.storebench.workloads.cli;

import io.storebench.workloads.Preset;
import io.storebench.workloads.WorkloadOverrides;
import io.storebench.workloads.WorkloadSpec;
import io.storebench.workloads.distribution.DistributionKind;
import java.util.Iterator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The workload options {@code run} and {@code inspect} share (a picocli {@code @Mixin}):
 * {@code --workload --records --distribution --theta --hot-set --hot-ops --seed}. The values are
 * kept as given and converted by {@link #overrides()}, with the same bounds and one-line messages
 * for both commands ({@code --records 'many' is not a whole number; allowed: 1..1000000000000}).
 * Each option has an {@code order} so that a command can place its own options around them.
 */
public final class WorkloadOptions {
    @Option(names = "--workload", paramLabel = "NAME|FILE", order = 10, completionCandidates = PresetNames.class,
            description = "a preset (${COMPLETION-CANDIDATES}) or a YCSB workload file. Default: "
                    + WorkloadOverrides.DEFAULT_WORKLOAD)
    String workload;

    @Option(names = "--records", paramLabel = "N", order = 11,
            description = "records in the key space, 1..10^12. Default: the workload's (100000)")
    String records;

    @Option(names = "--distribution", paramLabel = "NAME", order = 12, completionCandidates = DistributionNames.class,
            description = "key distribution: ${COMPLETION-CANDIDATES}. Default: the workload's")
    String distribution;

    @Option(names = "--theta", paramLabel = "T", order = 13,
            description = "Zipf exponent for zipfian, scrambled-zipfian, latest; any T > 0. Default: 0.99")
    String theta;

    @Option(names = "--hot-set", paramLabel = "F", order = 14,
            description = "hotspot: fraction of keys that are hot, (0, 1]. Default: 0.2")
    String hotSet;

    @Option(names = "--hot-ops", paramLabel = "F", order = 15,
            description = "hotspot: fraction of operations on hot keys, [0, 1]. Default: 0.8")
    String hotOps;

    @Option(names = "--seed", paramLabel = "S", order = 24,
            description = "master seed, any 64-bit integer. Default: the workload's")
    String seed;

    /** The workload named by {@code --workload}, as given (a preset or a file), or null. */
    public String workload() {
        return workload;
    }

    /**
     * The options as overrides of the workload, converted in the order they have always been
     * checked; exclusive bounds ({@code theta > 0}) are checked by the distribution.
     *
     * @throws IllegalArgumentException with one line naming the bad value and what is allowed
     */
    public WorkloadOverrides overrides() {
        return new WorkloadOverrides(workload,
                OptionValues.wholeNumber("--records", records, 1, WorkloadSpec.MAX_RECORDS),
                distribution == null ? null : DistributionKind.parse(distribution),
                OptionValues.number("--theta", theta, 0, Double.MAX_VALUE),
                OptionValues.number("--hot-set", hotSet, 0, 1),
                OptionValues.number("--hot-ops", hotOps, 0, 1),
                OptionValues.wholeNumber("--seed", seed, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** The preset names, for the help and for shell completion. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(Preset.values()).map(Preset::label).iterator();
        }
    }

    /** The distribution names, for the help and for shell completion. */
    static final class DistributionNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(DistributionKind.values()).map(DistributionKind::label).iterator();
        }
    }
}
