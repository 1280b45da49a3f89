package io.storebench.bench.crash;

import java.util.List;
import java.util.Map;

/**
 * {@code crashcheck.json}: the command, its settings, what a process kill cannot show, one
 * summary per engine and profile, and every trial with its findings.
 */
public record CrashCheckFile(int schema, List<String> command, String started, String finished, Settings settings,
        String limits, List<CrashSummary> summaries, List<Trial> trials, int exitCode) {
    public static final int SCHEMA = 2;

    /** The checked settings. */
    public record Settings(List<String> engines, List<String> durabilities, int trials, long seed, long maxDelayMillis,
            int keys, String crash, String aim, String memtables, Map<String, Map<String, String>> engineOptions) {
    }

    /**
     * One trial: its stream's seed, how long after the store opened the writer was killed (asked
     * and as measured), whether the kill was aimed at background I/O and what it landed during
     * ({@link KillMoment}), and what the verifier found. {@code data} is the trial's kept folder,
     * or empty when it was removed.
     */
    public record Trial(String engine, String durability, int trial, long streamSeed, long delayMillis,
            long killedAfterMillis, KillMoment kill, Findings findings, String data) {
    }
}
