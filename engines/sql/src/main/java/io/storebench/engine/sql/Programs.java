package io.storebench.engine.sql;

import io.storebench.engine.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a managed server's programs: in the {@code bin-dir} option's directory, or on the PATH and in Debian's places. */
final class Programs {
    private Programs() {
    }

    /**
     * The path of {@code program}: in {@code binDir} when given (and nowhere else), else the first of
     * the PATH's directories and {@code fallbacks} that holds it; empty when none does.
     */
    static Optional<Path> find(String program, Path binDir, List<Path> fallbacks) {
        List<Path> directories = new ArrayList<>();
        if (binDir != null) {
            directories.add(binDir);
        } else {
            String path = System.getenv("PATH");
            if (path != null) {
                for (String entry : path.split(":")) {
                    if (!entry.isEmpty()) {
                        directories.add(Path.of(entry));
                    }
                }
            }
            directories.addAll(fallbacks);
        }
        return directories.stream().map(d -> d.resolve(program)).filter(Files::isExecutable).findFirst();
    }

    /**
     * {@link #find}, or a {@link ConfigurationException} naming the program, where it was looked
     * for ({@code places} when no {@code binDir} is given) and how to install it.
     */
    static Path require(String engine, String program, Path binDir, List<Path> fallbacks, String places,
            String installHint) {
        return find(program, binDir, fallbacks).orElseThrow(() -> new ConfigurationException(engine + ": no '"
                + program + "' " + (binDir == null ? places : "in bin-dir " + binDir) + "; " + installHint));
    }

    /** Debian's PostgreSQL program directories, {@code /usr/lib/postgresql/N/bin}, newest first. */
    static List<Path> debianPostgres() {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed())
                    .map(p -> p.resolve("bin")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Whether this JVM runs as root (user id 0). */
    static boolean root() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
