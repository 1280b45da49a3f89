package io.storebench.workloads.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storebench.workloads.Operation;
import io.storebench.workloads.distribution.ChiSquare;
import io.storebench.workloads.distribution.TopShares;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkewJsonTest {

    @Test
    void wholeNumbersHaveNoFractionAndNaNIsNull() {
        assertEquals(4500L, SkewJson.number(4500.0));
        assertEquals(0L, SkewJson.number(-0.0));
        assertEquals(0.25, SkewJson.number(0.25));
        assertEquals(1e15, SkewJson.number(1e15));
        assertNull(SkewJson.number(Double.NaN));
        assertNull(SkewJson.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void theJsonReadsBackWithEveryFigureAndOddNamesEscaped() throws Exception {
        Map<Operation, Double> mix = new EnumMap<>(Operation.class);
        mix.put(Operation.READ, 0.5);
        mix.put(Operation.UPDATE, 0.5);
        SkewReport report = new SkewReport("my \"work\"\nload", "uniform", 10, -3, "00ff", 100, 90,
                Map.of(Operation.READ, 0.6), mix, 9, 8.5, new TopShares(0.2, 0.2, 0.5),
                new TopShares(0.1, 0.1, Double.NaN), true, new ChiSquare.Result(3.5, 2, 0.17));
        String json = report.toJson();
        assertTrue(json.startsWith("{\"workload\":\"my \\\"work\\\"\\nload\",\"distribution\":\"uniform\","), json);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertEquals("my \"work\"\nload", tree.get("workload").asText());
        assertEquals(-3, tree.get("seed").asLong());
        assertEquals(0.6, tree.at("/mix/read/drawn").asDouble());
        assertEquals(0, tree.at("/mix/update/drawn").asInt());
        assertTrue(tree.at("/mix/update/drawn").isIntegralNumber());
        assertEquals(9, tree.at("/keys/distinct/observed").asLong());
        assertTrue(tree.at("/keys/top10Percent/theory").isNull());
        assertTrue(tree.at("/keys/rankedByItem").asBoolean());
        assertEquals(2, tree.at("/goodnessOfFit/df").asInt());
        assertEquals(0.17, tree.at("/goodnessOfFit/p").asDouble());
        assertTrue(new ObjectMapper().readTree(new SkewReport("w", "d", 1, 1, "f", 1, 1, Map.of(), Map.of(), 1, 1,
                new TopShares(1, 1, 1), new TopShares(1, 1, 1), false, null).toJson()).get("goodnessOfFit").isNull());
    }
}
