package io.storebench.engine;

import java.util.Locale;

/**
 * An engine-internal measurement reported by {@link KeyValueStore#stats()}. Counters are
 * cumulative since the store was opened (the harness takes per-iteration deltas); gauges are a
 * level at the time of the snapshot.
 */
public enum Metric {
    /** Reads served from the engine's own cache. */
    CACHE_HITS(Kind.COUNTER, "ops"),
    /** Reads that missed the engine's own cache. */
    CACHE_MISSES(Kind.COUNTER, "ops"),
    /** Bytes appended to the engine's write-ahead log (RocksDB WAL, etcd WAL). */
    LOG_BYTES_WRITTEN(Kind.COUNTER, "bytes"),
    /** Bytes the engine wrote to storage for any reason (log, flush, compaction, pages). */
    ENGINE_BYTES_WRITTEN(Kind.COUNTER, "bytes"),
    /** Key and value bytes the caller asked to write (puts) or remove (deletes' keys). */
    USER_BYTES_WRITTEN(Kind.COUNTER, "bytes"),
    /** Bytes the engine's files occupy now. */
    BYTES_ON_DISK(Kind.GAUGE, "bytes"),
    /**
     * 99th percentile of the engine's log syncs (etcd: WAL fsync), in nanoseconds, over the syncs
     * since the store's previous {@link KeyValueStore#stats()} call: the harness takes a snapshot
     * at the start and at the end of each iteration, so the end snapshot holds the iteration's.
     * Absent when there was no sync in that window.
     */
    LOG_SYNC_P99_NANOS(Kind.GAUGE, "ns"),
    /**
     * 99th percentile of the engine's storage commits (etcd: backend commit), in nanoseconds,
     * over the window described at {@link #LOG_SYNC_P99_NANOS}.
     */
    COMMIT_P99_NANOS(Kind.GAUGE, "ns");

    /** Whether values add up over time or are a level. */
    public enum Kind { COUNTER, GAUGE }

    private final Kind kind;
    private final String unit;

    Metric(Kind kind, String unit) {
        this.kind = kind;
        this.unit = unit;
    }

    public Kind kind() {
        return kind;
    }

    public String unit() {
        return unit;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
