package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * The HdrHistogram interval logs of a run folder ({@code hdr/<fork-id>.hlog}): one interval per
 * operation type per measurement iteration, tagged with the operation, in nanoseconds.
 */
final class HdrLogs {
    private HdrLogs() {
    }

    /**
     * One interval of one fork.
     *
     * @param startMillis wall-clock start, milliseconds since the epoch
     * @param endMillis wall-clock end
     */
    record Interval(String operation, long startMillis, long endMillis, Histogram histogram) {
    }

    /** The intervals of a fork, in log order; empty when the fork has no log (another tool's run). */
    static List<Interval> read(Path runFolder, String forkId) throws IOException {
        Path file = runFolder.resolve("hdr").resolve(forkId + ".hlog");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>();
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(file.toString());
        } catch (FileNotFoundException e) {
            return List.of();
        }
        try {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (next instanceof Histogram histogram) {
                    intervals.add(new Interval(next.getTag() == null ? "all" : next.getTag(),
                            next.getStartTimeStamp(), next.getEndTimeStamp(), histogram));
                }
            }
        } catch (RuntimeException e) {
            // A log cut short by an interrupted fork: keep the intervals read so far.
        } finally {
            reader.close();
        }
        return intervals;
    }

    /**
     * The logs of a run's forks, read once for the whole report: engine, then fork, then its
     * intervals; forks without a log, and engines with none, are left out.
     */
    static Map<String, Map<ForkResult, List<Interval>>> read(Path runFolder, List<EngineRun> engines)
            throws IOException {
        Map<String, Map<ForkResult, List<Interval>>> logs = new LinkedHashMap<>();
        for (EngineRun engine : engines) {
            Map<ForkResult, List<Interval>> forks = new LinkedHashMap<>();
            for (ForkResult fork : engine.forks()) {
                List<Interval> intervals = read(runFolder, fork.forkId());
                if (!intervals.isEmpty()) {
                    forks.put(fork, intervals);
                }
            }
            if (!forks.isEmpty()) {
                logs.put(engine.engine(), forks);
            }
        }
        return logs;
    }

    /** When a fork's first measurement interval began (epoch ms): the origin of its time line; needs an interval. */
    static long origin(List<Interval> fork) {
        return fork.stream().mapToLong(Interval::startMillis).min().orElseThrow();
    }

    /** All intervals of the given forks merged per operation, in first-seen order. */
    static Map<String, Histogram> mergedByOperation(List<List<Interval>> forks) {
        Map<String, Histogram> merged = new LinkedHashMap<>();
        for (List<Interval> fork : forks) {
            for (Interval interval : fork) {
                merged.computeIfAbsent(interval.operation(), o -> new Histogram(3)).add(interval.histogram());
            }
        }
        return merged;
    }

    /**
     * One fork's intervals with every operation type merged: one interval per measurement
     * iteration, tagged {@code all}, in log order.
     */
    static List<Interval> mergedByTime(List<Interval> fork) {
        Map<Long, Interval> merged = new LinkedHashMap<>();
        for (Interval interval : fork) {
            merged.computeIfAbsent(interval.startMillis(), start -> new Interval("all", start, interval.endMillis(),
                    new Histogram(3))).histogram().add(interval.histogram());
        }
        return List.copyOf(merged.values());
    }
}
