package io.storebench.bench.run;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.DataDirectory;
import io.storebench.stats.model.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * A persistent engine's loaded data set, kept for the engine's next forks (issue #16): the first
 * fork loads, closes its store and copies its files into the image; every later fork copies them
 * into its own data directory and opens the store on them instead of loading again. The copy is
 * of closed store files, so it is the engine's own state on disk, whatever the engine.
 *
 * <p>Within a run the image is {@code data/<engine>.image} in the run folder, removed with the
 * run's data. With {@code --data-cache DIR} it is {@code DIR/<engine>-<key>}, kept between runs;
 * the key is a hash of what the data set depends on (engine, its libraries' versions, options,
 * durability, workload fingerprint, records, loading threads), and a cached image is used only when
 * every file still has the size and CRC32C its manifest lists: one that does not is said, rebuilt
 * and replaced, never used. Either way the image is complete or absent (copied under a temporary
 * name, its manifest written last, then renamed), and used only when its manifest names the same
 * store.
 */
final class LoadImage {
    static final String MANIFEST = "storebench-image.json";

    /**
     * What an image holds.
     *
     * @param engine the engine that wrote it
     * @param workloadFingerprint the workload it was loaded for, with its record count and loading threads
     * @param durability the profile the store was opened with
     * @param options the engine's options
     * @param versions the engine's libraries ({@code EngineProvider.versions()})
     * @param loadedBy the fork that loaded it
     * @param load that fork's load
     * @param files each file's path in the image and its {@code size:crc32c}
     */
    record Manifest(String engine, String workloadFingerprint, String durability, Map<String, String> options,
            Map<String, String> versions, String loadedBy, LoadResult load, Map<String, String> files) {
        /** The store this manifest describes, without who loaded it and what it holds. */
        Manifest identity() {
            return new Manifest(engine, workloadFingerprint, durability, new TreeMap<>(options), new TreeMap<>(versions),
                    null, null, null);
        }
    }

    private final Path directory;
    private final Manifest identity;
    private final boolean cached;

    private LoadImage(Path directory, Manifest identity, boolean cached) {
        this.directory = directory;
        this.identity = identity.identity();
        this.cached = cached;
    }

    /**
     * The image for the store {@code identity} describes: in {@code dataCache} when given (null: none),
     * else in {@code runDirectory}'s data.
     */
    static LoadImage of(Path runDirectory, Path dataCache, Manifest identity) {
        if (dataCache == null) {
            return new LoadImage(runDirectory.resolve("data").resolve(identity.engine() + ".image"), identity, false);
        }
        return new LoadImage(dataCache.resolve(identity.engine() + "-" + key(identity.identity())), identity, true);
    }

    Path directory() {
        return directory;
    }

    /**
     * The manifest of a complete image that matches this store, or empty: none yet, one written for
     * another store (never used), or a cached one whose files changed since (said on the console).
     */
    Optional<Manifest> usable() throws IOException {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        Manifest found = JsonFiles.read(manifest, Manifest.class);
        if (!found.identity().equals(identity)) {
            return Optional.empty();
        }
        if (cached) {
            Map<String, String> now = files(directory);
            if (!now.equals(found.files())) {
                System.out.println("storebench: " + identity.engine() + ": the cached data set in " + directory
                        + " is damaged (" + difference(found.files(), now) + "): loading again, and replacing it");
                return Optional.empty();
            }
        }
        return Optional.of(found);
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
     * copied under a temporary name, its manifest written last, then renamed into place (replacing a
     * damaged one).
     */
    void save(Path dataDirectory, String forkId, LoadResult load) throws IOException {
        Path partial = directory.resolveSibling(directory.getFileName() + ".partial");
        DataDirectory.delete(partial);
        copy(dataDirectory, partial);
        JsonFiles.write(partial.resolve(MANIFEST), new Manifest(identity.engine(), identity.workloadFingerprint(),
                identity.durability(), identity.options(), identity.versions(), forkId, load,
                cached ? files(partial) : Map.of()));
        DataDirectory.delete(directory);
        Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
    }

    /** How the console says a fork started from the image. */
    String copied(Manifest manifest, double seconds, long bytes) {
        return String.format(Locale.ROOT, "storebench: %s: copied the data set that fork %s loaded%s (%,d records,"
                + " %.2f s to load; %s) in %.2f s instead of loading it again", identity.engine(), manifest.loadedBy(),
                cached ? " into the data cache " + directory : "", manifest.load().records(), manifest.load().seconds(),
                mib(bytes), seconds);
    }

    /** Each regular file under {@code root} but the manifest, by relative path: {@code size:crc32c}. */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = root.relativize(file).toString();
                if (!name.equals(MANIFEST)) {
                    CRC32C crc = new CRC32C();
                    byte[] buffer = new byte[1 << 16];
                    try (InputStream in = Files.newInputStream(file)) {
                        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                            crc.update(buffer, 0, n);
                        }
                    }
                    files.put(name, attributes.size() + ":" + Long.toHexString(crc.getValue()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static String difference(Map<String, String> listed, Map<String, String> found) {
        for (Map.Entry<String, String> file : listed.entrySet()) {
            String now = found.get(file.getKey());
            if (now == null) {
                return file.getKey() + " is missing";
            }
            if (!now.equals(file.getValue())) {
                return file.getKey() + " is " + now + " (size:crc32c), its manifest says " + file.getValue();
            }
        }
        return found.keySet().stream().filter(name -> !listed.containsKey(name)).findFirst()
                .map(name -> name + " is not in its manifest").orElse("its manifest lists no files");
    }

    /** 16 hex digits of the SHA-256 of the store's description. */
    private static String key(Manifest identity) {
        try {
            byte[] json = JsonFiles.MAPPER.writeValueAsString(identity).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the data set's description", e);
        }
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
