package io.storebench.stats.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When an open-loop fork is saturated: it could not keep the schedule of {@code --rate}, so its
 * latencies, counted from each operation's due time, measure how long operations waited behind one
 * another rather than the engine. A fork is saturated when either threshold is crossed:
 * <ul>
 *   <li>its throughput is below {@link #MIN_ACHIEVED_SHARE} (95 %) of the target rate: it fell
 *       behind by more than 5 % of the schedule, a backlog that grew through every iteration;</li>
 *   <li>more than {@link #MAX_LATE_SHARE} (50 %) of its operations started more than one schedule
 *       interval late ({@link ForkResult#lateOperations()}): then the median operation waited
 *       behind others, and even p50 holds that wait.</li>
 * </ul>
 * An engine is saturated when any of its forks is. One stall (a 1 s pause in a 3 s iteration makes
 * about a third of the operations late) crosses neither: that is what an open loop is there to
 * show in the percentiles, not a rate the engine cannot sustain.
 */
public final class SaturationRule {
    /** Below this share of the target rate, a fork is saturated. */
    public static final double MIN_ACHIEVED_SHARE = 0.95;
    /** Above this share of its operations late, a fork is saturated. */
    public static final double MAX_LATE_SHARE = 0.5;

    private SaturationRule() {
    }

    /** The engine's saturation over {@code forks}; null when none ran open-loop (nothing to judge). */
    public static Saturation of(List<ForkResult> forks) {
        List<ForkResult> open = forks.stream().filter(f -> !f.closedLoop() && f.rate() > 0).toList();
        if (open.isEmpty()) {
            return null;
        }
        List<Saturation.ForkSaturation> judged = open.stream().map(SaturationRule::of).toList();
        double target = open.get(0).rate();
        double achieved = open.stream().mapToDouble(ForkResult::throughput).average().orElse(0);
        long operations = judged.stream().mapToLong(Saturation.ForkSaturation::operations).sum();
        long late = judged.stream().mapToLong(Saturation.ForkSaturation::lateOperations).sum();
        double lateShare = operations == 0 ? 0 : late / (double) operations;
        long saturatedForks = judged.stream().filter(Saturation.ForkSaturation::saturated).count();
        String why = null;
        if (saturatedForks > 0) {
            String reasons = why(achieved / target, lateShare);
            if (reasons == null) { // the forks together kept up: say the first saturated one's
                Saturation.ForkSaturation first = judged.stream().filter(Saturation.ForkSaturation::saturated)
                        .findFirst().orElseThrow();
                reasons = "fork " + first.forkId() + " " + first.why();
            }
            why = saturatedForks + " of " + judged.size() + " forks saturated: " + reasons;
        }
        return new Saturation(target, achieved, achieved / target, operations, late, lateShare, saturatedForks > 0,
                why, judged);
    }

    /** One fork's judgement. */
    static Saturation.ForkSaturation of(ForkResult fork) {
        long operations = fork.operations().stream().mapToLong(o -> o.latency().count()).sum();
        double achievedShare = fork.throughput() / fork.rate();
        double lateShare = operations == 0 ? 0 : fork.lateOperations() / (double) operations;
        String why = why(achievedShare, lateShare);
        return new Saturation.ForkSaturation(fork.forkId(), fork.throughput(), achievedShare, operations,
                fork.lateOperations(), lateShare, why != null, why);
    }

    /** Which thresholds {@code achievedShare} and {@code lateShare} cross, one phrase; null for none. */
    private static String why(double achievedShare, double lateShare) {
        List<String> reasons = new ArrayList<>();
        if (achievedShare < MIN_ACHIEVED_SHARE) {
            reasons.add(String.format(Locale.ROOT, "achieved %.1f %% of the target rate (below %.0f %%)",
                    achievedShare * 100, MIN_ACHIEVED_SHARE * 100));
        }
        if (lateShare > MAX_LATE_SHARE) {
            reasons.add(String.format(Locale.ROOT, "%.2f %% of operations late by more than one interval (over"
                    + " %.0f %%)", lateShare * 100, MAX_LATE_SHARE * 100));
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
