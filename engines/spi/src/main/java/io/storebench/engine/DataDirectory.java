package io.storebench.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/** Checks and measures an engine's data directory. */
public final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * Creates {@code directory} if absent and proves it writable by creating and deleting a file
     * in it (permission bits alone say nothing when running as root).
     *
     * @throws ConfigurationException if it is a file, cannot be created or is not writable
     */
    public static void prepare(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ConfigurationException("data directory " + directory + " is a file; give a directory"
                    + " (it is created if absent)");
        }
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigurationException("data directory " + directory + " cannot be created: "
                    + e.getFile() + " is a file");
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException("data directory " + directory + " cannot be created: " + reason(e), e);
        }
        try {
            Path probe = Files.createTempFile(directory, ".storebench-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException("data directory " + directory + " is not writable: " + reason(e), e);
        }
    }

    /**
     * The bytes the regular files under {@code directory} occupy, 0 if it is gone. Files that
     * vanish during the walk (compaction, checkpoints) are skipped, not fatal.
     */
    public static long sizeOf(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        long[] total = {0};
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        total[0] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + directory, e);
        }
        return total[0];
    }

    /** Removes {@code directory} and everything under it; nothing happens if it is gone. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
