package io.storebench.workloads.inspect;

import io.storebench.workloads.Operation;
import io.storebench.workloads.OperationStream;
import io.storebench.workloads.WorkloadRun;
import io.storebench.workloads.WorkloadSpec;
import io.storebench.workloads.distribution.ChiSquare;
import io.storebench.workloads.distribution.KeyDistribution;
import io.storebench.workloads.distribution.Popularity;
import io.storebench.workloads.distribution.TopShares;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Draws operations from a workload (one thread, as the run would) and measures the skew of the
 * keys they choose against the distribution's theory.
 *
 * <p>Each keyed draw is mapped to its popularity rank with {@link KeyDistribution#rankOf}, so the
 * observed shares and the chi-square test compare like with like, without the bias of ranking
 * keys by their own counts. Where a distribution has no item-level ranking ({@code ycsb-zipfian}),
 * keys are ranked by their counts and no p-value is given.
 */
public final class SkewAnalysis {
    /** The most operations one analysis draws (two longs of memory each). */
    public static final long MAX_SAMPLES = 50_000_000L;
    /** Rank bins for the expected number of distinct keys grow by this factor. */
    private static final double BIN_GROWTH = 1.05;

    private SkewAnalysis() {
    }

    public static SkewReport analyze(WorkloadSpec spec, long samples) {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples " + samples + " is out of range; allowed: 1.." + MAX_SAMPLES);
        }
        WorkloadRun run = new WorkloadRun(spec, 1);
        OperationStream stream = run.stream(0);
        KeyDistribution ranker = spec.distribution().create(spec.recordCount());
        long[] items = new long[(int) samples];
        long[] ranks = new long[(int) samples];
        long[] perOperation = new long[Operation.values().length];
        int keyed = 0;
        boolean ranked = true;
        for (long i = 0; i < samples; i++) {
            long available = run.available();
            Operation operation = stream.next();
            perOperation[operation.ordinal()]++;
            if (operation != Operation.INSERT) {
                items[keyed] = stream.ordinal();
                ranks[keyed] = ranker.rankOf(stream.ordinal(), available);
                ranked &= ranks[keyed] >= 0;
                keyed++;
            }
        }
        items = Arrays.copyOf(items, keyed);
        ranks = Arrays.copyOf(ranks, keyed);
        Arrays.sort(items);
        Arrays.sort(ranks);

        Popularity popularity = spec.distribution().popularity(spec.recordCount());
        TopShares theory = popularity.topShares();
        TopShares observed = ranked ? sharesByRank(ranks, spec.recordCount()) : sharesByCount(items, spec.recordCount());
        ChiSquare.Result fit = ranked && keyed > 0 ? ChiSquare.testSortedRanks(ranks, popularity) : null;

        Map<Operation, Double> drawn = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            if (perOperation[operation.ordinal()] > 0) {
                drawn.put(operation, perOperation[operation.ordinal()] / (double) samples);
            }
        }
        return new SkewReport(spec.name(), spec.distribution().describe(), spec.recordCount(), spec.seed(),
                run.fingerprint(), samples, keyed, drawn, spec.mix().asMap(), distinct(items),
                expectedDistinct(popularity, keyed), observed, theory, ranked, fit);
    }

    /** Shares from ranks (sorted): the fraction of draws below each top-k boundary. */
    static TopShares sharesByRank(long[] sortedRanks, long items) {
        if (sortedRanks.length == 0) {
            return new TopShares(0, 0, 0);
        }
        double n = sortedRanks.length;
        return new TopShares(countBelow(sortedRanks, 1) / n,
                countBelow(sortedRanks, TopShares.itemsInTopPercent(items, 1)) / n,
                countBelow(sortedRanks, TopShares.itemsInTopPercent(items, 10)) / n);
    }

    /** Shares from items (sorted), ranking items by how often they were drawn. */
    static TopShares sharesByCount(long[] sortedItems, long items) {
        long[] counts = runLengths(sortedItems);
        Arrays.sort(counts);
        double n = sortedItems.length;
        return n == 0 ? new TopShares(0, 0, 0) : new TopShares(topSum(counts, 1) / n,
                topSum(counts, TopShares.itemsInTopPercent(items, 1)) / n,
                topSum(counts, TopShares.itemsInTopPercent(items, 10)) / n);
    }

    private static long countBelow(long[] sorted, long bound) {
        int index = Arrays.binarySearch(sorted, bound);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == bound) {
            index--;
        }
        return index;
    }

    /** The sum of the {@code k} largest of {@code ascending}. */
    private static long topSum(long[] ascending, long k) {
        long sum = 0;
        for (int i = ascending.length - 1; i >= 0 && ascending.length - i <= k; i--) {
            sum += ascending[i];
        }
        return sum;
    }

    private static long[] runLengths(long[] sorted) {
        long[] counts = new long[sorted.length];
        int runs = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                runs++;
            }
            counts[runs - 1]++;
        }
        return Arrays.copyOf(counts, runs);
    }

    private static long distinct(long[] sorted) {
        return runLengths(sorted).length;
    }

    /**
     * Σ over items of 1 - (1 - p)^draws, over rank bins growing by 5 % with each bin's mean
     * probability (exact for flat bins, within a fraction of a percent on Zipf curves).
     */
    static double expectedDistinct(Popularity popularity, long draws) {
        if (draws == 0) {
            return 0;
        }
        long items = popularity.items();
        double expected = 0;
        long start = 0;
        while (start < items) {
            long end = Math.min(items, Math.max(start + 1, (long) Math.ceil(start * BIN_GROWTH)));
            double mass = popularity.massOfRanks(start, end);
            if (Double.isNaN(mass)) {
                return Double.NaN;
            }
            double p = Math.min(1, mass / (end - start));
            expected += (end - start) * -Math.expm1(draws * Math.log1p(-p));
            start = end;
        }
        return expected;
    }
}
