package io.storebench.stats.compare;

import io.storebench.stats.Design;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SettingsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lines up a candidate run against a baseline run, key by key, and says what keeps them from being
 * compared: a different workload configuration (a setting recorded on one side only included), a
 * fork that did not run its run's threads or its engine's durability, a different machine (unless
 * allowed), keys present on one side only, too few forks, too few operations per fork for the percentile, or values that
 * are not positive finite numbers. Each problem is one line; a pairing with problems must not pass
 * a gate.
 *
 * @param pairs the keys that can be compared, in the baseline's order
 * @param problems why (part of) the runs cannot be compared; empty when all is well
 * @param warnings what is allowed but weakens the comparison
 * @param design how the values were collected: {@link Design#FORKS} here, {@link Design#PAIRS} from
 *     {@link PairedRuns}
 */
public record RunPairing(List<KeyPair> pairs, List<String> problems, List<String> warnings, Design design) {

    /** A pairing of one run against one run: one value per fork, independent samples. */
    public RunPairing(List<KeyPair> pairs, List<String> problems, List<String> warnings) {
        this(pairs, problems, warnings, Design.FORKS);
    }

    /** Environment fields that identify the machine: the environment fingerprint. */
    public static final List<String> ENVIRONMENT_FINGERPRINT = List.of("cpuModel", "cores", "memory", "kernel", "jvm",
            "dataFilesystem");

    /** A key present on both sides. */
    public record KeyPair(BenchmarkKey key, KeySample baseline, KeySample candidate) {
    }

    public static RunPairing of(RunRecord baseline, RunRecord candidate, List<KeyMetric> metrics,
            boolean allowCrossHost) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        checkRuns(baseline, candidate, Sides.GATE, allowCrossHost, problems, warnings);
        Map<BenchmarkKey, KeySample> a = RunSamples.of(baseline, metrics);
        Map<BenchmarkKey, KeySample> b = RunSamples.of(candidate, metrics);
        List<KeyPair> pairs = new ArrayList<>();
        for (BenchmarkKey key : a.keySet()) {
            if (!b.containsKey(key)) {
                problems.add(key.label() + ": only in the baseline");
                continue;
            }
            List<String> keyProblems = new ArrayList<>();
            check(a.get(key), "baseline", keyProblems, warnings);
            check(b.get(key), "candidate", keyProblems, warnings);
            problems.addAll(keyProblems);
            if (keyProblems.isEmpty()) {
                pairs.add(new KeyPair(key, a.get(key), b.get(key)));
            }
        }
        for (BenchmarkKey key : b.keySet()) {
            if (!a.containsKey(key)) {
                problems.add(key.label() + ": only in the candidate");
            }
        }
        if (a.isEmpty() && b.isEmpty()) {
            problems.add("neither run has a finished fork");
        }
        return new RunPairing(List.copyOf(pairs), List.copyOf(problems), List.copyOf(warnings));
    }

    /**
     * How two runs are named in the lines of {@link #checkRuns}.
     *
     * @param a the first run, as in "records is 1000 in {@code a}" ("the baseline", "baseline run b1")
     * @param b the second
     * @param aSide the first run's side, "baseline" or "candidate"
     * @param bSide the second's
     */
    record Sides(String a, String b, String aSide, String bSide) {
        /** A gate's two runs: "the baseline" and "the candidate". */
        static final Sides GATE = new Sides("the baseline", "the candidate", "baseline", "candidate");

        /** Between the names, for lines that would not say which two runs they are about. */
        String between() {
            return this.equals(GATE) ? "" : " between " + a + " and " + b;
        }
    }

    /**
     * What two runs must share to be compared at all, whatever the design: the workload-defining
     * settings, the workload fingerprints, forks that ran their run's settings, each engine's
     * durability and (unless allowed) the machine; incomplete runs are warnings.
     */
    static void checkRuns(RunRecord baseline, RunRecord candidate, Sides sides, boolean allowCrossHost,
            List<String> problems, List<String> warnings) {
        checkSettings(baseline, candidate, sides, problems);
        checkFingerprints(baseline, candidate, sides, problems);
        checkForks(baseline, sides.aSide(), problems);
        checkForks(candidate, sides.bSide(), problems);
        checkEngineDurability(baseline, candidate, sides, problems);
        List<String> hostDifferences = RunDifferences.environment(baseline.environment(), candidate.environment())
                .stream().map(d -> d.name() + " '" + d.a() + "' vs '" + d.b() + "'").toList();
        if (!hostDifferences.isEmpty()) {
            String line = "different environment" + sides.between() + ": " + String.join(", ", hostDifferences);
            if (allowCrossHost) {
                warnings.add(line + " (allowed by --allow-cross-host)");
            } else {
                problems.add(line + "; give --allow-cross-host to compare runs from different machines");
            }
        }
        for (RunRecord run : List.of(baseline, candidate)) {
            if (!run.complete()) {
                warnings.add((run == baseline ? sides.aSide() : sides.bSide()) + " run " + run.runId()
                        + " is incomplete: " + String.join("; ", run.missing() == null ? List.of() : run.missing()));
            }
        }
    }

    static void check(KeySample side, String which, List<String> problems, List<String> warnings) {
        String label = side.key().label() + ": " + which;
        if (side.forks() < RatioComparison.MIN_FORKS) {
            problems.add(String.format(Locale.ROOT, "%s has %d forks; at least %d are needed", label, side.forks(),
                    RatioComparison.MIN_FORKS));
        }
        checkValues(side, which, problems, warnings);
    }

    /** The values of one side, whatever their number: positive finite, from forks of enough operations. */
    static void checkValues(KeySample side, String which, List<String> problems, List<String> warnings) {
        String label = side.key().label() + ": " + which;
        KeyMetric metric = side.key().metric();
        for (double value : side.values()) {
            if (Double.isNaN(value) && metric.perIteration()) {
                problems.add(label + " has a fork without per-iteration latencies (a run written before they were"
                        + " recorded); " + metric.label() + " needs them, " + metric.label().substring("iter-".length())
                        + " does not");
                return;
            }
            if (!(Double.isFinite(value) && value > 0)) {
                problems.add(label + " holds " + value + "; values must be positive finite numbers");
                break;
            }
        }
        if (side.fewestOperations() < metric.minimumOperations()) {
            problems.add(String.format(Locale.ROOT, "%s has a fork of %,d operations; %s needs at least %,d per fork",
                    label, side.fewestOperations(), metric.label(), metric.minimumOperations()));
        } else if (side.fewestOperations() < metric.recommendedOperations()) {
            warnings.add(String.format(Locale.ROOT, "%s has a fork of %,d operations; %s is steadier from %,d per fork",
                    label, side.fewestOperations(), metric.label(), metric.recommendedOperations()));
        }
    }

    /**
     * The workload-defining settings must agree: a setting recorded on one side and absent on the
     * other is a difference too (what the absent side ran is unknown).
     */
    private static void checkSettings(RunRecord baseline, RunRecord candidate, Sides sides, List<String> problems) {
        if (baseline.settings() == null && candidate.settings() == null) {
            return;
        }
        if (baseline.settings() == null || candidate.settings() == null) {
            problems.add("different workload configuration: the settings are " + (baseline.settings() == null
                    ? "absent in " + sides.a() + " and recorded in " + sides.b()
                    : "recorded in " + sides.a() + " and absent in " + sides.b()));
            return;
        }
        for (RunDifferences.Difference d : RunDifferences.settings(baseline.settings(), candidate.settings())) {
            problems.add("different workload configuration: " + d.name() + " is " + shown(d.a()) + " in " + sides.a()
                    + " and " + shown(d.b()) + " in " + sides.b());
        }
    }

    private static String shown(Object value) {
        return value == null ? "absent" : value.toString();
    }

    /**
     * Every fork must have run what its run says: the run's threads, and its engine's durability
     * ({@code engines[].durability}, which is the run's durability, or {@code none} for the
     * baselines, which keep nothing whatever the run asks); the engine's durability, where recorded,
     * is the run's or {@code none}.
     */
    private static void checkForks(RunRecord run, String side, List<String> problems) {
        SettingsRecord settings = run.settings();
        for (EngineRun engine : run.engines()) {
            String expected = engine.durability() != null ? engine.durability()
                    : settings == null ? null : settings.durability();
            if (engine.durability() != null && settings != null && settings.durability() != null
                    && !engine.durability().equals(settings.durability()) && !engine.durability().equals("none")) {
                problems.add(String.format(Locale.ROOT, "%s run %s: engine %s ran with durability %s; the run's"
                        + " settings say %s", side, run.runId(), engine.engine(), engine.durability(),
                        settings.durability()));
            }
            for (ForkResult fork : engine.forks() == null ? List.<ForkResult>of() : engine.forks()) {
                if (settings != null && fork.threads() != settings.threads()) {
                    problems.add(String.format(Locale.ROOT, "%s run %s: fork %s of %s ran %d threads; the run's"
                            + " settings say %d", side, run.runId(), fork.forkId(), engine.engine(), fork.threads(),
                            settings.threads()));
                }
                if (expected != null && !expected.equals(fork.durability())) {
                    problems.add(String.format(Locale.ROOT, "%s run %s: fork %s of %s ran with durability %s; %s %s",
                            side, run.runId(), fork.forkId(), engine.engine(), fork.durability(),
                            engine.durability() != null ? "its engine says" : "the run's settings say", expected));
                }
            }
        }
    }

    /**
     * An engine on both sides must have run with the same durability on both (not said again when
     * the runs' durability settings differ already).
     */
    private static void checkEngineDurability(RunRecord baseline, RunRecord candidate, Sides sides,
            List<String> problems) {
        if (baseline.settings() != null && candidate.settings() != null
                && !Objects.equals(baseline.settings().durability(), candidate.settings().durability())) {
            return;
        }
        for (EngineRun a : baseline.engines()) {
            candidate.engines().stream().filter(b -> b.engine().equals(a.engine())).findFirst().ifPresent(b -> {
                if (!Objects.equals(a.durability(), b.durability())) {
                    problems.add("different workload configuration: " + a.engine() + " ran with durability "
                            + shown(a.durability()) + " in " + sides.a() + " and " + shown(b.durability()) + " in "
                            + sides.b());
                }
            });
        }
    }

    /** Every fork of an engine, on both sides, must have run the same workload (its fingerprint). */
    private static void checkFingerprints(RunRecord baseline, RunRecord candidate, Sides sides,
            List<String> problems) {
        for (EngineRun engine : baseline.engines()) {
            Set<String> prints = new TreeSet<>();
            for (RunRecord run : List.of(baseline, candidate)) {
                run.engines().stream().filter(e -> e.engine().equals(engine.engine()))
                        .flatMap(e -> e.forks() == null ? Stream.<ForkResult>empty() : e.forks().stream())
                        .map(ForkResult::workloadFingerprint).filter(Objects::nonNull).forEach(prints::add);
            }
            if (prints.size() > 1) {
                problems.add("different workload configuration" + sides.between() + ": " + engine.engine()
                        + " forks ran workloads with fingerprints " + String.join(", ", prints));
            }
        }
    }
}
