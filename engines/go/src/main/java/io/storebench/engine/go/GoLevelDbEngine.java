package io.storebench.engine.go;

import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import java.util.List;

/**
 * {@code goleveldb}: github.com/syndtr/goleveldb, LevelDB ported to Go. {@code strict} writes with
 * {@code Sync: true}, {@code buffered} without. The cache budget is its block cache capacity.
 * {@code write-buffer-mb} is {@code opt.Options.WriteBuffer}.
 */
public final class GoLevelDbEngine extends GoEngine {
    public static final String NAME = "goleveldb";
    static final String WRITE_BUFFER_MB = "write-buffer-mb";

    public GoLevelDbEngine() {
        super(NAME, "goleveldb, LevelDB's LSM tree in Go (in process through JNI and cgo)", EMBEDDED_DURABLE,
                STRICT_AND_BUFFERED, List.of(EngineOption.range(WRITE_BUFFER_MB, "memtable (write buffer) size in MiB"
                        + " before a flush (goleveldb's default 4)", 4, 1, 2047)), "github.com/syndtr/goleveldb",
                Integer.MAX_VALUE - 8);
    }

    @Override
    public EngineProfile profile() {
        return profile("LSM tree (memtable, journal, levelled tables)", "atomic write batches; snapshot reads",
                "strict: Sync: true, journal fsync per write; buffered: written, not synced");
    }

    @Override
    String libraryOptions(EngineOptions options) {
        return "write-buffer-bytes=" + (options.longValue(WRITE_BUFFER_MB) << 20);
    }
}
