package io.storebench.bench.crash;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What background work a kill landed during, as far as the parent could see it
 * ({@link TableFileWatch}, {@link EngineLog}). Batches are recorded apart: the write in flight
 * ({@link Findings#inFlightBatch()}).
 */
public enum Background {
    /** The engine's own log shows a flush started and not finished (RocksDB, goleveldb). */
    FLUSH("flush"),
    /** The engine's own log shows a compaction started and not finished (RocksDB, goleveldb). */
    COMPACTION("compaction"),
    /** Both at once. */
    FLUSH_AND_COMPACTION("flush and compaction"),
    /** A table file appeared or grew within the last poll before the kill, or between it and the kill. */
    TABLE_FILE_WRITE("table-file write"),
    /** SQLite's database file was written within the last poll before the kill: a WAL checkpoint. */
    CHECKPOINT("checkpoint"),
    /** A watched engine, and nothing seen. */
    NOTHING_OBSERVED("nothing observed"),
    /** An engine with no table files to watch (LMDB writes its one file in every commit). */
    NOT_WATCHED("not watched");

    private final String label;

    Background(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Whether the kill landed during background I/O that was seen. */
    public boolean seen() {
        return this != NOTHING_OBSERVED && this != NOT_WATCHED;
    }
}
