package io.storebench.bench.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The parent's view of a writer's background I/O: it polls the store's folder about once a
 * millisecond for a table file that appeared or changed (size or modification time) since the
 * previous look. A new or growing table file is a flush or a compaction writing its output:
 * {@code *.sst} for RocksDB, Pebble and Badger, {@code *.ldb} (or {@code *.sst}) for goleveldb; for
 * SQLite the database file {@code kv.sqlite}, which only a WAL checkpoint writes. LMDB writes its one
 * file in every commit and has nothing to watch. A removed file (a compaction's inputs, once its
 * output is installed) is not a write and is not counted.
 *
 * <p>What it sees is a write that happened between two looks: "during a flush" means a table file
 * was written within the last poll interval before the kill (or between that poll and the kill),
 * not that the flush was still unfinished when the kill came. One thread, the trial's: not
 * thread-safe.
 */
final class TableFileWatch {
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long an aimed kill waits, after its delay, for a table-file write before it gives up and kills. */
    static final long AIM_WINDOW_MILLIS = 5_000;

    private final String engine;
    private final Path directory;
    private final Predicate<String> tables;
    private final Background kind;
    private Map<String, Stamp> stamps;
    private long lastPollNanos;
    private String change = "";
    private long changeNanos;

    private record Stamp(long size, long modifiedNanos) {
    }

    private TableFileWatch(String engine, Path directory, Predicate<String> tables, Background kind) {
        this.engine = engine;
        this.directory = directory;
        this.tables = tables;
        this.kind = kind;
    }

    /**
     * The watch for {@code engine}'s store in {@code directory}; one that watches nothing for an
     * engine without table files.
     */
    static TableFileWatch of(String engine, Path directory) {
        return switch (engine) {
            case "rocksdb", "pebble", "badger" -> new TableFileWatch(engine, directory, n -> n.endsWith(".sst"),
                    Background.TABLE_FILE_WRITE);
            case "goleveldb" -> new TableFileWatch(engine, directory, n -> n.endsWith(".ldb") || n.endsWith(".sst"),
                    Background.TABLE_FILE_WRITE);
            case "sqlite" -> new TableFileWatch(engine, directory, n -> n.equals("kv.sqlite"), Background.CHECKPOINT);
            default -> new TableFileWatch(engine, directory, null, Background.NOT_WATCHED);
        };
    }

    boolean watched() {
        return tables != null;
    }

    /**
     * Waits until the kill is due, looking at the folder all the while: {@code delayMillis} after
     * {@code openedNanos}, or, when {@code aimed}, at the first table-file write seen after that (at
     * most {@link #AIM_WINDOW_MILLIS} later). Returns early when the writer has ended.
     *
     * @return whether an aimed kill found its write (always false when not aimed)
     */
    boolean awaitKill(long openedNanos, long delayMillis, boolean aimed, Process writer) {
        long due = openedNanos + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        long giveUp = due + TimeUnit.MILLISECONDS.toNanos(AIM_WINDOW_MILLIS);
        boolean changed = poll();
        for (;;) {
            long now = System.nanoTime();
            if (now >= due && (!aimed || !watched() || changed)) {
                return aimed && watched() && changed;
            }
            if (now >= giveUp || !writer.isAlive()) {
                return false;
            }
            LockSupport.parkNanos(now >= due ? POLL_NANOS : Math.min(POLL_NANOS, due - now));
            changed = poll();
        }
    }

    /**
     * What the kill at {@code killNanos} landed during, once the writer is dead: a last look finds
     * writes between the last poll and the kill; then the engine's own log ({@link EngineLog}), where
     * it has one, says whether a flush or a compaction was unfinished.
     */
    KillMoment afterKill(boolean aimed, boolean hit, long killNanos) {
        if (!watched()) {
            return new KillMoment(aimed, Background.NOT_WATCHED, engine + ": no table files to watch"
                    + (aimed ? "; killed at the delay" : ""));
        }
        long lastBefore = lastPollNanos;
        boolean recent = changeNanos > 0 && changeNanos == lastBefore;
        if (poll()) {
            recent = true;
        }
        String seen = recent ? change + (changeNanos == lastBefore ? String.format(Locale.ROOT,
                ", seen %.1f ms before the kill", (killNanos - changeNanos) / 1e6) : ", seen just after the kill")
                : "no table-file write seen since the last poll before the kill";
        EngineLog.Unfinished unfinished = EngineLog.unfinished(engine, directory);
        // A buffered log (RocksDB's) may not yet hold the end of a job that did end: its word counts
        // only beside a table-file write seen at the kill.
        boolean logCounts = unfinished.background() != null && (unfinished.unbuffered() || recent);
        Background during = logCounts ? unfinished.background() : recent ? kind : Background.NOTHING_OBSERVED;
        String evidence = (unfinished.background() != null ? unfinished.evidence()
                + (logCounts ? "" : " (a buffered log, not counted without a table-file write)") + "; " : "") + seen
                + (aimed && !hit ? "; aim missed: no table-file write in " + AIM_WINDOW_MILLIS + " ms after the delay"
                : "");
        return new KillMoment(aimed, during, evidence);
    }

    /** One look; whether a watched file appeared or changed since the previous one (the first look sets the base). */
    private boolean poll() {
        if (!watched()) {
            return false;
        }
        Map<String, Stamp> now = new HashMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                String name = path.getFileName().toString();
                if (tables.test(name)) {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                        now.put(name, new Stamp(attributes.size(),
                                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    } catch (NoSuchFileException e) {
                        // removed between the listing and the look: not a write
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // the engine has not created its folder yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long at = System.nanoTime();
        lastPollNanos = at;
        List<String> changes = new ArrayList<>();
        if (stamps != null) {
            for (Map.Entry<String, Stamp> entry : new TreeMap<>(now).entrySet()) {
                Stamp before = stamps.get(entry.getKey());
                if (before == null || !before.equals(entry.getValue())) {
                    long size = entry.getValue().size();
                    changes.add(before == null ? String.format(Locale.ROOT, "%s appeared (%,d bytes)", entry.getKey(),
                            size) : before.size() != size ? String.format(Locale.ROOT, "%s grew from %,d to %,d bytes",
                            entry.getKey(), before.size(), size)
                            : String.format(Locale.ROOT, "%s was written (%,d bytes)", entry.getKey(), size));
                }
            }
        }
        stamps = now;
        if (changes.isEmpty()) {
            return false;
        }
        change = String.join(", ", changes);
        changeNanos = at;
        return true;
    }
}
