package io.storebench.engine.go;

import io.storebench.engine.EngineProfile;
import java.util.List;

/**
 * {@code goleveldb}: github.com/syndtr/goleveldb, LevelDB ported to Go. {@code strict} writes with
 * {@code Sync: true}, {@code buffered} without. The cache budget is its block cache capacity.
 */
public final class GoLevelDbEngine extends GoEngine {
    public static final String NAME = "goleveldb";

    public GoLevelDbEngine() {
        super(NAME, "goleveldb, LevelDB's LSM tree in Go (in process through JNI and cgo)", EMBEDDED_DURABLE,
                STRICT_AND_BUFFERED, List.of(), "github.com/syndtr/goleveldb", Integer.MAX_VALUE - 8);
    }

    @Override
    public EngineProfile profile() {
        return profile("LSM tree (memtable, journal, levelled tables)", "atomic write batches; snapshot reads",
                "strict: Sync: true, journal fsync per write; buffered: written, not synced");
    }
}
