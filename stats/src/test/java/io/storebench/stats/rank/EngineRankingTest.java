package io.storebench.stats.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.Direction;
import io.storebench.stats.Verdict;
import io.storebench.stats.compare.KeyMetric;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineRankingTest {
    private static final double[] FAST = {200, 210, 190, 205, 195};
    private static final double[] ALSO_FAST = {201, 209, 191, 204, 196};
    private static final double[] SLOW = {100, 105, 95, 102, 98};

    private static Map<String, double[]> samples(Object... nameThenValues) {
        Map<String, double[]> samples = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValues.length; i += 2) {
            samples.put((String) nameThenValues[i], (double[]) nameThenValues[i + 1]);
        }
        return samples;
    }

    @Test
    void throughputRanksTheHighestGeometricMeanFirstWithTheOneGeometricInterval() {
        EngineRanking ranking = EngineRanking.of(samples("slow", SLOW, "fast", FAST), Direction.HIGHER_IS_BETTER,
                0.05);
        assertEquals(List.of("fast", "slow"), ranking.ranked().stream().map(EngineRanking.Entry::engine).toList());
        ConfidenceInterval expected = ConfidenceInterval.geometric95(FAST);
        assertEquals(expected, ranking.ranked().get(0).interval());
        double logs = 0;
        for (double v : FAST) {
            logs += Math.log(v);
        }
        assertEquals(Math.exp(logs / FAST.length), ranking.ranked().get(0).interval().mean(), 1e-9);
        EngineRanking.Pair pair = ranking.pairWithNext(0).orElseThrow();
        assertEquals("fast vs slow", pair.name());
        assertTrue(pair.significant(), pair.toString());
        assertEquals(Verdict.REGRESSED, pair.judged().verdict(), "slow / fast is worse for throughput");
        assertEquals(0.5, pair.judged().comparison().ratio(), 0.02);
        assertTrue(ranking.pairWithNext(1).isEmpty(), "the last engine has no next");
    }

    @Test
    void latencyRanksTheLowestFirst() {
        EngineRanking ranking = EngineRanking.of(samples("fast", FAST, "slow", SLOW), Direction.LOWER_IS_BETTER, 0.05);
        assertEquals("slow", ranking.ranked().get(0).engine());
        assertEquals(Verdict.REGRESSED, ranking.pairs().get(0).judged().verdict(), "the next engine is slower");
        assertTrue(ranking.pairs().get(0).significant());
    }

    @Test
    void closeEnginesTieAndHolmAdjustsAcrossAllPairs() {
        EngineRanking ranking = EngineRanking.of(samples("a", FAST, "b", ALSO_FAST, "c", SLOW),
                Direction.HIGHER_IS_BETTER, 0.05);
        assertEquals(3, ranking.pairs().size(), "every pair, not only neighbours");
        EngineRanking.Pair top = ranking.pairWithNext(0).orElseThrow();
        assertFalse(top.significant(), "a and b differ by noise: a tie");
        assertFalse(top.testsDisagree(0.05));
        for (EngineRanking.Pair pair : ranking.pairs()) {
            assertTrue(pair.judged().holmP() >= pair.judged().comparison().p(), "Holm never lowers a p");
        }
        assertTrue(ranking.untested().isEmpty());
    }

    @Test
    void fewForksAreRankedButNotTested() {
        EngineRanking ranking = EngineRanking.of(samples("one", new double[] {5}, "two", new double[] {3, 4}),
                Direction.HIGHER_IS_BETTER, 0.05);
        assertEquals(List.of("one", "two"), ranking.ranked().stream().map(EngineRanking.Entry::engine).toList());
        assertEquals(5, ranking.ranked().get(0).interval().mean(), 1e-12);
        assertTrue(Double.isNaN(ranking.ranked().get(0).interval().lower()), "one fork: no interval");
        assertTrue(ranking.pairs().isEmpty());
        assertEquals(List.of("one vs two: not tested, a comparison needs at least 5 forks a side; got 1 baseline and 2"
                + " candidate forks"), ranking.untested());
        assertTrue(ranking.pairWithNext(0).isEmpty());
    }

    @Test
    void anEngineWithoutAGeometricMeanRanksLastEitherWay() {
        for (Direction direction : Direction.values()) {
            EngineRanking ranking = EngineRanking.of(samples("zero", new double[] {0, 1, 1, 1, 1}, "slow", SLOW,
                    "fast", FAST), direction, 0.05);
            assertEquals("zero", ranking.ranked().get(2).engine(), direction.toString());
            assertNull(ranking.ranked().get(2).interval());
            assertEquals(2, ranking.untested().size(), "a zero cannot be compared as a ratio");
        }
    }

    @Test
    void enginesAreRankedByTheMetricOfTheirForks() {
        EngineRanking ranking = EngineRanking.of(List.of(engine("slow", SLOW), engine("fast", FAST)),
                KeyMetric.THROUGHPUT, 0.05);
        assertEquals("fast", ranking.ranked().get(0).engine());
        assertEquals(Direction.HIGHER_IS_BETTER, ranking.direction());
    }

    private static EngineRun engine(String name, double[] throughputs) {
        List<ForkResult> forks = java.util.Arrays.stream(throughputs).mapToObj(t -> new ForkResult(name, name + t, 1,
                "none", "f", true, 0, null, t, List.of(t), List.of(), null, 0, 0, 0, null, null, null, null)).toList();
        return new EngineRun(name, "", List.of(), "none", null, null, forks);
    }
}
