package io.storebench.stats.rank;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.Direction;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.Verdict;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.model.EngineRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Engines ranked by one metric, from one value per fork each: ordered by the geometric mean
 * ({@link ConfidenceInterval#geometric95}, with its 95 % interval), and every pair of engines
 * compared as a ratio ({@link RatioComparison}: Welch's t on the logarithms, confirmed by a
 * permutation test) with Holm's correction across all pairs. A difference that is not significant
 * after Holm is a tie.
 *
 * <pre>{@code
 * EngineRanking ranking = EngineRanking.of(engines, KeyMetric.THROUGHPUT, 0.05);
 * ranking.ranked().get(0).engine();          // the best engine
 * ranking.pairWithNext(0).map(Pair::significant);
 * }</pre>
 *
 * @param direction which way is better
 * @param alpha the family-wise false-positive rate of the pairwise comparisons
 * @param ranked the engines, best first
 * @param pairs every pair that could be tested, in rank order (first of the pair ranked above the second)
 * @param untested one line per pair that could not be tested, saying why
 */
public record EngineRanking(Direction direction, double alpha, List<Entry> ranked, List<Pair> pairs,
        List<String> untested) {

    /**
     * One engine's place.
     *
     * @param engine its name
     * @param values its per-fork values of the metric
     * @param interval the geometric mean and its 95 % interval; null when a value is zero, negative or
     *     not finite (there is no geometric mean then; such engines rank last)
     */
    public record Entry(String engine, double[] values, ConfidenceInterval interval) {
    }

    /**
     * Two engines compared, the first ranked above the second.
     *
     * @param judged the ratio second / first, with its Holm-adjusted p and verdict
     */
    public record Pair(String first, String second, RatioComparison.Judged judged) {
        /** {@code "first vs second"}. */
        public String name() {
            return first + " vs " + second;
        }

        /** Significant after Holm, and both tests agree. */
        public boolean significant() {
            return judged.verdict() == Verdict.REGRESSED || judged.verdict() == Verdict.IMPROVED;
        }

        /** Welch's test and the permutation test fall on different sides of {@code alpha}. */
        public boolean testsDisagree(double alpha) {
            RatioComparison c = judged.comparison();
            return (c.p() < alpha) != (c.permutationP() < alpha);
        }
    }

    /** Ranks {@code engines} (those with forks) by {@code metric}'s value per fork. */
    public static EngineRanking of(List<EngineRun> engines, KeyMetric metric, double alpha) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (EngineRun engine : engines) {
            values.put(engine.engine(), engine.forks().stream().mapToDouble(metric::value).toArray());
        }
        return of(values, metric.direction(), alpha);
    }

    /**
     * Ranks named samples; engines with equal geometric means keep the order of {@code values}.
     *
     * @param values per engine, in a stable order, its per-fork values
     */
    public static EngineRanking of(Map<String, double[]> values, Direction direction, double alpha) {
        List<Entry> ranked = new ArrayList<>();
        values.forEach((engine, forks) -> ranked.add(new Entry(engine, forks.clone(), geometric(forks))));
        Comparator<Entry> byMean = Comparator.comparingDouble(e -> e.interval().mean());
        Comparator<Entry> better = direction == Direction.HIGHER_IS_BETTER ? byMean.reversed() : byMean;
        ranked.sort((a, b) -> a.interval() == null || b.interval() == null
                ? Boolean.compare(a.interval() == null, b.interval() == null) : better.compare(a, b));

        List<String[]> names = new ArrayList<>();
        List<RatioComparison> family = new ArrayList<>();
        List<String> untested = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                Entry a = ranked.get(i);
                Entry b = ranked.get(j);
                try {
                    family.add(RatioComparison.of(a.values(), b.values()));
                    names.add(new String[] {a.engine(), b.engine()});
                } catch (IllegalArgumentException e) {
                    untested.add(a.engine() + " vs " + b.engine() + ": not tested, " + e.getMessage());
                }
            }
        }
        List<RatioComparison.Judged> judged = RatioComparison.judge(family,
                family.stream().map(c -> direction).toList(), 0, alpha);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            pairs.add(new Pair(names.get(i)[0], names.get(i)[1], judged.get(i)));
        }
        return new EngineRanking(direction, alpha, List.copyOf(ranked), List.copyOf(pairs), List.copyOf(untested));
    }

    /** The pair of the engine ranked {@code index} (0 = best) and the next one, when it was tested. */
    public Optional<Pair> pairWithNext(int index) {
        if (index + 1 >= ranked.size()) {
            return Optional.empty();
        }
        String first = ranked.get(index).engine();
        String second = ranked.get(index + 1).engine();
        return pairs.stream().filter(p -> p.first().equals(first) && p.second().equals(second)).findFirst();
    }

    private static ConfidenceInterval geometric(double[] values) {
        try {
            return ConfidenceInterval.geometric95(values);
        } catch (IllegalArgumentException noGeometricMean) {
            return null;
        }
    }
}
