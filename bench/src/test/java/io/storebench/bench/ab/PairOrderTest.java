package io.storebench.bench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairOrderTest {
    private static List<PairOrder.Pair> all(PairOrder order) {
        List<PairOrder.Pair> pairs = new ArrayList<>();
        for (PairOrder.Pair p = order.next(); p != null; p = order.next()) {
            pairs.add(p);
        }
        return pairs;
    }

    private static long first(List<PairOrder.Pair> pairs, Side side) {
        return pairs.stream().filter(p -> p.first() == side).count();
    }

    @Test
    void asManyBaselineFirstAsCandidateFirstInASeededOrder() {
        List<PairOrder.Pair> pairs = all(PairOrder.of(10, 1));
        assertEquals(10, pairs.size());
        assertEquals(5, first(pairs, Side.BASELINE));
        assertEquals(5, first(pairs, Side.CANDIDATE));
        assertEquals(pairs, all(PairOrder.of(10, 1)), "the same seed, the same order");
        List<List<Side>> orders = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            orders.add(all(PairOrder.of(10, seed)).stream().map(PairOrder.Pair::first).toList());
        }
        assertNotEquals(1, orders.stream().distinct().count(), "other seeds, other orders");
        List<PairOrder.Pair> odd = all(PairOrder.of(7, 3));
        assertEquals(1, Math.abs(first(odd, Side.BASELINE) - first(odd, Side.CANDIDATE)));
    }

    @Test
    void aDroppedPairIsReplacedWithTheSameFirstSideUpToOnePerPair() {
        PairOrder order = PairOrder.of(6, 1);
        PairOrder.Pair dropped = order.next();
        PairOrder.Pair replacement = order.replace(dropped);
        assertEquals(7, replacement.number());
        assertEquals(dropped.first(), replacement.first());
        assertEquals(7, order.total());
        List<PairOrder.Pair> rest = all(order);
        assertEquals(replacement, rest.get(rest.size() - 1));
        List<PairOrder.Pair> kept = new ArrayList<>(rest);
        assertEquals(3, first(kept, Side.BASELINE), "the five kept plus the replacement stay balanced");
        assertEquals(3, first(kept, Side.CANDIDATE));

        PairOrder few = PairOrder.of(6, 1);
        for (int i = 0; i < 6; i++) {
            few.replace(few.next());
        }
        assertNull(few.replace(few.next()), "six replacements for six pairs, then none");
        assertEquals("p07", new PairOrder.Pair(7, Side.BASELINE).tag());
    }
}
