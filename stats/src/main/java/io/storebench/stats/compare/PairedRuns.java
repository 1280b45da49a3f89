package io.storebench.stats.compare;

import io.storebench.stats.Design;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines up the two sides of an interleaved A/B experiment ({@code ab}) pair by pair: the baseline
 * and candidate forks of pair i were measured back to back on one machine, and a fork's id names
 * its pair ({@code ENGINE-TAG}, the same TAG on both sides, see {@link #pairTag}).
 *
 * <p>Unlike {@link RunPairing#of}, the sides are meant to differ (by their own run options or by
 * their jar), so a setting that differs is reported as a warning naming it, not refused. Each side
 * must have one engine, or both the same engines (in any order). A pair with a value on one side only, or a tag
 * twice on a side, is a problem: the pairs would no longer be pairs.
 */
public final class PairedRuns {
    private PairedRuns() {
    }

    /** The pair a fork belongs to: its id without the leading {@code ENGINE-}. */
    public static String pairTag(String forkId, String engine) {
        return forkId != null && forkId.startsWith(engine + "-") ? forkId.substring(engine.length() + 1) : forkId;
    }

    public static RunPairing of(RunRecord baseline, RunRecord candidate, List<KeyMetric> metrics) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RunDifferences.Difference d : RunDifferences.settings(baseline.settings(), candidate.settings())) {
            warnings.add("the sides differ in " + d.name() + ": " + d.a() + " in the baseline, " + d.b()
                    + " in the candidate");
        }
        for (RunDifferences.Difference d : RunDifferences.environment(baseline.environment(),
                candidate.environment())) {
            warnings.add("the sides' environments differ in " + d.name() + ": '" + d.a() + "' vs '" + d.b() + "'");
        }
        Map<String, String> engines = engineMap(baseline, candidate, problems);
        Map<BenchmarkKey, KeySample> a = RunSamples.of(baseline, metrics);
        Map<BenchmarkKey, KeySample> b = RunSamples.of(candidate, metrics);
        List<RunPairing.KeyPair> pairs = new ArrayList<>();
        java.util.Set<BenchmarkKey> matched = new java.util.HashSet<>();
        for (BenchmarkKey key : a.keySet()) {
            String candidateEngine = engines.get(key.engine());
            BenchmarkKey other = candidateEngine == null ? null
                    : new BenchmarkKey(candidateEngine, RunSamples.workload(candidate), key.operation(), key.metric());
            if (other == null || !b.containsKey(other)) {
                problems.add(key.label() + ": only in the baseline");
                continue;
            }
            matched.add(other);
            BenchmarkKey shown = candidateEngine.equals(key.engine()) ? key
                    : new BenchmarkKey(key.engine() + " vs " + candidateEngine, key.workload(), key.operation(),
                            key.metric());
            List<String> keyProblems = new ArrayList<>();
            RunPairing.KeyPair pair = aligned(shown, a.get(key), b.get(other), keyProblems);
            if (pair != null) {
                RunPairing.checkValues(pair.baseline(), "baseline", keyProblems, warnings);
                RunPairing.checkValues(pair.candidate(), "candidate", keyProblems, warnings);
                if (pair.baseline().forks() < RatioComparison.MIN_PAIRS) {
                    keyProblems.add(shown.label() + " has " + pair.baseline().forks() + " complete pairs; at least "
                            + RatioComparison.MIN_PAIRS + " are needed");
                }
            }
            problems.addAll(keyProblems);
            if (keyProblems.isEmpty()) {
                pairs.add(pair);
            }
        }
        for (BenchmarkKey key : b.keySet()) {
            if (!matched.contains(key)) {
                problems.add(key.label() + ": only in the candidate");
            }
        }
        if (a.isEmpty() && b.isEmpty()) {
            problems.add("neither side has a finished fork");
        }
        return new RunPairing(List.copyOf(pairs), List.copyOf(problems), List.copyOf(warnings), Design.PAIRS);
    }

    /** Baseline engine to candidate engine: the same names, or the one engine of each side. */
    private static Map<String, String> engineMap(RunRecord baseline, RunRecord candidate, List<String> problems) {
        List<String> a = baseline.engines().stream().map(EngineRun::engine).toList();
        List<String> b = candidate.engines().stream().map(EngineRun::engine).toList();
        Map<String, String> map = new LinkedHashMap<>();
        if (a.size() == 1 && b.size() == 1) {
            map.put(a.get(0), b.get(0));
        } else if (new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b)) && a.size() == b.size()) {
            a.forEach(e -> map.put(e, e));
        } else {
            problems.add("the sides ran different engines (" + String.join(",", a) + " against " + String.join(",", b)
                    + "); an A/B experiment compares one engine with one, or the same engines");
        }
        return map;
    }

    /** The two samples in pair order, each pair present on both sides, or null with the problem. */
    private static RunPairing.KeyPair aligned(BenchmarkKey key, KeySample baseline, KeySample candidate,
            List<String> problems) {
        Map<String, Double> a = byTag(baseline, problems);
        Map<String, Double> b = byTag(candidate, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        List<String> onlyOne = new ArrayList<>();
        a.keySet().stream().filter(t -> !b.containsKey(t)).forEach(t -> onlyOne.add(t + " (baseline only)"));
        b.keySet().stream().filter(t -> !a.containsKey(t)).forEach(t -> onlyOne.add(t + " (candidate only)"));
        if (!onlyOne.isEmpty()) {
            problems.add(key.label() + ": pairs with a value on one side only: " + String.join(", ", onlyOne));
            return null;
        }
        List<String> tags = new ArrayList<>(a.keySet());
        double[] av = tags.stream().mapToDouble(a::get).toArray();
        double[] bv = tags.stream().mapToDouble(b::get).toArray();
        return new RunPairing.KeyPair(key, new KeySample(key, av, baseline.fewestOperations(), tags),
                new KeySample(key, bv, candidate.fewestOperations(), tags));
    }

    private static Map<String, Double> byTag(KeySample side, List<String> problems) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < side.forks(); i++) {
            String tag = pairTag(side.forkIds().get(i), side.key().engine());
            if (values.put(tag, side.values()[i]) != null) {
                problems.add(side.key().label() + ": pair " + tag + " appears twice on one side");
            }
        }
        return values;
    }
}
