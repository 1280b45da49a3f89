package io.storebench.workloads;

import io.storebench.workloads.distribution.DistributionKind;
import io.storebench.workloads.distribution.DistributionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A workload named on the command line and what the options change in it: the one place where
 * {@code --workload}, {@code --records}, {@code --distribution}, {@code --theta},
 * {@code --hot-set}, {@code --hot-ops} and {@code --seed} become a {@link WorkloadSpec}, for
 * {@code inspect} and {@code run} alike. A field left {@code null} keeps the workload's value.
 *
 * @param workload a preset name ({@code ycsb-a} ...) or the path of a YCSB workload file
 */
public record WorkloadOverrides(String workload, Long records, DistributionKind distribution, Double theta,
        Double hotSet, Double hotOps, Long seed) {

    /** The default workload when none is named. */
    public static final String DEFAULT_WORKLOAD = "ycsb-a";

    public static WorkloadOverrides none(String workload) {
        return new WorkloadOverrides(workload, null, null, null, null, null, null);
    }

    /**
     * The named workload with the overrides applied.
     *
     * @throws IllegalArgumentException naming an unknown workload or a bad value
     * @throws IOException if a workload file cannot be read
     */
    public WorkloadSpec resolve() throws IOException {
        String name = workload == null ? DEFAULT_WORKLOAD : workload;
        Path file = Path.of(name);
        WorkloadSpec spec = Files.isRegularFile(file) ? YcsbWorkloadFile.read(file) : Preset.parse(name).spec();
        if (records != null) {
            spec = spec.withRecordCount(records);
        }
        DistributionSpec chosen = spec.distribution();
        if (distribution != null && distribution != chosen.kind()) {
            chosen = DistributionSpec.defaults(distribution); // a new kind starts from its own defaults
        }
        if (theta != null) {
            chosen = chosen.withTheta(theta);
        }
        if (hotSet != null || hotOps != null) {
            chosen = chosen.withHotspot(hotSet == null ? chosen.hotSetFraction() : hotSet,
                    hotOps == null ? chosen.hotOpFraction() : hotOps);
        }
        spec = spec.withDistribution(chosen);
        return seed == null ? spec : spec.withSeed(seed);
    }
}
