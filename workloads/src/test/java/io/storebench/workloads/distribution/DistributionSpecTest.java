package io.storebench.workloads.distribution;

import static io.storebench.workloads.distribution.PopularityTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names, defaults, and every bad input refused with a message naming the value and the range. */
class DistributionSpecTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(DistributionKind.class)
    void labelsAreLowerCaseDashedAndParseBack(DistributionKind kind) {
        assertEquals(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), kind.label());
        assertEquals(kind, DistributionKind.parse(kind.label()));
        assertEquals(kind, DistributionKind.parse(" " + kind.label().toUpperCase(Locale.ROOT) + " "));
        assertEquals(kind, DistributionSpec.defaults(kind).kind());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"zipf", "", "scrambled_zipfian", "hot spot"})
    void unknownNamesAreRefusedListingTheAllowedOnes(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistributionKind.parse(name));
        assertMessage(e, "'" + name + "'", "allowed: uniform, sequential, exponential, zipfian, "
                + "scrambled-zipfian, ycsb-zipfian, hotspot, latest");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> DistributionKind.parse(null)),
                "null", "allowed:");
    }

    @Test
    void defaultsAreYcsbs() {
        assertEquals(0.99, DistributionSpec.zipfian().theta());
        assertEquals(0.99, DistributionSpec.latest().theta());
        assertEquals(0.99, DistributionSpec.ycsbZipfian().theta());
        assertEquals(0.2, DistributionSpec.hotspot().hotSetFraction());
        assertEquals(0.8, DistributionSpec.hotspot().hotOpFraction());
        assertEquals(95, DistributionSpec.exponential().exponentialPercentile());
        assertEquals(0.8571428571, DistributionSpec.exponential().exponentialFraction());
        assertEquals(1.5, DistributionSpec.scrambledZipfian(1.5).theta());
        assertEquals(DistributionKind.SCRAMBLED_ZIPFIAN, DistributionSpec.scrambledZipfian().kind());
        assertEquals(DistributionKind.SEQUENTIAL, DistributionSpec.sequential().kind());
        assertEquals(DistributionKind.UNIFORM, DistributionSpec.uniform().kind());
    }

    @Test
    void describeNamesTheParametersAKindUses() {
        assertEquals("uniform", DistributionSpec.uniform().describe());
        assertEquals("zipfian(theta=1.2)", DistributionSpec.zipfian(1.2).describe());
        assertEquals("latest(theta=0.99)", DistributionSpec.latest().describe());
        assertEquals("hotspot(hot-set=0.1, hot-ops=0.9)", DistributionSpec.hotspot(0.1, 0.9).describe());
        assertEquals("exponential(percentile=95.0, fraction=0.8571428571)", DistributionSpec.exponential().describe());
    }

    @Test
    void withersKeepTheOtherParameters() {
        DistributionSpec spec = DistributionSpec.hotspot(0.1, 0.9).withTheta(2.0).withKind(DistributionKind.ZIPFIAN);
        assertEquals(new DistributionSpec(DistributionKind.ZIPFIAN, 2.0, 0.1, 0.9, 95, 0.8571428571), spec);
        assertEquals(0.5, spec.withExponential(50, 0.5).exponentialFraction());
    }

    @ParameterizedTest(name = "theta {0}")
    @ValueSource(doubles = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void badThetaIsRefused(double theta) {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> DistributionSpec.zipfian(theta)),
                "theta " + theta + " is out of range", "allowed: > 0 (any θ > 0, θ = 1 included)");
    }

    @Test
    void ycsbZipfianTakesOnlyItsOwnTheta() {
        assertMessage(assertThrows(IllegalArgumentException.class,
                        () -> DistributionSpec.ycsbZipfian().withTheta(0.5)),
                "theta 0.5", "ycsb-zipfian", "allowed: 0.99 only");
        assertMessage(assertThrows(IllegalArgumentException.class,
                        () -> DistributionSpec.zipfian(1.2).withKind(DistributionKind.YCSB_ZIPFIAN)),
                "theta 1.2", "allowed: 0.99 only");
    }

    @ParameterizedTest(name = "hot set {0}")
    @ValueSource(doubles = {0.0, -0.1, 1.0000001, 2, Double.NaN})
    void badHotSetFractionIsRefused(double fraction) {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> DistributionSpec.hotspot(fraction, 0.8)),
                "hot-set fraction " + fraction + " is out of range", "allowed: (0, 1]");
    }

    @ParameterizedTest(name = "hot ops {0}")
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN, Double.NEGATIVE_INFINITY})
    void badHotOpFractionIsRefused(double fraction) {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> DistributionSpec.hotspot(0.2, fraction)),
                "hot-op fraction " + fraction + " is out of range", "allowed: [0, 1]");
    }

    @ParameterizedTest(name = "percentile {0}")
    @ValueSource(doubles = {0, 100, -5, 150, Double.NaN})
    void badExponentialPercentileIsRefused(double percentile) {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> DistributionSpec.exponential(percentile, 0.5)),
                "exponential percentile " + percentile + " is out of range", "allowed: (0, 100)");
    }

    @ParameterizedTest(name = "fraction {0}")
    @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN})
    void badExponentialFractionIsRefused(double fraction) {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> DistributionSpec.exponential(95, fraction)),
                "exponential fraction " + fraction + " is out of range", "allowed: (0, 1]");
    }

    @Test
    void kindIsRequired() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new DistributionSpec(null, 0.99, 0.2, 0.8, 95, 0.5));
        assertEquals("kind", e.getMessage());
    }

    @ParameterizedTest(name = "items {0}")
    @ValueSource(longs = {0, -5, Long.MIN_VALUE, (1L << 48) + 1, Long.MAX_VALUE})
    void badItemCountsAreRefusedEverywhere(long items) {
        for (DistributionKind kind : DistributionKind.values()) {
            DistributionSpec spec = DistributionSpec.defaults(kind);
            for (Runnable call : new Runnable[] {() -> spec.create(items), () -> spec.popularity(items),
                    () -> spec.theory(items)}) {
                assertMessage(assertThrows(IllegalArgumentException.class, call::run),
                        "items " + items + " is out of range", "allowed: 1 to 281474976710656 (2^48)");
            }
        }
    }

    @Test
    void extremeButValidParametersAreAccepted() {
        assertTrue(DistributionSpec.zipfian(1e-9).create(10).items() == 10);
        assertTrue(DistributionSpec.zipfian(1e6).create(10).items() == 10);
        assertEquals(1, DistributionSpec.hotspot(1.0, 0.0).create(1).items());
        assertEquals(DistributionSpec.MAX_ITEMS, DistributionSpec.uniform().create(DistributionSpec.MAX_ITEMS).items());
    }
}
