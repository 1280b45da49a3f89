package io.storebench.bench.run;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.DataDirectory;
import io.storebench.stats.model.LoadResult;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A persistent engine's loaded data set, kept in the run folder ({@code data/<engine>.image}) for
 * the engine's next forks (issue #16): the first fork loads, closes its store and copies its files
 * here; every later fork copies them into its own data directory and opens the store on them
 * instead of loading again. The copy is of closed store files, so it is the engine's own state on
 * disk, whatever the engine. The image is complete or absent (copied under a temporary name, its
 * manifest written, then renamed), and used only when its manifest names the same engine,
 * workload fingerprint, durability and engine options; it is removed with the run's data.
 */
final class LoadImage {
    static final String MANIFEST = "storebench-image.json";

    /**
     * What an image holds.
     *
     * @param engine the engine that wrote it
     * @param workloadFingerprint the workload it was loaded for
     * @param durability the profile the store was opened with
     * @param options the engine's options
     * @param loadedBy the fork that loaded it
     * @param load that fork's load
     */
    record Manifest(String engine, String workloadFingerprint, String durability, Map<String, String> options,
            String loadedBy, LoadResult load) {
    }

    private final Path directory;
    private final Manifest identity;

    private LoadImage(Path directory, Manifest identity) {
        this.directory = directory;
        this.identity = identity;
    }

    /** The image of {@code engine} in {@code runDirectory}, for a store described by {@code identity} (its load null). */
    static LoadImage of(Path runDirectory, String engine, Manifest identity) {
        return new LoadImage(runDirectory.resolve("data").resolve(engine + ".image"), identity);
    }

    /**
     * The manifest of a complete image that matches this store, or empty: none yet, or one written
     * for another workload, durability or options (never used).
     */
    Optional<Manifest> usable() throws IOException {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        Manifest found = JsonFiles.read(manifest, Manifest.class);
        boolean same = found.engine().equals(identity.engine())
                && found.workloadFingerprint().equals(identity.workloadFingerprint())
                && found.durability().equals(identity.durability()) && found.options().equals(identity.options());
        return same ? Optional.of(found) : Optional.empty();
    }

    /** Copies the image's store files into {@code dataDirectory} (new or empty); returns the seconds it took. */
    double copyInto(Path dataDirectory) throws IOException {
        long start = System.nanoTime();
        copy(directory, dataDirectory);
        Files.deleteIfExists(dataDirectory.resolve(MANIFEST));
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Keeps the closed store in {@code dataDirectory}, loaded by fork {@code forkId} as {@code load}:
     * copied under a temporary name, its manifest written last, then renamed into place.
     */
    void save(Path dataDirectory, String forkId, LoadResult load) throws IOException {
        Path partial = directory.resolveSibling(directory.getFileName() + ".partial");
        DataDirectory.delete(partial);
        copy(dataDirectory, partial);
        JsonFiles.write(partial.resolve(MANIFEST), new Manifest(identity.engine(), identity.workloadFingerprint(),
                identity.durability(), identity.options(), forkId, load));
        DataDirectory.delete(directory);
        Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
    }

    /** How the console says a fork started from the image. */
    static String copied(String engine, Manifest manifest, double seconds, long bytes) {
        return String.format(Locale.ROOT, "storebench: %s: copied the data set that fork %s loaded (%,d records,"
                + " %.2f s to load; %s) in %.2f s instead of loading it again", engine, manifest.loadedBy(),
                manifest.load().records(), manifest.load().seconds(), mib(bytes), seconds);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
