package io.storebench.bench.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads files of {@code /proc} and {@code /sys} whole. Not with {@code Files.readString}: these
 * files report a size of 0, so JDK 17 reads one byte and then asks for the rest at offset 1, where
 * the kernel's sysctl files ({@code /proc/sys/vm/dirty_ratio}) answer with nothing: "2" for 20.
 * A stream reads from offset 0 in one call.
 */
public final class KernelFiles {
    private KernelFiles() {
    }

    /** The file's text, trimmed, or empty when it cannot be read. */
    public static Optional<String> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
