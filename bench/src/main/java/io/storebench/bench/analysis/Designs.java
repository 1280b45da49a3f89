package io.storebench.bench.analysis;

import io.storebench.stats.Design;
import io.storebench.stats.compare.RunLevelComparison;
import java.util.Locale;

/**
 * Which design {@code gate} and {@code compare} judge a set of runs with, and what its spread
 * does and does not include, said the same way by both: one run a side is fork-level (the spread
 * is fork to fork and misses drift between runs); several runs on either side are run-level (one
 * value per run, the spread is run to run), which needs at least
 * {@value RunLevelComparison#MIN_BASELINE_RUNS} baseline runs.
 */
final class Designs {
    private Designs() {
    }

    static Design of(int baselineRuns, int candidateRuns) {
        return baselineRuns > 1 || candidateRuns > 1 ? Design.RUNS : Design.FORKS;
    }

    /** The one line refusing too few baseline runs for the run level, or null when there are enough. */
    static String tooFewBaselineRuns(int baselineRuns, int candidateRuns) {
        if (of(baselineRuns, candidateRuns) != Design.RUNS || baselineRuns >= RunLevelComparison.MIN_BASELINE_RUNS) {
            return null;
        }
        return String.format(Locale.ROOT, "several runs are judged at the run level (one value per run), which needs at"
                + " least %d baseline runs; --baseline names %d (give %d or more, or one baseline and one candidate"
                + " run for the fork-level test)", RunLevelComparison.MIN_BASELINE_RUNS, baselineRuns,
                RunLevelComparison.MIN_BASELINE_RUNS);
    }

    /** What the spread of the test includes, one line, for the console, gate.md and gate.json. */
    static String spread(int baselineRuns, int candidateRuns) {
        if (of(baselineRuns, candidateRuns) == Design.FORKS) {
            return "one baseline run: the spread is fork to fork within each run and excludes run-to-run drift, so two"
                    + " runs of unchanged code can differ significantly; to count drift give at least "
                    + RunLevelComparison.MIN_BASELINE_RUNS + " baseline runs (--baseline DIR1,DIR2,DIR3 or a folder of"
                    + " runs), run `ab` (interleaved A/B runs in one invocation), or measure this gate's false-positive"
                    + " rate on this host with `calibrate`";
        }
        if (candidateRuns == 1) {
            return String.format(Locale.ROOT, "%d baseline runs: the spread is run to run, so drift between runs counts;"
                    + " the candidate run is tested by the prediction-interval t (df %d) alone, without a permutation"
                    + " test", baselineRuns, baselineRuns - 1);
        }
        return String.format(Locale.ROOT, "%d baseline and %d candidate runs: the spread is run to run, so drift"
                + " between runs counts; Welch's t on the run values, confirmed by the permutation test", baselineRuns,
                candidateRuns);
    }
}
