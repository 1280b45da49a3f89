package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.Saturation;
import io.storebench.stats.model.SaturationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engines of an open-loop run that could not keep its rate ({@link SaturationRule}): one
 * {@code SATURATED} line each under the run's closing table, and in the report beneath the table of
 * throughput and latency, with each saturated fork. Nothing for a closed-loop run, an engine that
 * kept its rate, or a run written before saturation was recorded.
 */
public final class SaturationSection {
    /** What a saturated engine's latencies are, said after its figures. */
    static final String CONSEQUENCE = "latencies measure the queue, not the engine";

    private SaturationSection() {
    }

    /**
     * {@code SATURATED: rocksdb: open-loop target 20,000 ops/s, achieved 11,731 (58.7 %), 99.97 % of
     * operations late: latencies measure the queue, not the engine}, one per saturated engine.
     */
    public static List<String> notes(RunRecord record) {
        List<String> notes = new ArrayList<>();
        for (EngineRun engine : record.engines()) {
            Saturation s = engine.saturation();
            if (s != null && s.saturated()) {
                notes.add("SATURATED: " + engine.engine() + ": " + s.describe() + ": " + CONSEQUENCE);
            }
        }
        return notes;
    }

    /** Adds the notes and the saturated forks beneath the table; nothing when no engine is saturated. */
    static void add(ReportDocument doc, RunRecord record) {
        List<String> notes = notes(record);
        if (notes.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>();
        for (String note : notes) {
            items.add("**" + note.replaceFirst(":", ":**"));
        }
        doc.bullets(items);
        doc.paragraph(String.format(Locale.ROOT, "An open-loop fork is saturated when its throughput is below %.0f %%"
                + " of the target rate or more than %.0f %% of its operations started more than one schedule"
                + " interval late: it could not keep the schedule, so its latencies, counted from each operation's"
                + " due time, are mostly time spent waiting behind earlier operations. Run it at a lower `--rate`"
                + " (or closed-loop) to measure the engine. `gate` refuses to compare a saturated run unless given"
                + " `--allow-saturated`.", SaturationRule.MIN_ACHIEVED_SHARE * 100,
                SaturationRule.MAX_LATE_SHARE * 100));
        TextTable table = new TextTable(List.of("engine", "fork", "achieved ops/s", "of target", "late", "why"),
                false, false, true, true, true, false);
        for (EngineRun engine : record.engines()) {
            Saturation s = engine.saturation();
            if (s == null || !s.saturated()) {
                continue;
            }
            for (Saturation.ForkSaturation fork : s.forks()) {
                if (fork.saturated()) {
                    table.add(engine.engine(), fork.forkId(), String.format(Locale.ROOT, "%,.0f", fork.achievedRate()),
                            String.format(Locale.ROOT, "%.1f %%", fork.achievedShare() * 100),
                            String.format(Locale.ROOT, "%.2f %%", fork.lateShare() * 100), fork.why());
                }
            }
        }
        doc.table(table);
    }
}
