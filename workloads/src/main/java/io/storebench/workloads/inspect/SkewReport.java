package io.storebench.workloads.inspect;

import io.storebench.workloads.Operation;
import io.storebench.workloads.distribution.ChiSquare;
import io.storebench.workloads.distribution.TopShares;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code inspect} found: the operation mix as drawn and the effective skew of the keys,
 * each beside its theoretical value.
 *
 * @param workload the workload's name
 * @param distribution the distribution as described by its spec, e.g. {@code zipfian(theta=0.99)}
 * @param records the key space the theory is over
 * @param seed the master seed
 * @param fingerprint the workload fingerprint (one thread)
 * @param samples operations drawn
 * @param keyedDraws draws that chose an existing key (every operation but inserts)
 * @param drawnMix share of each operation among the draws
 * @param specMix each operation's proportion in the workload
 * @param distinctKeys distinct keys touched by the keyed draws
 * @param expectedDistinctKeys the expected number of distinct keys for as many draws, from theory
 * @param observed observed shares of the hottest key, top 1 % and top 10 % of keys
 * @param theory their theoretical values (NaN where the theory has none)
 * @param rankedByItem whether observed shares follow the distribution's own ranking (true) or
 *     rank keys by their observed counts (false, for {@code ycsb-zipfian}; biased high when
 *     draws per key are few)
 * @param fit the chi-square test of the draws against the popularity curve, or null where the
 *     distribution has no item-level ranking
 */
public record SkewReport(String workload, String distribution, long records, long seed, String fingerprint,
        long samples, long keyedDraws, Map<Operation, Double> drawnMix, Map<Operation, Double> specMix,
        long distinctKeys, double expectedDistinctKeys, TopShares observed, TopShares theory, boolean rankedByItem,
        ChiSquare.Result fit) {

    /** The text report, for a terminal. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "workload %s, %,d records, distribution %s, seed %d%n", workload,
                records, distribution, seed));
        out.append(String.format(Locale.ROOT, "fingerprint %s (1 thread), %,d operations drawn%n%n", fingerprint,
                samples));
        out.append(String.format(Locale.ROOT, "%-22s %10s %10s%n", "operation", "drawn", "workload"));
        specMix.forEach((operation, proportion) -> out.append(String.format(Locale.ROOT, "%-22s %10.4f %10.4f%n",
                operation.label(), drawnMix.getOrDefault(operation, 0.0), proportion)));
        out.append(String.format(Locale.ROOT, "%n%-34s %12s %12s%n", "keys (" + String.format(Locale.ROOT, "%,d",
                keyedDraws) + " keyed draws)", "observed", "theory"));
        out.append(String.format(Locale.ROOT, "%-34s %,12d %,12.0f%n", "distinct keys touched", distinctKeys,
                expectedDistinctKeys));
        row(out, "share of the hottest key", observed.hottestItem(), theory.hottestItem());
        row(out, "share of the top 1 % of keys", observed.topOnePercent(), theory.topOnePercent());
        row(out, "share of the top 10 % of keys", observed.topTenPercent(), theory.topTenPercent());
        if (!rankedByItem) {
            out.append("  (observed shares rank keys by their own counts: they read high when draws per key are few)\n");
        }
        out.append('\n');
        if (fit == null) {
            out.append("goodness of fit: not available (this distribution folds many ranks onto one key;"
                    + " compare the shares)\n");
        } else {
            out.append(String.format(Locale.ROOT, "goodness of fit: chi-square %.1f, df %d, p = %.3g%n",
                    fit.statistic(), fit.degreesOfFreedom(), fit.pValue()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, double observed, double theory) {
        out.append(String.format(Locale.ROOT, "%-34s %12.4f %12s%n", label, observed,
                Double.isNaN(theory) ? "n/a" : String.format(Locale.ROOT, "%.4f", theory)));
    }

    /** The report as one JSON object on one line (numbers not available are {@code null}), written by Jackson. */
    public String toJson() {
        return SkewJson.write(this);
    }
}
