package io.storebench.stats.model;

import java.util.List;
import java.util.Locale;

/**
 * Whether an engine's open-loop run kept its schedule ({@code run --rate N}), as {@link SaturationRule}
 * judged it: {@code engines[].saturation} in {@code run.json}, null for a closed-loop run and in runs
 * written before it existed (then whether the rate was kept is not known). A saturated run's
 * latencies measure the queue of operations waiting for their turn, not the engine.
 *
 * @param targetRate the schedule, operations per second over all threads ({@code --rate})
 * @param achievedRate the throughput achieved, the mean of the forks'
 * @param achievedShare {@code achievedRate / targetRate}
 * @param operations the measured operations of every fork
 * @param lateOperations those more than one schedule interval late, every fork
 * @param lateShare {@code lateOperations / operations}
 * @param saturated whether any fork was saturated
 * @param why what crossed which threshold, one line; null when not saturated
 * @param forks each fork's figures and judgement, in the engine's fork order
 */
public record Saturation(double targetRate, double achievedRate, double achievedShare, long operations,
        long lateOperations, double lateShare, boolean saturated, String why, List<ForkSaturation> forks) {

    public Saturation {
        forks = forks == null ? List.of() : List.copyOf(forks);
    }

    /**
     * One fork's figures and judgement.
     *
     * @param forkId the fork
     * @param achievedRate its throughput
     * @param achievedShare its throughput / the target rate
     * @param operations its measured operations
     * @param lateOperations those more than one schedule interval late
     * @param lateShare {@code lateOperations / operations}
     * @param saturated whether it crossed a threshold of {@link SaturationRule}
     * @param why which, one line; null when not saturated
     */
    public record ForkSaturation(String forkId, double achievedRate, double achievedShare, long operations,
            long lateOperations, double lateShare, boolean saturated, String why) {
    }

    /** The forks that were saturated. */
    public long saturatedForks() {
        return forks.stream().filter(ForkSaturation::saturated).count();
    }

    /**
     * The figures in one phrase: {@code open-loop target 20,000 ops/s, achieved 11,731 (58.7 %), 99.97 % of
     * operations late}, with {@code (2 of 5 forks saturated)} when not every fork was.
     */
    public String describe() {
        long saturatedForks = saturatedForks();
        return String.format(Locale.ROOT, "open-loop target %,.0f ops/s, achieved %,.0f (%.1f %%), %.2f %% of"
                + " operations late", targetRate, achievedRate, achievedShare * 100, lateShare * 100)
                + (saturated && saturatedForks < forks.size()
                        ? " (" + saturatedForks + " of " + forks.size() + " forks saturated)" : "");
    }
}
