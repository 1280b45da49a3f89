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
    COMMIT_P99_NANOS(Kind.GAUGE, "ns"),
    /** Bytes a compaction (or a flush) wrote: the share of {@link #ENGINE_BYTES_WRITTEN} that is rewriting. */
    COMPACTION_BYTES_WRITTEN(Kind.COUNTER, "bytes"),
    /** Times the engine stalled or slowed writers to let compaction catch up (pebble's write stalls). */
    WRITE_STALLS(Kind.COUNTER, "stalls"),
    /** Bytes of an LSM engine's tree files (badger: its SSTables, without the value log). */
    LSM_BYTES(Kind.GAUGE, "bytes"),
    /** Bytes of badger's value log files. */
    VALUE_LOG_BYTES(Kind.GAUGE, "bytes"),
    /** Value-log garbage collections that rewrote a file (badger's RunValueLogGC returning nil). */
    VALUE_LOG_GC_RUNS(Kind.COUNTER, "runs"),
    /** Value-log bytes a garbage collection gave back: the value log's size before minus after. */
    VALUE_LOG_BYTES_RECLAIMED(Kind.COUNTER, "bytes"),
    /** Pages a B+tree engine allocated (bbolt's Tx.Stats page count), cumulative. */
    PAGES_ALLOCATED(Kind.COUNTER, "pages"),
    /** Pages on a B+tree engine's free list now (bbolt's Stats FreePageN + PendingPageN). */
    FREE_PAGES(Kind.GAUGE, "pages"),
    /** Garbage collections of the runtime the engine runs in (Go: runtime/metrics /gc/cycles/total:gc-cycles). */
    GC_CYCLES(Kind.COUNTER, "cycles"),
    /** Stop-the-world time of those collections, in nanoseconds. */
    GC_PAUSE_NANOS(Kind.COUNTER, "ns"),
    /**
     * 99th percentile of the runtime's GC pauses, in nanoseconds, over the window described at
     * {@link #LOG_SYNC_P99_NANOS}; absent when no pause fell in it.
     */
    GC_PAUSE_P99_NANOS(Kind.GAUGE, "ns"),
    /** Bytes of live and not yet swept heap objects of that runtime now. */
    HEAP_IN_USE_BYTES(Kind.GAUGE, "bytes"),
    /** Bytes that runtime allocated on its heap, cumulative: divided by operations, the allocation per operation. */
    HEAP_ALLOCATED_BYTES(Kind.COUNTER, "bytes"),
    /** Checkpoints a relational server completed (PostgreSQL: pg_stat_bgwriter checkpoints_timed + checkpoints_req). */
    CHECKPOINTS(Kind.COUNTER, "checkpoints"),
    /**
     * CPU time (user + system) of a server process the engine started and runs beside the JVM (the
     * managed PostgreSQL, MariaDB and etcd servers), in nanoseconds, cumulative: divided by
     * operations, the server's CPU per operation.
     */
    SERVER_CPU_NANOS(Kind.COUNTER, "ns");

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
