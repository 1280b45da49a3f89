package io.storebench.bench.crash;

import java.util.Map;

/**
 * The engine options {@code crashcheck --memtables small} opens a store with, so that a second of
 * writing fills the memtable many times: flushes write new table files and the L0 files they make
 * trigger compactions within a trial. At the stream's rate (tens of MB/s of values under
 * {@code buffered}) the engines' default memtables (64 MiB for RocksDB and Badger) may not fill
 * once before the kill.
 *
 * <p>Badger gets 8 MiB, the smallest it accepts with its default value threshold (1 MiB): it
 * refuses a value threshold above its largest batch, 15 % of the memtable. The B+trees (LMDB,
 * SQLite) have no memtable and get no option.
 */
final class SmallMemtables {
    private static final Map<String, Map<String, String>> OPTIONS = Map.of(
            "rocksdb", Map.of("write-buffer-mb", "1"),
            "pebble", Map.of("memtable-mb", "1"),
            "goleveldb", Map.of("write-buffer-mb", "1"),
            "badger", Map.of("memtable-mb", "8"));

    private SmallMemtables() {
    }

    /** The options for {@code engine}: empty for an engine without a memtable. */
    static Map<String, String> options(String engine) {
        return OPTIONS.getOrDefault(engine, Map.of());
    }
}
