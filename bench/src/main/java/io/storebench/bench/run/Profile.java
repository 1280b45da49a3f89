package io.storebench.bench.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Run profiles: how many forks and iterations a run has unless options say otherwise. */
public enum Profile {
    /** For tests: 5 forks, 1 x 1 s warm-up, 2 x 1 s measurement. */
    SMOKE(5, 1, 1_000, 2, 1_000),
    /** The default: 5 forks, 1 x 1 s warm-up, 3 x 1 s measurement. */
    QUICK(5, 1, 1_000, 3, 1_000),
    /** For a CI gate: 10 forks, 2 x 1 s warm-up, 5 x 1 s measurement. */
    CI(10, 2, 1_000, 5, 1_000),
    /** For decisions: 20 forks, 3 x 2 s warm-up, 5 x 5 s measurement. */
    THOROUGH(20, 3, 2_000, 5, 5_000);

    private final int forks;
    private final int warmupIterations;
    private final long warmupMillis;
    private final int iterations;
    private final long iterationMillis;

    Profile(int forks, int warmupIterations, long warmupMillis, int iterations, long iterationMillis) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.iterations = iterations;
        this.iterationMillis = iterationMillis;
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public long warmupMillis() {
        return warmupMillis;
    }

    public int iterations() {
        return iterations;
    }

    public long iterationMillis() {
        return iterationMillis;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d forks, %d x %s warm-up, %d x %s measurement", forks, warmupIterations,
                Durations.format(warmupMillis * 1_000_000), iterations, Durations.format(iterationMillis * 1_000_000));
    }

    public static Profile parse(String text) {
        for (Profile profile : values()) {
            if (profile.label().equalsIgnoreCase(text.trim())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + text + "'; allowed: "
                + Arrays.stream(values()).map(Profile::label).collect(Collectors.joining(", ")));
    }
}
