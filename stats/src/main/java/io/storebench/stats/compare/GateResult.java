package io.storebench.stats.compare;

import io.storebench.stats.Design;
import io.storebench.stats.PermutationTest;
import io.storebench.stats.Direction;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verdicts of one gate run or comparison: every comparable key judged together (Holm across
 * all of them), and the problems and warnings of the pairings.
 */
public record GateResult(GateSettings settings, List<KeyVerdict> verdicts, List<String> problems,
        List<String> warnings) {

    /** No regression. */
    public static final int EXIT_PASS = 0;
    /** At least one key REGRESSED (or, with --strict, INCONCLUSIVE). */
    public static final int EXIT_REGRESSED = 1;
    /** Invalid or insufficient data, or runs that cannot be compared. */
    public static final int EXIT_INVALID = 2;
    /** Usage or I/O error. */
    public static final int EXIT_USAGE = 3;

    /** Judges one candidate against a baseline. */
    public static GateResult judge(String candidateRun, RunPairing pairing, GateSettings settings) {
        return judge(List.of(candidateRun), List.of(pairing), settings);
    }

    /** Judges several pairings as one family: Holm's adjustment runs across all their keys. */
    public static GateResult judge(List<String> candidateRuns, List<RunPairing> pairings, GateSettings settings) {
        List<RatioComparison> family = new ArrayList<>();
        List<Direction> directions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (RunPairing pairing : pairings) {
            for (RunPairing.KeyPair pair : pairing.pairs()) {
                family.add(switch (pairing.design()) {
                    case PAIRS -> RatioComparison.paired(pair.baseline().values(), pair.candidate().values());
                    case RUNS -> RunLevelComparison.of(pair.baseline().values(), pair.candidate().values());
                    case FORKS -> RatioComparison.of(pair.baseline().values(), pair.candidate().values());
                });
                directions.add(pair.key().metric().direction());
            }
            problems.addAll(pairing.problems());
            warnings.addAll(pairing.warnings());
            unconfirmable(pairing, settings.alpha()).ifPresent(warnings::add);
        }
        List<RatioComparison.Judged> judged = RatioComparison.judge(family, directions, settings.floor(),
                settings.alpha());
        List<KeyVerdict> verdicts = new ArrayList<>();
        int i = 0;
        for (int p = 0; p < pairings.size(); p++) {
            for (RunPairing.KeyPair pair : pairings.get(p).pairs()) {
                RatioComparison.Judged j = judged.get(i++);
                verdicts.add(new KeyVerdict(pair.key(), candidateRuns.get(p), pair.baseline(), pair.candidate(),
                        j.comparison(), j.holmP(), j.verdict(), j.forksNeeded()));
            }
        }
        return new GateResult(settings, List.copyOf(verdicts), List.copyOf(problems), List.copyOf(warnings));
    }

    /**
     * Several runs a side so few that the permutation test can never reach {@code alpha}: every
     * significant key would be INCONCLUSIVE, said once, with how many runs would do.
     */
    private static Optional<String> unconfirmable(RunPairing pairing, double alpha) {
        if (pairing.design() == Design.PAIRS && !pairing.pairs().isEmpty()) {
            int n = pairing.pairs().get(0).baseline().forks();
            int keys = pairing.pairs().size();
            double needed = alpha / keys; // Holm's first step: the smallest p must beat alpha / keys
            double smallest = 2 / Math.pow(2, n); // the identity and its mirror image
            if (n > PermutationTest.EXACT_SIGN_FLIPS || smallest < needed) {
                return Optional.empty();
            }
            int enough = n;
            while (2 / Math.pow(2, enough) >= needed) {
                enough++;
            }
            return Optional.of(String.format(Locale.ROOT, "with %d pairs the signed-rank test's smallest p is %.3g, not"
                    + " below alpha %s%s: no key can be judged REGRESSED or IMPROVED; %d pairs would allow it", n,
                    smallest, alpha, keys == 1 ? "" : " / " + keys + " keys (Holm)", enough));
        }
        if (pairing.design() != Design.RUNS || pairing.pairs().isEmpty()) {
            return Optional.empty();
        }
        int k = pairing.pairs().get(0).baseline().forks();
        int m = pairing.pairs().get(0).candidate().forks();
        double smallest = RunLevelComparison.smallestPermutationP(k, m);
        if (m < 2 || smallest < alpha) {
            return Optional.empty();
        }
        int enough = m;
        while (RunLevelComparison.smallestPermutationP(k, enough) >= alpha) {
            enough++;
        }
        return Optional.of(String.format(Locale.ROOT, "with %d baseline and %d candidate runs the"
                + " permutation test's smallest p is %.3g, not below alpha %s: no key can be confirmed REGRESSED or"
                + " IMPROVED; %d candidate runs (or more baseline runs) would allow it", k, m, smallest, alpha, enough));
    }

    public long count(Verdict verdict) {
        return verdicts.stream().filter(v -> v.verdict() == verdict).count();
    }

    /** 2 with any problem, else 1 with a regression (or, strict, an inconclusive key), else 0. */
    public int exitCode() {
        if (!problems.isEmpty()) {
            return EXIT_INVALID;
        }
        if (count(Verdict.REGRESSED) > 0 || (settings.strict() && count(Verdict.INCONCLUSIVE) > 0)) {
            return EXIT_REGRESSED;
        }
        return EXIT_PASS;
    }

    /** One word for the outcome: PASS, FAIL (regression) or INVALID. */
    public String outcome() {
        return switch (exitCode()) {
            case EXIT_PASS -> "PASS";
            case EXIT_REGRESSED -> "FAIL";
            default -> "INVALID";
        };
    }
}
