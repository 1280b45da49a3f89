package io.storebench.stats.model;

import java.util.Objects;

/**
 * What crossing an engine's language boundary cost in one fork. An engine behind such a boundary
 * (the Go engines) times each of its calls on the far side, so its latencies exclude the boundary;
 * this is the cost they exclude, measured beside them: gets of the boundary's baseline (which
 * crosses the same boundary and does nothing there) against gets of the {@code null} baseline, in
 * alternating blocks. Null in a fork of an engine without such a boundary, and in runs written
 * before the harness measured it.
 *
 * @param baseline the baseline that crosses the same boundary, e.g. {@code go-null}
 * @param crossing how the engine is reached, as the engine describes its client path
 * @param callNanos the boundary's cost per call: the baseline's mean time per get less the
 *     {@code null} baseline's, the mean over blocks of the difference
 * @param callNanosLow the lower bound of the 95 % interval of {@code callNanos} over blocks; null
 *     with fewer than two blocks
 * @param callNanosHigh its upper bound; null with fewer than two blocks
 * @param baselineCallNanos the baseline's mean time per get, around the call (harness and boundary)
 * @param nullCallNanos the {@code null} baseline's mean time per get: the harness's own
 * @param observedNanosPerOperation the time outside the engine per operation during this fork's
 *     measurement iterations (time around the operation less the engine's own time and any
 *     injected delay; operations that failed not counted): the boundary and the adapter as
 *     observed under the workload; null when no operation succeeded
 * @param method how {@code callNanos} was measured, in words
 */
public record BoundaryCost(String baseline, String crossing, double callNanos, Double callNanosLow,
        Double callNanosHigh, double baselineCallNanos, double nullCallNanos, Double observedNanosPerOperation,
        String method) {

    public BoundaryCost {
        Objects.requireNonNull(baseline, "baseline");
    }
}
