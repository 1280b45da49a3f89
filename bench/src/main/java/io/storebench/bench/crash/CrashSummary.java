package io.storebench.bench.crash;

import io.storebench.engine.Durability;
import java.util.List;
import java.util.Locale;

/**
 * The trials of one engine under one durability profile, added up, with the verdict: a profile
 * that promises survival of a process crash ({@code strict}, {@code buffered}) fails on any
 * lost, torn, corrupt or unissued write or any store that did not reopen; {@code none} promises
 * nothing, so its findings are reported, never failed.
 *
 * @param killsInBatch trials killed while a batch was in flight
 * @param aimedKills trials whose kill was aimed at background I/O ({@link Aim})
 * @param killsDuringBackground trials whose kill landed during background I/O that was seen
 *     ({@link Background#seen()}: a flush, a compaction, a table-file write, a checkpoint)
 */
public record CrashSummary(String engine, String durability, boolean promised, int trials, long acknowledgedOps,
        long writesChecked, long lost, long tornBatches, long corrupt, long unissued, long failedOpens,
        long killsInBatch, long aimedKills, long killsDuringBackground, Verdict verdict) {

    /** A cell's outcome. */
    public enum Verdict {
        /** Nothing wrong. */
        PASS,
        /** Something wrong where the profile promises it is not. */
        FAIL,
        /** Something wrong under a profile that promises nothing ({@code none}): reported only. */
        REPORTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether {@code durability} promises that a process kill loses no acknowledged write. */
    static boolean promisesProcessCrash(Durability durability) {
        return durability != Durability.NONE;
    }

    /** Trials whose kill moments were not recorded: no aimed kills, none during background I/O. */
    static CrashSummary of(String engine, Durability durability, List<Findings> trials) {
        return of(engine, durability, trials, List.of());
    }

    static CrashSummary of(String engine, Durability durability, List<Findings> trials, List<KillMoment> kills) {
        boolean promised = promisesProcessCrash(durability);
        long acknowledged = 0;
        long checked = 0;
        long lost = 0;
        long torn = 0;
        long corrupt = 0;
        long unissued = 0;
        long failedOpens = 0;
        long inBatch = 0;
        boolean violated = false;
        for (Findings f : trials) {
            acknowledged += f.acknowledged();
            checked += f.writesChecked();
            lost += f.lost();
            torn += f.tornBatches();
            corrupt += f.corrupt();
            unissued += f.unissued();
            failedOpens += f.openFailed() ? 1 : 0;
            inBatch += f.inFlightBatch() ? 1 : 0;
            violated |= f.violated();
        }
        Verdict verdict = !violated ? Verdict.PASS : promised ? Verdict.FAIL : Verdict.REPORTED;
        long aimed = kills.stream().filter(KillMoment::aimed).count();
        long duringBackground = kills.stream().filter(k -> k.during().seen()).count();
        return new CrashSummary(engine, durability.label(), promised, trials.size(), acknowledged, checked, lost, torn,
                corrupt, unissued, failedOpens, inBatch, aimed, duringBackground, verdict);
    }
}
