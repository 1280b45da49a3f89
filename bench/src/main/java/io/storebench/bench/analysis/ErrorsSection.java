package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.ServerDeathRecord;
import io.storebench.stats.model.Unavailability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's "Errors and unavailability" section, present only when a fork had failed
 * operations or a server of its store died: the servers that died, then per fork with errors the
 * errors by operation and their share of the calls, the windows in which operations failed (seconds
 * since the fork's first measurement interval, as on the p99 timeline; an open one as a lower
 * bound) and the first error.
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
        List<ForkResult> failing = engines.stream().flatMap(e -> e.forks().stream())
                .filter(f -> f.errors() > 0 || !f.serverDeaths().isEmpty()).toList();
        if (failing.isEmpty()) {
            return;
        }
        doc.heading(1, "Errors and unavailability");
        List<ForkResult> dead = failing.stream().filter(f -> !f.serverDeaths().isEmpty()).toList();
        if (!dead.isEmpty()) {
            doc.paragraph("A server that the engine started died during these forks (killed or crashed, not stopped"
                    + " by the store): their figures after it are of a dead server, and the run is incomplete.");
            TextTable deaths = new TextTable(List.of("engine", "fork", "server", "pid", "died at", "in", "how",
                    "its log ended"), false, false, false, true, true, false, false, false);
            for (ForkResult fork : dead) {
                long first = origin(logs, fork);
                for (ServerDeathRecord death : fork.serverDeaths()) {
                    String log = death.logLastLine() == null ? "" : death.logLastLine();
                    deaths.add(fork.engine(), fork.forkId(), death.server(), Long.toString(death.pid()),
                            since(death.epochMillis(), first), death.phase(), howItEnded(death),
                            log.length() > 160 ? log.substring(0, 157) + "..." : log);
                }
            }
            doc.table(deaths);
        }
        doc.paragraph("Failed operations are counted and the run goes on; their latency (up to the failure) is in the"
                + " histograms, but they are not counted in the throughput, which counts the operations that"
                + " succeeded. A window of unavailability runs from the end of the last operation that succeeded"
                + " before a failure to the end of the first one that succeeded after it; the windows of a fork's"
                + " threads are merged where they overlap, and a window goes on from one measurement iteration to the"
                + " next. A window still open when the fork ended (no operation succeeded after its failures) has"
                + " only a lower bound, and is not counted as the longest. Times are seconds since the fork's first"
                + " measurement interval, as on the p99 timeline, where the windows are shaded.");
        TextTable table = new TextTable(List.of("engine", "fork", "errors", "of calls", "by operation", "windows",
                "longest closed", "open at the end", "in all", "windows (since the first interval)", "first error"),
                false, false, true, true, false, true, true, true, true, false, false);
        for (ForkResult fork : failing) {
            long first = origin(logs, fork);
            List<String> byOperation = new ArrayList<>();
            for (OperationResult operation : fork.operations()) {
                if (operation.errors() > 0) {
                    byOperation.add(operation.operation() + " " + operation.errors());
                }
            }
            List<String> at = new ArrayList<>();
            List<Unavailability> windows = fork.unavailable();
            for (int i = 0; i < windows.size(); i++) {
                Unavailability window = windows.get(i);
                at.add(since(window.startEpochMillis(), first) + (window.closed() ? " for " : ", ")
                        + UnavailabilityText.length(window, i == windows.size() - 1));
            }
            long closed = fork.longestClosedUnavailableNanos();
            Unavailability open = fork.openAtEnd();
            double rate = UnavailabilityText.errorRate(fork);
            String firstError = fork.firstError() == null ? "" : fork.firstError();
            table.add(fork.engine(), fork.forkId(), Long.toString(fork.errors()),
                    Double.isNaN(rate) ? "—" : Figures.percent(rate), String.join(", ", byOperation),
                    Integer.toString(windows.size()), closed == 0 ? "—" : Figures.latency(closed),
                    open == null ? "—" : "at least " + Figures.latency(open.durationNanos()),
                    windows.isEmpty() ? "—" : (open == null ? "" : "at least ") + Figures.latency(fork.unavailableNanos()),
                    at.size() > 6 ? String.join(", ", at.subList(0, 6)) + ", ..." : String.join(", ", at),
                    firstError.length() > 160 ? firstError.substring(0, 157) + "..." : firstError);
        }
        doc.table(table);
    }

    /** The time origin of a fork's intervals (its first measurement interval), or 0 when its log is missing. */
    private static long origin(Map<String, Map<ForkResult, List<HdrLogs.Interval>>> logs, ForkResult fork) {
        List<HdrLogs.Interval> intervals = logs.getOrDefault(fork.engine(), Map.of()).get(fork);
        return intervals == null ? 0 : HdrLogs.origin(intervals);
    }

    private static String since(long epochMillis, long first) {
        return first == 0 ? "?" : Figures.significant((epochMillis - first) / 1000.0) + " s";
    }

    private static String howItEnded(ServerDeathRecord death) {
        return death.signal() != null ? "killed by " + death.signal() + " (exit code " + death.exitCode() + ")"
                : "exited with code " + death.exitCode();
    }
}
