package io.storebench.bench.analysis;

import io.storebench.stats.Design;
import io.storebench.stats.RatioComparison;
import java.util.stream.Collectors;

import io.storebench.stats.Verdict;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.KeyVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-key table of {@code gate} and {@code compare}: baseline and candidate (geometric mean of
 * the per-fork values with its 95 % interval), the change with its 95 % interval, the t test's p,
 * the permutation p (and whether it was exact or sampled), Holm's adjusted p, forks (or pairs, or
 * runs) per side and the verdict, marked when it rests on zero variance. As terminal text and as
 * Markdown.
 */
public final class VerdictTable {
    private VerdictTable() {
    }

    public static TextTable of(GateResult result, boolean showCandidateRun) {
        List<String> header = new ArrayList<>(List.of("verdict", "key"));
        if (showCandidateRun) {
            header.add("candidate run");
        }
        header.addAll(List.of("baseline [95% CI]", "candidate [95% CI]", "change [95% CI]", "p", "perm. p", "Holm p",
                units(result)));
        boolean[] numeric = new boolean[header.size()];
        for (int i = header.size() - 7; i < header.size(); i++) {
            numeric[i] = true;
        }
        TextTable table = new TextTable(header, numeric);
        for (KeyVerdict v : result.verdicts()) {
            List<String> row = new ArrayList<>(List.of(verdict(v), v.key().label()));
            if (showCandidateRun) {
                row.add(v.candidateRun());
            }
            var c = v.comparison();
            row.addAll(List.of(Figures.interval(v.key().metric(), c.baseline()),
                    Figures.interval(v.key().metric(), c.candidate()),
                    Figures.change(c.ratio()) + " [" + Figures.change(c.ratioLower()) + ", "
                            + Figures.change(c.ratioUpper()) + "]",
                    Figures.p(c.p()), permutation(c), Figures.p(v.holmP()),
                    c.design() == Design.PAIRS ? String.valueOf(v.baseline().forks())
                            : v.baseline().forks() + "/" + v.candidate().forks()));
            table.add(row);
        }
        return table;
    }

    static String verdict(KeyVerdict v) {
        String label = v.verdict() == Verdict.INCONCLUSIVE && v.forksNeeded() > 0
                ? v.verdict().label() + " (~" + v.forksNeeded() + " " + unit(v.comparison().design()) + ")"
                : v.verdict().label();
        return v.comparison().zeroVariance() ? label + " (zero variance)" : label;
    }

    /** The permutation p and how it was found: {@code 0.0020 exact}, {@code 0.0031 sampled}, or {@code n/a}. */
    static String permutation(RatioComparison c) {
        return c.hasPermutation() ? Figures.p(c.permutationP()) + (c.permutationExact() ? " exact" : " sampled")
                : "n/a";
    }

    private static String unit(Design design) {
        return switch (design) {
            case FORKS -> "forks";
            case PAIRS -> "pairs";
            case RUNS -> "runs";
        };
    }

    /** The last column's header: forks (per side), pairs, or runs, by the designs in the table. */
    private static String units(GateResult result) {
        List<String> units = result.verdicts().stream().map(v -> unit(v.comparison().design())).distinct().toList();
        return units.size() == 1 ? units.get(0) : "n";
    }

    /** The line under the table: what was judged and how. */
    public static String legend(GateResult result) {
        var s = result.settings();
        String designs = result.verdicts().stream().map(v -> v.comparison().design()).distinct()
                .map(d -> d.label() + " (" + d.description() + ")").collect(Collectors.joining("; "));
        boolean runs = result.verdicts().stream().anyMatch(v -> v.comparison().design() == Design.RUNS);
        String line = String.format(Locale.ROOT, "%d keys; floor %s, alpha %s, Holm-adjusted across all keys; values"
                + " are geometric means of %s; change is candidate/baseline - 1; design: %s",
                result.verdicts().size(), Figures.percent(s.floor()), s.alpha(), runs
                        ? "one value per run (each the geometric mean of its forks)" : "one value per fork", designs);
        long zero = result.verdicts().stream().filter(v -> v.comparison().zeroVariance()).count();
        return zero == 0 ? line : line + "; " + zero + " key(s) rest on zero variance (constant values, e.g. one"
                + " HdrHistogram bucket): their p is 0 or 1 by decision, not estimated";
    }
}
