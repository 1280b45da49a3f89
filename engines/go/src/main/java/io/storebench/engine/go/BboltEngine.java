package io.storebench.engine.go;

import io.storebench.engine.EngineProfile;
import java.util.List;

/**
 * {@code bbolt}: go.etcd.io/bbolt (BoltDB's successor, etcd's backend), a copy-on-write B+tree
 * over one mmap'd file, one bucket. Each put, delete and batch is one {@code Update} transaction:
 * {@code strict} fsyncs every commit, {@code buffered} is {@code NoSync}. bbolt has no cache of its
 * own: the OS page cache is its cache, and the cache budget does not bound it.
 */
public final class BboltEngine extends GoEngine {
    public static final String NAME = "bbolt";

    public BboltEngine() {
        super(NAME, "bbolt B+tree over mmap, BoltDB's successor (Go, in process through JNI and cgo)", EMBEDDED_DURABLE,
                STRICT_AND_BUFFERED, List.of(), "go.etcd.io/bbolt", 32_768);
    }

    @Override
    public EngineProfile profile() {
        return profile("copy-on-write B+tree over one mmap'd file (one bucket)",
                "serializable: one writer at a time, MVCC readers; one Update per write or batch",
                "strict: fsync per commit; buffered: NoSync, written, not synced");
    }
}
