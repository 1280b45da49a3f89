package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.Unavailability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's "Errors and unavailability" section, present only when a fork had failed
 * operations: per such fork, the errors by operation, the windows in which operations failed
 * (seconds since the fork's first measurement interval, as on the p99 timeline) and the first error.
 */
final class ErrorsSection {
    private ErrorsSection() {
    }

    /**
     * Adds the section for the forks of {@code engines} with errors; nothing when there are none.
     *
     * @param logs each fork's HdrHistogram intervals by engine ({@link HdrLogs#read}), for the time origin
     */
    static void add(ReportDocument doc, List<EngineRun> engines,
            Map<String, Map<ForkResult, List<HdrLogs.Interval>>> logs) {
        List<ForkResult> failing = engines.stream().flatMap(e -> e.forks().stream()).filter(f -> f.errors() > 0)
                .toList();
        if (failing.isEmpty()) {
            return;
        }
        doc.heading(1, "Errors and unavailability");
        doc.paragraph("Failed operations are counted and the run goes on; their latency (up to the failure) is in the"
                + " histograms. A window of unavailability runs from the end of the last operation that succeeded"
                + " before a failure to the end of the first one that succeeded after it (\"open\": none did before"
                + " the iteration ended); the windows of a fork's threads are merged where they overlap. Times are"
                + " seconds since the fork's first measurement interval, as on the p99 timeline, where the windows"
                + " are shaded.");
        TextTable table = new TextTable(List.of("engine", "fork", "errors", "by operation", "windows", "longest",
                "in all", "windows (since the first interval)", "first error"), false, false, true, false, true, true,
                true, false, false);
        for (ForkResult fork : failing) {
            List<HdrLogs.Interval> intervals = logs.getOrDefault(fork.engine(), Map.of()).get(fork);
            long first = intervals == null ? 0 : HdrLogs.origin(intervals);
            List<String> byOperation = new ArrayList<>();
            for (OperationResult operation : fork.operations()) {
                if (operation.errors() > 0) {
                    byOperation.add(operation.operation() + " " + operation.errors());
                }
            }
            List<String> at = new ArrayList<>();
            for (Unavailability window : fork.unavailable()) {
                at.add((first == 0 ? "?" : Figures.significant((window.startEpochMillis() - first) / 1000.0) + " s")
                        + " for " + Figures.latency(window.durationNanos()) + (window.closed() ? "" : " open"));
            }
            String firstError = fork.firstError() == null ? "" : fork.firstError();
            table.add(fork.engine(), fork.forkId(), Long.toString(fork.errors()), String.join(", ", byOperation),
                    Integer.toString(fork.unavailable().size()), fork.unavailable().isEmpty() ? "—"
                            : Figures.latency(fork.longestUnavailableNanos()),
                    fork.unavailable().isEmpty() ? "—" : Figures.latency(fork.unavailableNanos()),
                    at.size() > 6 ? String.join(", ", at.subList(0, 6)) + ", ..." : String.join(", ", at),
                    firstError.length() > 160 ? firstError.substring(0, 157) + "..." : firstError);
        }
        doc.table(table);
    }
}
