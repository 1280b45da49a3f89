package io.storebench.stats.compare;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The per-fork samples of every key in a run: the sample unit of every comparison is one fork. */
public final class RunSamples {
    private RunSamples() {
    }

    /** The workload's name as the run recorded it ({@code settings.workload}), or {@code "workload"}. */
    public static String workload(RunRecord run) {
        String name = run.settings() == null ? null : run.settings().workload();
        return name == null ? "workload" : name;
    }

    /**
     * Every key of {@code metrics} in {@code run}, in the run's engine order then operation order.
     * An engine with no finished fork has no keys. A fork that lacks an operation type the others
     * have simply contributes no value to that key.
     */
    public static Map<BenchmarkKey, KeySample> of(RunRecord run, List<KeyMetric> metrics) {
        String workload = workload(run);
        Map<BenchmarkKey, KeySample> samples = new LinkedHashMap<>();
        for (EngineRun engine : run.engines()) {
            List<ForkResult> forks = engine.forks() == null ? List.of() : engine.forks();
            if (forks.isEmpty()) {
                continue;
            }
            Set<String> operations = new LinkedHashSet<>();
            forks.forEach(f -> f.operations().forEach(o -> operations.add(o.operation())));
            for (KeyMetric metric : metrics) {
                if (!metric.isLatency()) {
                    BenchmarkKey key = new BenchmarkKey(engine.engine(), workload, KeyMetric.ALL_OPERATIONS, metric);
                    long fewest = forks.stream().mapToLong(RunSamples::operationCount).min().orElse(0);
                    samples.put(key, new KeySample(key, forks.stream().mapToDouble(metric::value).toArray(), fewest,
                            forks.stream().map(ForkResult::forkId).toList()));
                    continue;
                }
                for (String operation : operations) {
                    List<OperationResult> results = new ArrayList<>();
                    List<String> forkIds = new ArrayList<>();
                    for (ForkResult fork : forks) {
                        fork.operations().stream().filter(o -> o.operation().equals(operation)).findFirst()
                                .ifPresent(o -> {
                                    results.add(o);
                                    forkIds.add(fork.forkId());
                                });
                    }
                    BenchmarkKey key = new BenchmarkKey(engine.engine(), workload, operation, metric);
                    samples.put(key, new KeySample(key, results.stream().mapToDouble(metric::value).toArray(),
                            results.stream().mapToLong(metric::operations).min().orElse(0), forkIds));
                }
            }
        }
        return samples;
    }

    private static long operationCount(ForkResult fork) {
        return fork.operations().stream().mapToLong(o -> o.latency().count()).sum();
    }
}
