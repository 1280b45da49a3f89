package io.storebench.bench.analysis;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.Design;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.KeySample;
import io.storebench.stats.compare.KeyVerdict;
import java.util.List;

/**
 * {@code gate.json}: the machine-readable verdict of one gate run (schema {@value #SCHEMA}).
 *
 * <p>Per key: {@code permutationP} is NaN (written as the string "NaN") where the design has no
 * permutation test, {@code permutation} is {@code exact}, {@code sampled} or {@code none},
 * {@code design} is fork-level, paired or run-level, and {@code zeroVariance} says the verdict
 * rests on constant values. At the run level a side's {@code values} are one per run (the
 * geometric mean of its forks) and {@code forks} counts the runs.
 *
 * @param outcome PASS, FAIL or INVALID
 * @param exitCode the gate's exit code
 * @param keys one entry per judged key
 * @param problems why the runs (or some keys) could not be judged; any makes the outcome INVALID
 * @param baseline the baseline run ids, comma-separated
 * @param candidate the candidate run ids, comma-separated
 * @param design how the gate was judged: {@code fork-level} (one run a side, one value per fork),
 *     {@code run-level} (several runs, one value per run) or {@code paired}
 * @param baselineRuns the baseline run ids
 * @param candidateRuns the candidate run ids
 * @param spread what the test's spread includes: with one baseline run, that fork spread excludes
 *     run-to-run drift, and what would count it ({@code ab}, {@code calibrate}, several baseline runs)
 */
public record GateFile(String schema, String outcome, int exitCode, String baseline, String candidate, String design,
        List<String> baselineRuns, List<String> candidateRuns, String spread, List<String> metrics, double floor,
        double alpha, boolean strict, boolean allowCrossHost, List<Key> keys, List<String> problems,
        List<String> warnings) {
    static final String SCHEMA = "storebench.gate/2";

    /** One side of a key: the geometric mean of the per-fork values, its 95 % interval, and the values. */
    record Side(String run, double mean, double lower, double upper, int forks, long fewestOperations,
            double[] values) {
        static Side of(String run, ConfidenceInterval ci, KeySample sample) {
            return new Side(run, ci.mean(), ci.lower(), ci.upper(), sample.forks(), sample.fewestOperations(),
                    sample.values());
        }
    }

    record Key(String engine, String workload, String operation, String metric, String unit, String verdict,
            Side baseline, Side candidate, double ratio, double ratioLower, double ratioUpper, double ratio90Lower,
            double ratio90Upper, double p, double permutationP, String permutation, double holmP, int forksNeeded,
            String design, boolean zeroVariance) {
    }

    public static GateFile of(GateResult result, Design design, List<String> baselineRuns, List<String> candidateRuns,
            String spread) {
        String baseline = String.join(",", baselineRuns);
        List<Key> keys = result.verdicts().stream().map(v -> key(v, baseline)).toList();
        var s = result.settings();
        return new GateFile(SCHEMA, result.outcome(), result.exitCode(), baseline, String.join(",", candidateRuns),
                design.label(), List.copyOf(baselineRuns), List.copyOf(candidateRuns), spread,
                s.metrics().stream().map(m -> m.label()).toList(), s.floor(), s.alpha(), s.strict(),
                s.allowCrossHost(), keys, result.problems(), result.warnings());
    }

    private static Key key(KeyVerdict v, String baselineRun) {
        var c = v.comparison();
        var k = v.key();
        return new Key(k.engine(), k.workload(), k.operation(), k.metric().label(), k.metric().unit(),
                v.verdict().label(), Side.of(baselineRun, c.baseline(), v.baseline()),
                Side.of(v.candidateRun(), c.candidate(), v.candidate()), c.ratio(), c.ratioLower(), c.ratioUpper(),
                c.ratio90Lower(), c.ratio90Upper(), c.p(), c.permutationP(),
                c.hasPermutation() ? (c.permutationExact() ? "exact" : "sampled") : "none", v.holmP(), v.forksNeeded(),
                c.design().label(), c.zeroVariance());
    }
}
