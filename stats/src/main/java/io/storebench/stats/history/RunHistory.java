package io.storebench.stats.history;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.compare.BenchmarkKey;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.compare.KeySample;
import io.storebench.stats.compare.RunDifferences;
import io.storebench.stats.compare.RunPairing;
import io.storebench.stats.compare.RunSamples;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SettingsRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A series of runs of one experiment, oldest first by {@code createdAt} (ties by run id), and the
 * change points of every key in it.
 *
 * <p>The runs must be one experiment, or the series means nothing: the same workload-defining
 * settings ({@link SettingsRecord#WORKLOAD_DEFINING}), every engine's forks the same workload
 * fingerprint, the same keys in every run, and the same machine ({@link
 * RunPairing#ENVIRONMENT_FINGERPRINT}) unless cross-host series are allowed. A run that breaks
 * one is refused ({@link Incomparable}, one line naming the run and what differs), never dropped.
 * So are too few runs ({@value #MIN_RUNS}: {@value ChangePoints#MIN_SIDE} on each side of a
 * change), values that are not positive finite numbers and forks of too few operations for the
 * percentile, as the gate refuses them.
 *
 * <p>A run's value of a key is the geometric mean of its per-fork values: the series is tested
 * across runs, so one fork per run is enough (more make each value steadier).
 *
 * @param runs oldest first
 * @param createdAt each run's start time, in the order of {@code runs}
 * @param keys one history per key, in the oldest run's order
 * @param warnings what is allowed but weakens the series
 */
public record RunHistory(List<RunRecord> runs, List<Instant> createdAt, List<KeyHistory> keys,
        List<String> warnings) {

    /** Runs a history needs at least: {@value ChangePoints#MIN_SIDE} on each side of a change. */
    public static final int MIN_RUNS = 2 * ChangePoints.MIN_SIDE;

    /** The runs are not one experiment, or their data cannot be followed: one line saying why. */
    public static final class Incomparable extends Exception {
        public Incomparable(String message) {
            super(message);
        }
    }

    public RunHistory {
        runs = List.copyOf(runs);
        createdAt = List.copyOf(createdAt);
        keys = List.copyOf(keys);
        warnings = List.copyOf(warnings);
    }

    /** Whether the newest run sits after a regression of any key. */
    public boolean regressedAtNewest() {
        return keys.stream().anyMatch(KeyHistory::regressedAtNewest);
    }

    /**
     * Sorts {@code given} by {@code createdAt}, checks that they are one experiment, and finds the
     * change points of every key of {@code metrics}.
     */
    public static RunHistory of(List<RunRecord> given, List<KeyMetric> metrics, ChangePoints.Settings settings,
            boolean allowCrossHost) throws Incomparable {
        Map<RunRecord, Instant> times = new IdentityHashMap<>();
        Map<String, RunRecord> ids = new HashMap<>();
        for (RunRecord run : given) {
            times.put(run, createdAt(run));
            RunRecord twin = ids.putIfAbsent(run.runId(), run);
            if (twin != null) {
                throw new Incomparable("run " + run.runId() + " is given twice: give each run once");
            }
        }
        if (given.size() < MIN_RUNS) {
            throw new Incomparable(String.format(Locale.ROOT, "a history needs at least %d runs (%d on each side of a"
                    + " change point); got %d", MIN_RUNS, ChangePoints.MIN_SIDE, given.size()));
        }
        List<RunRecord> runs = new ArrayList<>(given);
        runs.sort(Comparator.comparing((RunRecord r) -> times.get(r)).thenComparing(RunRecord::runId));
        RunRecord first = runs.get(0);
        List<String> warnings = new ArrayList<>();
        Map<String, String[]> fingerprints = new HashMap<>();
        for (RunRecord run : runs) {
            checkSettings(first, run);
            checkFingerprints(run, fingerprints);
            checkMachine(first, run, allowCrossHost, warnings);
            if (!run.complete()) {
                warnings.add("run " + run.runId() + " is incomplete: " + String.join("; ",
                        run.missing() == null ? List.of() : run.missing()));
            }
        }
        List<Map<BenchmarkKey, KeySample>> samples = new ArrayList<>();
        for (RunRecord run : runs) {
            samples.add(RunSamples.of(run, metrics));
        }
        Map<BenchmarkKey, KeySample> reference = samples.get(0);
        if (reference.isEmpty()) {
            throw new Incomparable("run " + first.runId() + " has no finished fork: there is nothing to follow");
        }
        for (int r = 1; r < runs.size(); r++) {
            for (BenchmarkKey key : reference.keySet()) {
                if (!samples.get(r).containsKey(key)) {
                    throw new Incomparable("run " + runs.get(r).runId() + " has no " + key.label() + ", which the"
                            + " first run " + first.runId() + " has: every run of a history must measure the same keys");
                }
            }
            for (BenchmarkKey key : samples.get(r).keySet()) {
                if (!reference.containsKey(key)) {
                    throw new Incomparable("run " + runs.get(r).runId() + " has " + key.label() + ", which the first"
                            + " run " + first.runId() + " lacks: every run of a history must measure the same keys");
                }
            }
        }
        List<KeyHistory> keys = new ArrayList<>();
        for (BenchmarkKey key : reference.keySet()) {
            double[] values = new double[runs.size()];
            int[] forks = new int[runs.size()];
            int fewerThanRecommended = 0;
            for (int r = 0; r < runs.size(); r++) {
                KeySample sample = samples.get(r).get(key);
                String where = "run " + runs.get(r).runId() + ": " + key.label();
                values[r] = geometricMean(where, sample);
                forks[r] = sample.forks();
                KeyMetric metric = key.metric();
                if (sample.fewestOperations() < metric.minimumOperations()) {
                    throw new Incomparable(String.format(Locale.ROOT, "%s has a fork of %,d operations; %s needs at"
                            + " least %,d per fork", where, sample.fewestOperations(), metric.label(),
                            metric.minimumOperations()));
                }
                if (sample.fewestOperations() < metric.recommendedOperations()) {
                    fewerThanRecommended++;
                }
            }
            if (fewerThanRecommended > 0) {
                warnings.add(String.format(Locale.ROOT, "%s: %d of %d runs have a fork of fewer than %,d operations;"
                        + " %s is steadier from %,d per fork", key.label(), fewerThanRecommended, runs.size(),
                        key.metric().recommendedOperations(), key.metric().label(),
                        key.metric().recommendedOperations()));
            }
            keys.add(new KeyHistory(key, values, forks, ChangePoints.find(values, settings)));
        }
        return new RunHistory(runs, runs.stream().map(times::get).toList(), keys, warnings);
    }

    private static Instant createdAt(RunRecord run) throws Incomparable {
        if (run.createdAt() == null || run.createdAt().isBlank()) {
            throw new Incomparable("run " + run.runId() + " has no createdAt: it cannot be placed in the series");
        }
        try {
            return OffsetDateTime.parse(run.createdAt()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Incomparable("run " + run.runId() + " has createdAt '" + run.createdAt() + "', not an ISO-8601"
                    + " time with an offset: it cannot be placed in the series");
        }
    }

    /** Every workload-defining setting of {@code run} as in {@code first}; all the differences named at once. */
    private static void checkSettings(RunRecord first, RunRecord run) throws Incomparable {
        if (run.settings() == null) {
            throw new Incomparable("run " + run.runId() + " has no settings: it cannot be told to be the same"
                    + " experiment as the others");
        }
        List<String> differences = RunDifferences.settings(first.settings(), run.settings()).stream()
                .map(d -> d.name() + " is " + d.b() + " there and " + d.a() + " in the first").toList();
        if (!differences.isEmpty()) {
            throw new Incomparable("run " + run.runId() + " is another experiment than the first run "
                    + first.runId() + ": " + String.join(", ", differences) + "; a history takes runs of the same"
                    + " workload settings only");
        }
    }

    /** Every fork of an engine, across the series, ran the workload of one fingerprint. */
    private static void checkFingerprints(RunRecord run, Map<String, String[]> seen) throws Incomparable {
        for (EngineRun engine : run.engines()) {
            for (ForkResult fork : engine.forks()) {
                if (fork.workloadFingerprint() == null) {
                    continue;
                }
                String[] earlier = seen.putIfAbsent(engine.engine(), new String[] {fork.workloadFingerprint(),
                    run.runId()});
                if (earlier != null && !earlier[0].equals(fork.workloadFingerprint())) {
                    throw new Incomparable("run " + run.runId() + ": " + engine.engine() + " ran a workload of"
                            + " fingerprint " + fork.workloadFingerprint() + ", run " + earlier[1] + " one of "
                            + earlier[0] + "; a history takes runs of the same workload only");
                }
            }
        }
    }

    private static void checkMachine(RunRecord first, RunRecord run, boolean allowCrossHost, List<String> warnings)
            throws Incomparable {
        List<String> named = RunDifferences.environment(first.environment(), run.environment()).stream()
                .map(d -> d.name() + " '" + d.b() + "' vs '" + d.a() + "'").toList();
        if (named.isEmpty()) {
            return;
        }
        String line = "run " + run.runId() + " ran on another machine than the first run " + first.runId() + ": "
                + String.join(", ", named);
        if (!allowCrossHost) {
            throw new Incomparable(line + "; give --allow-cross-host to follow runs across machines");
        }
        warnings.add(line + " (allowed by --allow-cross-host)");
    }

    private static double geometricMean(String where, KeySample sample) throws Incomparable {
        if (sample.forks() == 0) {
            throw new Incomparable(where + " has no fork value");
        }
        for (double value : sample.values()) {
            if (!(Double.isFinite(value) && value > 0)) {
                throw new Incomparable(where + " holds " + value + "; values must be positive finite numbers");
            }
        }
        return ConfidenceInterval.geometric95(sample.values()).mean();
    }
}
