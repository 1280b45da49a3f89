package io.storebench.stats;

/**
 * How the values of a comparison were collected, which decides the test and what its spread
 * includes.
 */
public enum Design {
    /**
     * One run against one run, one value per fork: Welch's t on the logs, confirmed by a permutation
     * test. The spread is fork to fork inside each run: drift between runs is not in it.
     */
    FORKS("fork-level", "Welch's t on per-fork logs; the spread excludes run-to-run drift"),
    /**
     * Interleaved pairs ({@code ab}): one baseline and one candidate fork back to back per pair. The
     * Wilcoxon signed-rank test of the per-pair log ratios (exact, or sampled beyond 20 pairs) and
     * their Hodges–Lehmann estimate. Drift slower than a pair cancels, and a disturbed pair counts as
     * one rank.
     */
    PAIRS("paired", "Wilcoxon signed-rank on per-pair log ratios, Hodges-Lehmann change; drift slower than a"
            + " pair cancels and a disturbed pair counts as one rank"),
    /**
     * Several runs a side: one value per run (the geometric mean of its forks), so the spread is
     * run to run and drift counts.
     */
    RUNS("run-level", "t on per-run geometric means; the spread is run to run");

    private final String label;
    private final String description;

    Design(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
