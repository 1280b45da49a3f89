package io.storebench.bench.analysis;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.Verdict;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.compare.RunSamples;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.rank.EngineRanking;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's engine-selection section, for a run with several engines: the engines ranked by one
 * metric ({@link EngineRanking}), each with its next engine's change and whether it is significant
 * after Holm, then every pair.
 */
final class RankingSection {
    private RankingSection() {
    }

    /** Adds the section for {@code engines} (those with forks) of {@code record}, ranked by {@code metric}. */
    static void add(ReportDocument doc, RunRecord record, List<EngineRun> engines, KeyMetric metric, double alpha) {
        String what = metric.isLatency() ? metric.label() + " of the slowest operation type (lower is better)"
                : "throughput over all operations (higher is better)";
        doc.heading(1, "Engine selection: " + RunSamples.workload(record) + ", ranked by " + metric.label());
        doc.paragraph("Engines ranked by " + what + ": the geometric mean of one value per fork, with its 95 %"
                + " interval. Every pair of engines is compared with Welch's t-test on the logarithms, confirmed by a"
                + " permutation test, with Holm's correction across all pairs (alpha " + alpha + "); a difference"
                + " that is not significant after Holm is a **tie**.");
        EngineRanking ranking = EngineRanking.of(engines, metric, alpha);
        List<EngineRanking.Entry> ranked = ranking.ranked();

        TextTable table = new TextTable(List.of("rank", "engine", "forks", metric.label() + " [95% CI]",
                "next engine", "next is", "Holm p", "difference"), true, false, true, true, false, true, true, false);
        for (int i = 0; i < ranked.size(); i++) {
            EngineRanking.Entry engine = ranked.get(i);
            String next = i + 1 < ranked.size() ? ranked.get(i + 1).engine() : "";
            Optional<EngineRanking.Pair> pair = ranking.pairWithNext(i);
            String change = pair.map(p -> Figures.change(p.judged().comparison().ratio())).orElse("");
            String holm = pair.map(p -> Figures.p(p.judged().holmP())).orElse("");
            String difference = pair.map(p -> p.significant() ? "significant" : "tie").orElse(next.isEmpty() ? ""
                    : "not tested (fewer than " + RatioComparison.MIN_FORKS + " forks)");
            table.add(Integer.toString(i + 1), engine.engine(), Integer.toString(engine.values().length),
                    interval(metric, engine.interval()), next, change, holm, difference);
        }
        doc.table(table);

        TextTable pairs = new TextTable(List.of("pair (A vs B)", "B / A [95% CI]", "p", "permutation p", "Holm p",
                "difference"), false, true, true, true, true, false);
        for (EngineRanking.Pair pair : ranking.pairs()) {
            RatioComparison c = pair.judged().comparison();
            pairs.add(pair.name(), String.format(Locale.ROOT, "%.3f [%.3f..%.3f]", c.ratio(), c.ratioLower(),
                    c.ratioUpper()), Figures.p(c.p()), Figures.p(c.permutationP()), Figures.p(pair.judged().holmP()),
                    pair.significant() ? "significant" : pair.judged().verdict() == Verdict.INCONCLUSIVE
                            && pair.testsDisagree(alpha) ? "tie (the two tests disagree)" : "tie");
        }
        if (!ranking.pairs().isEmpty()) {
            doc.paragraph("Every pair, " + metric.label() + ":");
            doc.table(pairs);
        }
        doc.bullets(ranking.untested());
    }

    /** The geometric mean and its interval; the mean alone for one fork; n/a when there is none. */
    private static String interval(KeyMetric metric, ConfidenceInterval interval) {
        if (interval == null) {
            return "n/a";
        }
        return interval.n() < 2 ? Figures.value(metric, interval.mean()) : Figures.interval(metric, interval);
    }
}
