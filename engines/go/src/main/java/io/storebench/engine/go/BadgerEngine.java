package io.storebench.engine.go;

import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import java.util.List;

/**
 * {@code badger}: github.com/dgraph-io/badger/v4, an LSM tree whose values above a threshold live
 * in a separate value log (WiscKey). Durability {@code strict} is {@code SyncWrites(true)},
 * {@code buffered} {@code SyncWrites(false)}. The cache budget goes three quarters to the block
 * cache, one quarter to the index cache. Value-log GC runs only when asked for, every
 * {@code vlog-gc-seconds} with {@code vlog-gc-discard-percent}.
 */
public final class BadgerEngine extends GoEngine {
    public static final String NAME = "badger";
    static final String VALUE_THRESHOLD = "value-threshold";
    static final String VLOG_GC_SECONDS = "vlog-gc-seconds";
    static final String VLOG_GC_DISCARD_PERCENT = "vlog-gc-discard-percent";
    static final String VALUE_LOG_FILE_MB = "value-log-file-mb";
    static final String MEMTABLE_MB = "memtable-mb";

    public BadgerEngine() {
        super(NAME, "Badger v4 LSM tree with a value log (Go, in process through JNI and cgo)", EMBEDDED_DURABLE,
                STRICT_AND_BUFFERED, List.of(
                        EngineOption.range(VALUE_THRESHOLD, "values of at least this many bytes go to the value log,"
                                + " smaller ones stay in the LSM tree", 1 << 20, 1, 1 << 20),
                        EngineOption.range(VLOG_GC_SECONDS, "run value-log GC every this many seconds (0 = off)",
                                0, 0, 3600),
                        EngineOption.range(VLOG_GC_DISCARD_PERCENT, "value-log GC rewrites a file when at least"
                                + " this percentage of it is garbage", 50, 1, 99),
                        EngineOption.range(VALUE_LOG_FILE_MB, "size of a value-log file in MiB (GC rewrites whole"
                                + " files, never the one being written; badger's default is 1 GiB)", 1024, 1, 2047),
                        EngineOption.range(MEMTABLE_MB, "memtable size in MiB before a flush (badger's default 64);"
                                + " value-log GC finds garbage only after compactions", 64, 1, 4096)),
                "github.com/dgraph-io/badger/v4", 65_000);
    }

    @Override
    public EngineProfile profile() {
        return profile("LSM tree (memtable, levelled SSTables) with a separate value log",
                "serializable transactions (one per operation or batch)",
                "strict: SyncWrites(true), an fsync per commit; buffered: SyncWrites(false), written, not synced");
    }

    @Override
    String libraryOptions(EngineOptions options) {
        return VALUE_THRESHOLD + "=" + options.longValue(VALUE_THRESHOLD) + "\n"
                + VLOG_GC_SECONDS + "=" + options.longValue(VLOG_GC_SECONDS) + "\n"
                + "vlog-gc-discard-ratio=" + options.longValue(VLOG_GC_DISCARD_PERCENT) / 100.0 + "\n"
                + "value-log-file-bytes=" + (options.longValue(VALUE_LOG_FILE_MB) << 20) + "\n"
                + "memtable-bytes=" + (options.longValue(MEMTABLE_MB) << 20);
    }
}
