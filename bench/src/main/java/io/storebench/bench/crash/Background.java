package io.storebench.bench.crash;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What background work a kill landed during, as far as the parent could see it
 * ({@link TableFileWatch}, {@link EngineLog}). Batches are recorded apart: the write in flight
 * ({@link Findings#inFlightBatch()}).
 */
public enum Background {
    /** The engine's own log shows a flush started and not finished (RocksDB, goleveldb). */
    FLUSH,
    /** The engine's own log shows a compaction started and not finished (RocksDB, goleveldb). */
    COMPACTION,
    /** Both at once. */
    FLUSH_AND_COMPACTION,
    /** A table file appeared or grew within the last poll before the kill, or between it and the kill. */
    TABLE_FILE_WRITE,
    /** SQLite's database file was written within the last poll before the kill: a WAL checkpoint. */
    CHECKPOINT,
    /** A watched engine, and nothing seen. */
    NOTHING_OBSERVED,
    /** An engine with no table files to watch (LMDB writes its one file in every commit). */
    NOT_WATCHED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whether the kill landed during background I/O that was seen. */
    public boolean seen() {
        return this != NOTHING_OBSERVED && this != NOT_WATCHED;
    }
}
