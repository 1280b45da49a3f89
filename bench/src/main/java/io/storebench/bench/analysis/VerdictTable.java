package io.storebench.bench.analysis;

import io.storebench.stats.Verdict;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.KeyVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-key table of {@code gate} and {@code compare}: baseline and candidate (geometric mean of
 * the per-fork values with its 95 % interval), the change with its 95 % interval, Welch's p, Holm's
 * adjusted p, forks per side and the verdict. As terminal text and as Markdown.
 */
final class VerdictTable {
    private VerdictTable() {
    }

    static TextTable of(GateResult result, boolean showCandidateRun) {
        List<String> header = new ArrayList<>(List.of("verdict", "key"));
        if (showCandidateRun) {
            header.add("candidate run");
        }
        header.addAll(List.of("baseline [95% CI]", "candidate [95% CI]", "change [95% CI]", "p", "Holm p", "forks"));
        boolean[] numeric = new boolean[header.size()];
        for (int i = header.size() - 6; i < header.size(); i++) {
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
                    Figures.p(c.p()), Figures.p(v.holmP()), v.baseline().forks() + "/" + v.candidate().forks()));
            table.add(row);
        }
        return table;
    }

    static String verdict(KeyVerdict v) {
        return v.verdict() == Verdict.INCONCLUSIVE && v.forksNeeded() > 0
                ? v.verdict().label() + " (~" + v.forksNeeded() + " forks)" : v.verdict().label();
    }

    /** The line under the table: what was judged and how. */
    static String legend(GateResult result) {
        var s = result.settings();
        return String.format(Locale.ROOT, "%d keys; floor %s, alpha %s, Holm-adjusted across all keys; values are"
                + " geometric means of one value per fork; change is candidate/baseline - 1", result.verdicts().size(),
                Figures.percent(s.floor()), s.alpha());
    }
}
