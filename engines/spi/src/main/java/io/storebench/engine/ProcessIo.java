package io.storebench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads {@code /proc/self/io}: the proxy for "bytes the engine wrote" where an engine has no
 * counter of its own. It counts the whole JVM, harness included, so reports label it a proxy.
 *
 * <p>It reads {@code wchar}, the bytes passed to write calls, which is what RocksDB's tickers
 * count for RocksDB (bytes handed to its files). Not {@code write_bytes}: that counts a page
 * when it first becomes dirty, so an engine that rewrites the same pages in the page cache
 * (LMDB, SQLite) shows almost nothing (seen here: a write amplification of 10^-4). Writes through
 * a memory map ({@code MDB_WRITEMAP}, not used) would not show in {@code wchar}.
 */
public final class ProcessIo {
    private static final Path PROC_SELF_IO = Path.of("/proc/self/io");

    /** The label reports show beside a value read from here. */
    public static final String WRITE_BYTES_SOURCE = "/proc/self/io wchar: bytes passed to write calls (whole process)";

    private ProcessIo() {
    }

    /** Bytes this process passed to write calls, or empty where {@code /proc/self/io} is unreadable. */
    public static OptionalLong writeBytes() {
        return field(PROC_SELF_IO, "wchar");
    }

    /**
     * Bytes another process (a server the harness started) passed to write calls, or empty where
     * its {@code /proc/PID/io} is unreadable or it has exited.
     */
    public static OptionalLong writeBytes(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "io"), "wchar");
    }

    private static OptionalLong field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name + ":")) {
                    return OptionalLong.of(Long.parseLong(line.substring(name.length() + 1).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
