package io.storebench.engine.go;

import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import java.util.List;

/**
 * {@code pebble}: github.com/cockroachdb/pebble/v2, CockroachDB's storage engine, an LSM tree
 * after RocksDB. Both profiles write with {@code pebble.Sync}: {@code strict} over the real file
 * system (a WAL fsync per write), {@code buffered} over a {@code vfs.FS} whose syncs do nothing
 * ({@code noSyncFS} in the Go library), so a write returns once its WAL record is written to the OS,
 * not synced: it survives a process crash, not an OS crash. ({@code pebble.NoSync} would leave the
 * record in Pebble's user-space WAL block buffer, and a process kill loses it.) The cache budget is
 * its block cache.
 * {@code memtable-mb} is {@code Options.MemTableSize}.
 */
public final class PebbleEngine extends GoEngine {
    public static final String NAME = "pebble";
    static final String MEMTABLE_MB = "memtable-mb";

    public PebbleEngine() {
        super(NAME, "Pebble LSM tree, CockroachDB's storage engine (Go, in process through JNI and cgo)",
                EMBEDDED_DURABLE, STRICT_AND_BUFFERED, List.of(EngineOption.range(MEMTABLE_MB, "memtable size in MiB"
                        + " before a flush (pebble's default 4)", 4, 1, 4095)), "github.com/cockroachdb/pebble/v2",
                Integer.MAX_VALUE - 8);
    }

    @Override
    public EngineProfile profile() {
        return profile("LSM tree (memtable, WAL, levelled SSTables)", "atomic write batches; snapshot reads",
                "strict: pebble.Sync, WAL fsync per write; buffered: pebble.Sync over a file system whose syncs"
                        + " do nothing, WAL written, not synced");
    }

    @Override
    String libraryOptions(EngineOptions options) {
        return "memtable-bytes=" + (options.longValue(MEMTABLE_MB) << 20);
    }
}
