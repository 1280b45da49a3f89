package io.storebench.bench.crash;

import java.util.List;

/**
 * What the verifier found in a store reopened after a crash, judged against the ops acknowledged
 * before it ({@link CrashJudge}). The verifier prints it as one JSON line; {@code crashcheck.json}
 * holds one per trial.
 *
 * @param acknowledged the ops acknowledged before the kill (ops {@code 0..acknowledged-1})
 * @param writesChecked the acknowledged writes: each put, delete and batch entry of those ops
 * @param inFlight the op issued and not acknowledged when the process died ({@code put #12},
 *     {@code batch #12 of 7 writes}), which may be present or absent, or {@code none}
 * @param inFlightBatch whether that op was a batch: the kill came during a batch
 * @param lost acknowledged writes whose effect is gone: the key holds an older version, or nothing
 *     where an acknowledged put wrote it, or a value an acknowledged delete removed
 * @param tornBatches batches (acknowledged, or the one in flight) of which some writes are in the
 *     store and some are not
 * @param corrupt values that fail their checksum, hold another key's value or differ from the
 *     value their header names
 * @param unissued values (or keys) that no write issued before the kill could have put there
 * @param openFailed whether the store failed to open (then nothing else was checked)
 * @param openError why it failed to open, on one line; empty otherwise
 * @param examples the first problems found, one line each, for the reader (at most
 *     {@value #MAX_EXAMPLES})
 */
public record Findings(long acknowledged, long writesChecked, String inFlight, boolean inFlightBatch, long lost,
        long tornBatches, long corrupt, long unissued, boolean openFailed, String openError, List<String> examples) {
    static final int MAX_EXAMPLES = 10;

    public Findings {
        examples = List.copyOf(examples);
    }

    /** The store did not open: nothing could be checked. */
    static Findings failedOpen(long acknowledged, String inFlight, boolean inFlightBatch, String error) {
        String line = error == null || error.isBlank() ? "no message" : error.strip().lines().findFirst().orElse("");
        return new Findings(acknowledged, 0, inFlight, inFlightBatch, 0, 0, 0, 0, true, line, List.of());
    }

    /** Whether anything is wrong: a lost, torn, corrupt or unissued write, or a store that did not open. */
    public boolean violated() {
        return lost > 0 || tornBatches > 0 || corrupt > 0 || unissued > 0 || openFailed;
    }
}
