package io.storebench.engine.go;

import io.storebench.engine.EngineProfile;
import java.util.List;

/**
 * {@code pebble}: github.com/cockroachdb/pebble/v2, CockroachDB's storage engine, an LSM tree
 * after RocksDB. {@code strict} writes with {@code pebble.Sync}, {@code buffered} with
 * {@code pebble.NoSync} (the WAL written, not synced). The cache budget is its block cache.
 */
public final class PebbleEngine extends GoEngine {
    public static final String NAME = "pebble";

    public PebbleEngine() {
        super(NAME, "Pebble LSM tree, CockroachDB's storage engine (Go, in process through JNI and cgo)",
                EMBEDDED_DURABLE, STRICT_AND_BUFFERED, List.of(), "github.com/cockroachdb/pebble/v2", Integer.MAX_VALUE - 8);
    }

    @Override
    public EngineProfile profile() {
        return profile("LSM tree (memtable, WAL, levelled SSTables)", "atomic write batches; snapshot reads",
                "strict: pebble.Sync, WAL fsync per write; buffered: pebble.NoSync, WAL written, not synced");
    }
}
