package io.storebench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperationMixTest {
    @Test
    void proportionsThatDoNotSumToOneAreRefusedWithTheSum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OperationMix(0.5, 0.4, 0, 0, 0, 0));
        assertTrue(e.getMessage().contains("sum to 0.9") && e.getMessage().contains("not 1"), e.getMessage());
    }

    @Test
    void aProportionOutsideZeroToOneIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OperationMix(1.5, -0.5, 0, 0, 0, 0));
        assertEquals("read proportion 1.5 is out of range; allowed: 0..1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OperationMix(Double.NaN, 1, 0, 0, 0, 0));
    }

    @Test
    void choiceFollowsTheProportions() {
        OperationMix mix = new OperationMix(0.4, 0.3, 0.1, 0.1, 0.05, 0.05);
        OperationMix.Chooser chooser = mix.chooser();
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        SplittableRandom random = new SplittableRandom(1);
        int draws = 1_000_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(chooser.choose(random.nextDouble()), 1, Integer::sum);
        }
        for (Operation operation : Operation.values()) {
            double expected = mix.proportion(operation) * draws;
            double sd = Math.sqrt(expected * (1 - mix.proportion(operation)));
            assertEquals(expected, counts.getOrDefault(operation, 0), 5 * sd, operation.label());
        }
    }

    @Test
    void absentOperationsAreNeverChosenEvenAtTheEdges() {
        OperationMix.Chooser readOnly = new OperationMix(1, 0, 0, 0, 0, 0).chooser();
        assertEquals(Operation.READ, readOnly.choose(0));
        assertEquals(Operation.READ, readOnly.choose(Math.nextDown(1.0)));
        OperationMix.Chooser scans = OperationMix.of(Map.of(Operation.SCAN, 0.95, Operation.INSERT, 0.05)).chooser();
        assertEquals(Operation.INSERT, scans.choose(0.01));
        assertEquals(Operation.SCAN, scans.choose(Math.nextDown(1.0)));
        OperationMix.Chooser thirds = new OperationMix(0.1, 0.2, 0.3, 0.4, 0, 0).chooser(); // sums to 1 - 1e-16
        assertEquals(Operation.SCAN, thirds.choose(Math.nextDown(1.0)));
    }
}
