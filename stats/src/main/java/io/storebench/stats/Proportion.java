package io.storebench.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A proportion of successes in independent trials with its exact (Clopper–Pearson) interval: how
 * {@code calibrate} reports a false-positive rate or a power from a handful of experiments, where
 * a normal approximation would give bounds below 0.
 *
 * @param successes trials that came out positive
 * @param trials all trials
 * @param lower the interval's lower bound (0 with no successes)
 * @param upper the interval's upper bound (1 with no failures)
 * @param level the confidence level
 */
public record Proportion(int successes, int trials, double lower, double upper, double level) {

    public static Proportion of(int successes, int trials, double level) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " of " + trials + " is not a proportion");
        }
        double tail = (1 - level) / 2;
        double lower = successes == 0 ? 0
                : new BetaDistribution(successes, trials - successes + 1).inverseCumulativeProbability(tail);
        double upper = successes == trials ? 1
                : new BetaDistribution(successes + 1, trials - successes).inverseCumulativeProbability(1 - tail);
        return new Proportion(successes, trials, lower, upper, level);
    }

    public double rate() {
        return (double) successes / trials;
    }
}
