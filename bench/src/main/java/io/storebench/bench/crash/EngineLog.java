package io.storebench.bench.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an engine's own log file says was unfinished when its process died: a flush or a
 * compaction that logged its start and not its end. RocksDB's {@code LOG} has
 * {@code EVENT_LOG_v1} events ({@code flush_started}, {@code flush_finished},
 * {@code compaction_started}, {@code compaction_finished}, by job); goleveldb's {@code LOG} has
 * {@code memdb@flush} and {@code table@compaction} lines and their {@code committed} ends (it runs
 * one of each at a time). Pebble and Badger are opened without a log; LMDB and SQLite have none.
 *
 * <p>Read after the kill: only what reached the file counts. A start line still in the logger's
 * buffer is not seen (the job is then not counted); an end line still in it makes a job that
 * ended look unfinished, which is why {@link TableFileWatch} counts a buffered log's word only
 * beside a table-file write it saw at the kill.
 */
final class EngineLog {
    private static final Pattern ROCKSDB_EVENT = Pattern.compile(
            "\"job\": (\\d+), \"event\": \"(flush|compaction)_(started|finished)\"");

    /**
     * A flush or compaction found unfinished, or none ({@code background} null). {@code unbuffered}:
     * the engine writes each log line to the file as it logs it (goleveldb), so the file is its
     * log up to the kill; RocksDB's logger buffers lines and flushes them after a job and every
     * few seconds, so a job's end may not have reached the file although the job ended.
     */
    record Unfinished(Background background, String evidence, boolean unbuffered) {
        static final Unfinished NONE = new Unfinished(null, "", false);
    }

    private EngineLog() {
    }

    static Unfinished unfinished(String engine, Path directory) {
        Path log = directory.resolve("LOG");
        if (!Files.isRegularFile(log)) {
            return Unfinished.NONE;
        }
        List<String> lines;
        try {
            lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return Unfinished.NONE;
        }
        return switch (engine) {
            case "rocksdb" -> rocksdb(lines);
            case "goleveldb" -> goleveldb(lines);
            default -> Unfinished.NONE;
        };
    }

    /** RocksDB: the jobs whose {@code *_started} event has no {@code *_finished}. */
    static Unfinished rocksdb(List<String> lines) {
        Set<String> flushes = new LinkedHashSet<>();
        Set<String> compactions = new LinkedHashSet<>();
        for (String line : lines) {
            if (!line.contains("EVENT_LOG_v1")) {
                continue;
            }
            Matcher m = ROCKSDB_EVENT.matcher(line);
            if (m.find()) {
                Set<String> jobs = m.group(2).equals("flush") ? flushes : compactions;
                if (m.group(3).equals("started")) {
                    jobs.add(m.group(1));
                } else {
                    jobs.remove(m.group(1));
                }
            }
        }
        return of(flushes.isEmpty() ? "" : "LOG: flush job " + String.join(", ", flushes) + " started, not finished",
                compactions.isEmpty() ? "" : "LOG: compaction job " + String.join(", ", compactions)
                        + " started, not finished", false);
    }

    /**
     * goleveldb: a {@code memdb@flush N·...} start after the last {@code memdb@flush committed} (or
     * {@code skipping}, or {@code exiting}); a {@code table@compaction L...} start after the last
     * {@code table@compaction committed} (or {@code exiting}).
     */
    static Unfinished goleveldb(List<String> lines) {
        boolean flush = false;
        boolean compaction = false;
        for (String line : lines) {
            if (line.contains("memdb@flush N·")) {
                flush = true;
            } else if (line.contains("memdb@flush committed") || line.contains("memdb@flush skipping")
                    || line.contains("memdb@flush exiting")) {
                flush = false;
            } else if (line.contains("table@compaction L")) {
                compaction = true;
            } else if (line.contains("table@compaction committed") || line.contains("table@compaction exiting")) {
                compaction = false;
            }
        }
        return of(flush ? "LOG: memdb@flush started, not committed" : "",
                compaction ? "LOG: table@compaction started, not committed" : "", true);
    }

    private static Unfinished of(String flush, String compaction, boolean unbuffered) {
        if (flush.isEmpty() && compaction.isEmpty()) {
            return Unfinished.NONE;
        }
        Background during = flush.isEmpty() ? Background.COMPACTION
                : compaction.isEmpty() ? Background.FLUSH : Background.FLUSH_AND_COMPACTION;
        return new Unfinished(during, flush.isEmpty() ? compaction : compaction.isEmpty() ? flush
                : flush + "; " + compaction, unbuffered);
    }
}
