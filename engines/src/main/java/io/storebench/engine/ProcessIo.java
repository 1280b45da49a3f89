package io.storebench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads {@code /proc/self/io}: the proxy for "bytes the engine wrote" where an engine has no
 * counter of its own. It counts the whole JVM, harness included, so reports label it a proxy.
 */
public final class ProcessIo {
    private static final Path PROC_SELF_IO = Path.of("/proc/self/io");

    /** The label reports show beside a value read from here. */
    public static final String WRITE_BYTES_SOURCE = "/proc/self/io write_bytes (whole process)";

    private ProcessIo() {
    }

    /** Bytes this process caused to be written to storage, or empty where {@code /proc/self/io} is unreadable. */
    public static OptionalLong writeBytes() {
        return field("write_bytes");
    }

    static OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(PROC_SELF_IO)) {
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
