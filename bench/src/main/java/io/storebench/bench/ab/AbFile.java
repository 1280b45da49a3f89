package io.storebench.bench.ab;

import java.util.List;

/**
 * {@code ab.json}: how an A/B experiment ran (schema {@value #SCHEMA}): both sides, the pair order
 * with each pair's fate, and the outcome. The verdict itself is {@code gate.json} beside it.
 *
 * @param shared the {@code run} options both sides ran with
 * @param pairsRequested pairs asked for ({@code --pairs})
 * @param orderSeed the seed of the pair order
 * @param pairs every pair started, in the order run
 * @param completedPairs pairs with a finished fork on both sides: the sample size
 * @param outcome PASS, FAIL or INVALID, as in gate.json
 */
record AbFile(String schema, List<String> command, List<String> shared, SideFile baseline, SideFile candidate,
        int pairsRequested, long orderSeed, List<PairFile> pairs, int completedPairs, String outcome, int exitCode,
        List<String> notes) {
    static final String SCHEMA = "storebench.ab/1";

    /** A side: its jar, its own options and its merged run folder. */
    record SideFile(String jar, List<String> args, String folder) {
    }

    /**
     * One pair: its number, the side that ran first, its status ({@code done}, {@code dropped}), its
     * forks' seconds (NaN for a fork not run) and why it was dropped.
     */
    record PairFile(int pair, String first, String status, double baselineSeconds, double candidateSeconds,
            String failure) {
    }
}
