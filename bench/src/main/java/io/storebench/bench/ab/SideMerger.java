package io.storebench.bench.ab;

import io.storebench.bench.analysis.RunReader;
import io.storebench.bench.analysis.RunReport;
import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SaturationRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers one side's one-fork runs (one per pair) into one run folder: {@code run.json},
 * {@code forks/}, {@code hdr/} and the report, so {@code report}, {@code compare} and {@code gate}
 * read a side like any run; its run id is {@code EXPERIMENT-SIDE} (the experiment folder's name
 * and the side). Each fork is renamed {@code ENGINE-TAG} after its pair ({@code p03}),
 * the name {@link io.storebench.stats.compare.PairedRuns} pairs by.
 */
final class SideMerger {
    private SideMerger() {
    }

    /** One pair's run of this side. */
    record PairRun(String tag, Path folder) {
    }

    /** A pair's run that is not a run StoreBench can read. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    /**
     * Writes the side's folder from {@code runs} (in pair order).
     *
     * @param missing what the side lacks (dropped pairs), one line each; the run is complete without
     */
    static RunRecord merge(Path folder, List<String> command, List<PairRun> runs, List<String> missing)
            throws IOException, Unusable {
        if (runs.isEmpty()) {
            throw new Unusable(folder.getFileName() + ": no pair finished");
        }
        Files.createDirectories(folder.resolve("forks"));
        Files.createDirectories(folder.resolve("hdr"));
        RunRecord first = null;
        Map<String, EngineRun> engines = new LinkedHashMap<>();
        Map<String, List<ForkResult>> forks = new LinkedHashMap<>();
        for (PairRun run : runs) {
            RunRecord record;
            try {
                record = RunReader.read(run.folder());
            } catch (RunReader.Unreadable | RunReader.Invalid e) {
                throw new Unusable("pair " + run.tag() + ": " + e.getMessage());
            }
            if (first == null) {
                first = record;
            }
            for (EngineRun engine : record.engines()) {
                engines.putIfAbsent(engine.engine(), engine);
                for (ForkResult fork : engine.forks()) {
                    String id = engine.engine() + "-" + run.tag();
                    Path log = run.folder().resolve("hdr").resolve(fork.forkId() + ".hlog");
                    if (Files.exists(log)) {
                        Files.copy(log, folder.resolve("hdr").resolve(id + ".hlog"),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    ForkResult renamed = fork.withForkId(id);
                    JsonFiles.write(folder.resolve("forks").resolve(id + ".json"), renamed);
                    forks.computeIfAbsent(engine.engine(), e -> new ArrayList<>()).add(renamed);
                }
            }
        }
        List<EngineRun> merged = new ArrayList<>();
        for (EngineRun engine : engines.values()) {
            // judged anew over the side's forks (a pair's run from an older jar records none)
            List<ForkResult> mine = List.copyOf(forks.getOrDefault(engine.engine(), List.of()));
            merged.add(new EngineRun(engine.engine(), engine.description(), engine.capabilities(),
                    engine.durability(), engine.profile(), engine.versions(), mine, List.of(),
                    SaturationRule.of(mine)));
        }
        // "EXPERIMENT-baseline": unique across experiments, so sides of several experiments can be compared
        String runId = folder.toAbsolutePath().getParent().getFileName() + "-" + folder.getFileName();
        RunRecord record = new RunRecord(RunRecord.SCHEMA, runId, first.createdAt(),
                command, first.options(), first.settings() == null ? null : first.settings().withForks(runs.size()),
                first.environment(), merged, missing.isEmpty(), List.copyOf(missing));
        JsonFiles.write(folder.resolve("run.json"), record);
        RunReport.write(folder, record, RunReport.DEFAULT_RANKING);
        return record;
    }
}
