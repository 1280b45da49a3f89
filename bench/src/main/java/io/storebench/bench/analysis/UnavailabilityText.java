package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.ServerDeathRecord;
import io.storebench.stats.model.Unavailability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How windows of unavailability and dead servers are worded, on the console and in the reports: a
 * window that closed has a length; one still open when its fork ended (no operation succeeded
 * after its failures) only a lower bound, and is never called the longest of anything.
 */
public final class UnavailabilityText {
    private UnavailabilityText() {
    }

    /**
     * A window's length: {@code 1.01 s}, or for an open one {@code open for at least 4.10 s, until the
     * end of the fork} ({@code ... of its iteration} for one that is not the fork's last, in runs
     * written before windows were merged over iterations).
     */
    public static String length(Unavailability window, boolean lastOfFork) {
        String length = Figures.latency(window.durationNanos());
        return window.closed() ? length
                : "open for at least " + length + ", until the end of " + (lastOfFork ? "the fork" : "its iteration");
    }

    /**
     * The console's line for an engine whose operations failed, or null when none did, e.g. {@code etcd:
     * 120 operations failed in 1 of 1 forks (3.2% of calls); the longest window without a successful
     * operation after a failure: 1.01 s; the window still open at the end of 1 fork: open for at least
     * 4.10 s, until the end of the fork (report: Errors and unavailability)}.
     */
    public static String engineNote(EngineRun engine) {
        long errors = engine.forks().stream().mapToLong(ForkResult::errors).sum();
        if (errors == 0) {
            return null;
        }
        long calls = engine.forks().stream().flatMap(f -> f.operations().stream())
                .mapToLong(o -> o.latency() == null ? 0 : o.latency().count()).sum();
        long forks = engine.forks().stream().filter(f -> f.errors() > 0).count();
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "%s: %,d operations failed in %d of %d forks",
                engine.engine(), errors, forks, engine.forks().size()));
        if (calls >= errors && calls > 0) {
            note.append(" (").append(Figures.percent(errors / (double) calls)).append(" of calls)");
        }
        long closed = engine.forks().stream().mapToLong(ForkResult::longestClosedUnavailableNanos).max().orElse(0);
        if (closed > 0) {
            note.append("; the longest window without a successful operation after a failure: ")
                    .append(Figures.latency(closed));
        }
        List<Unavailability> open = engine.forks().stream().map(ForkResult::openAtEnd).filter(Objects::nonNull)
                .toList();
        if (!open.isEmpty()) {
            Unavailability longest = open.stream()
                    .max(java.util.Comparator.comparingLong(Unavailability::durationNanos)).orElseThrow();
            note.append(open.size() == 1 ? "; the window still open at the end of 1 fork: "
                    : "; the longest of the windows still open at the end of " + open.size() + " forks: ")
                    .append(length(longest, true));
        }
        return note.append(" (report: Errors and unavailability)").toString();
    }

    /**
     * The console's line for an engine whose servers died in some forks, or null: {@code etcd: a server
     * died in 1 of 1 forks: fork etcd-...: managed member m0 (pid 123) died ...}.
     */
    public static String deathNote(EngineRun engine) {
        List<String> deaths = new ArrayList<>();
        long forks = 0;
        for (ForkResult fork : engine.forks()) {
            if (!fork.serverDeaths().isEmpty()) {
                forks++;
                for (ServerDeathRecord death : fork.serverDeaths()) {
                    deaths.add("fork " + fork.forkId() + ": " + death.why());
                }
            }
        }
        return deaths.isEmpty() ? null : String.format(Locale.ROOT, "%s: a server died in %d of %d forks (their"
                + " figures after it are of a dead server): %s", engine.engine(), forks, engine.forks().size(),
                String.join("; ", deaths));
    }

    /** Failed calls of every type over all calls, of one fork; NaN without calls. */
    static double errorRate(ForkResult fork) {
        long calls = fork.operations().stream().map(OperationResult::latency).filter(Objects::nonNull)
                .mapToLong(l -> l.count()).sum();
        return calls == 0 ? Double.NaN : fork.errors() / (double) calls;
    }
}
