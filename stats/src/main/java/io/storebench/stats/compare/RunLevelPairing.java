package io.storebench.stats.compare;

import io.storebench.stats.Design;
import io.storebench.stats.model.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lines up several baseline runs against one or more candidate runs for the run-level design
 * ({@link RunLevelComparison}): per key, each run contributes one value, the geometric mean of its
 * forks' values, so the sample of a side is its runs.
 *
 * <p>Every run must be comparable with the first baseline run as {@link RunPairing#of} requires of
 * two runs (settings, fingerprints, forks that ran their run's settings, durability, machine), with
 * the runs named in the lines; so all runs of a side agree with each other too. Each key must be in
 * every run, and each run's values must be positive finite numbers from forks of enough operations;
 * a run may have any number of forks (the run, not the fork, is the sample).
 */
public final class RunLevelPairing {
    private RunLevelPairing() {
    }

    /**
     * @throws IllegalArgumentException with fewer than {@value RunLevelComparison#MIN_BASELINE_RUNS}
     *     baseline runs or no candidate run
     */
    public static RunPairing of(List<RunRecord> baselines, List<RunRecord> candidates, List<KeyMetric> metrics,
            boolean allowCrossHost) {
        if (baselines.size() < RunLevelComparison.MIN_BASELINE_RUNS || candidates.isEmpty()) {
            throw new IllegalArgumentException("a run-level comparison needs at least "
                    + RunLevelComparison.MIN_BASELINE_RUNS + " baseline runs and one candidate run; got "
                    + baselines.size() + " and " + candidates.size());
        }
        Set<String> problems = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        RunRecord first = baselines.get(0);
        List<Named> runs = new ArrayList<>();
        baselines.forEach(run -> runs.add(new Named(run, "baseline", RunSamples.of(run, metrics))));
        candidates.forEach(run -> runs.add(new Named(run, "candidate", RunSamples.of(run, metrics))));
        for (Named run : runs.subList(1, runs.size())) {
            List<String> p = new ArrayList<>();
            List<String> w = new ArrayList<>();
            RunPairing.checkRuns(first, run.run(), new RunPairing.Sides("baseline run " + first.runId(), run.label(),
                    "baseline", run.side()), allowCrossHost, p, w);
            problems.addAll(p);
            warnings.addAll(w);
        }
        Set<BenchmarkKey> keys = new LinkedHashSet<>();
        runs.forEach(run -> keys.addAll(run.samples().keySet()));
        List<RunPairing.KeyPair> pairs = new ArrayList<>();
        for (BenchmarkKey key : keys) {
            List<String> missing = runs.stream().filter(r -> !r.samples().containsKey(key)).map(Named::label)
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(key.label() + ": not in " + String.join(", ", missing));
                continue;
            }
            List<String> keyProblems = new ArrayList<>();
            List<String> keyWarnings = new ArrayList<>();
            for (Named run : runs) {
                RunPairing.checkValues(run.samples().get(key), run.label(), keyProblems, keyWarnings);
            }
            problems.addAll(keyProblems);
            warnings.addAll(keyWarnings);
            if (keyProblems.isEmpty()) {
                pairs.add(new RunPairing.KeyPair(key, side(key, runs, "baseline"), side(key, runs, "candidate")));
            }
        }
        if (keys.isEmpty()) {
            problems.add("no run has a finished fork");
        }
        return new RunPairing(List.copyOf(pairs), List.copyOf(problems), List.copyOf(warnings), Design.RUNS);
    }

    /** A run with its side (named "baseline run ID" or "candidate run ID" in the lines) and its per-fork samples. */
    private record Named(RunRecord run, String side, Map<BenchmarkKey, KeySample> samples) {
        String label() {
            return side + " run " + run.runId();
        }
    }

    /** One side of a key: one value per run (its forks' geometric mean), the run ids for fork ids. */
    private static KeySample side(BenchmarkKey key, List<Named> runs, String side) {
        List<Named> of = runs.stream().filter(r -> r.side().equals(side)).toList();
        double[] values = of.stream().mapToDouble(r -> RunLevelComparison.runValue(r.samples().get(key).values()))
                .toArray();
        long fewest = of.stream().mapToLong(r -> r.samples().get(key).fewestOperations()).min().orElse(0);
        return new KeySample(key, values, fewest, of.stream().map(r -> r.run().runId()).toList());
    }
}
