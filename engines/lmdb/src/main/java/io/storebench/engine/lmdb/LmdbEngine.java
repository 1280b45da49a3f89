package io.storebench.engine.lmdb;

import io.storebench.engine.AbstractEngineProvider;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.LibraryVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmdbjava.Env;
import org.lmdbjava.Meta;

/**
 * {@code lmdb}: LMDB, a copy-on-write B+tree over a memory map, through lmdbjava (JNR).
 *
 * <p>LMDB has no cache of its own: the OS page cache is its cache, so the configured cache budget
 * does not bound it (the README says so beside every comparison). The map size is derived from
 * the expected data size with headroom (never LMDB's 1 MiB default). Durability: {@code strict}
 * syncs data and meta pages on every commit; {@code buffered} is {@code MDB_NOSYNC} without
 * {@code MDB_WRITEMAP} (survives a process crash). Keys are at most 511 bytes.
 */
public final class LmdbEngine extends AbstractEngineProvider {
    public static final String NAME = "lmdb";

    static final String MAP_SIZE_MB = "map-size-mb";
    static final String MAX_READERS = "max-readers";

    /** The smallest derived map: 1 GiB of address space (the file grows only as pages are used). */
    static final long MIN_MAP_BYTES = 1L << 30;
    static final int MAX_KEY_SIZE = 511;

    public LmdbEngine() {
        super(NAME, "LMDB B+tree over mmap via lmdbjava (JNR)", EMBEDDED_DURABLE, STRICT_AND_BUFFERED, List.of(
                EngineOption.range(MAP_SIZE_MB, "map size in MiB (0 = derived: max(1 GiB, 4 x expected data))",
                        0, 0, 16L << 20),
                EngineOption.range(MAX_READERS, "reader table slots (0 = derived: max(126, 2 x threads + 8))",
                        0, 0, 32_768)));
    }

    /** LMDB's compile-time limit (MDB_MAXKEYSIZE); the store confirms it from the environment. */
    @Override
    public int maxKeySize() {
        return MAX_KEY_SIZE;
    }

    @Override
    public EngineProfile profile() {
        return new EngineProfile("B+tree over mmap, copy-on-write pages", "ACID, one writer at a time, MVCC readers",
                "strict: fsync of data and meta page per commit; buffered: MDB_NOSYNC", "JNR (lmdbjava)");
    }

    /** lmdbjava's version from its jar, LMDB's from the native library ({@code mdb_version}). */
    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("lmdbjava", LibraryVersion.of(Env.class, "org.lmdbjava", "lmdbjava"));
        Meta.Version lmdb = Meta.version();
        versions.put("lmdb", lmdb.major + "." + lmdb.minor + "." + lmdb.patch);
        return versions;
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        long mapSizeMb = options.longValue(MAP_SIZE_MB);
        long mapBytes = mapSizeMb > 0 ? mapSizeMb << 20 : derivedMapBytes(config.expectedDataBytes());
        int maxReaders = options.intValue(MAX_READERS);
        if (maxReaders == 0) {
            maxReaders = Math.max(126, 2 * config.threads() + 8);
        }
        return LmdbStore.open(config.dataDirectory(), config.durability(), mapBytes, maxReaders);
    }

    /** Four times the expected data (B+tree pages are partly empty; copy-on-write needs room), at least 1 GiB, in whole MiB. */
    static long derivedMapBytes(long expectedDataBytes) {
        long ceiling = 1L << 50;
        long wanted = expectedDataBytes >= ceiling / 4 ? ceiling : Math.max(MIN_MAP_BYTES, expectedDataBytes * 4);
        long mib = 1L << 20;
        return (wanted + mib - 1) / mib * mib;
    }
}
