package io.storebench.stats.compare;

import io.storebench.stats.RatioComparison;
import io.storebench.stats.Verdict;

/**
 * One key's result: both sides, the comparison, Holm's adjusted p and the verdict.
 *
 * @param candidateRun the candidate's run id (compare can hold several candidates)
 * @param forksNeeded for INCONCLUSIVE: forks per side that would likely decide it; else 0
 */
public record KeyVerdict(BenchmarkKey key, String candidateRun, KeySample baseline, KeySample candidate,
        RatioComparison comparison, double holmP, Verdict verdict, int forksNeeded) {

    /** The change as a signed percentage of the baseline (ratio − 1). */
    public double changePercent() {
        return (comparison.ratio() - 1) * 100;
    }
}
