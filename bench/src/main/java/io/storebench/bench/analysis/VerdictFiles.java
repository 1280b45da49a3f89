package io.storebench.bench.analysis;

import io.storebench.bench.io.JsonFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A verdict's pair of files in a directory, {@value #MARKDOWN} (for people) and {@value #JSON} (for
 * machines), written both or neither: afterwards the directory holds a matching pair or no verdict
 * at all, never one file of a new verdict beside one of an old, a half-written file, or a
 * temporary. Both are written to temporaries first, then moved into place; any failure deletes the
 * temporaries and both files (the half already moved, or an earlier verdict's).
 *
 * <p>{@link #clear} removes an earlier verdict before a command judges again, so that a run that
 * fails before its verdict (a run.json that cannot be read, say) leaves none that looks current.
 */
public final class VerdictFiles {
    public static final String MARKDOWN = "gate.md";
    public static final String JSON = "gate.json";

    private VerdictFiles() {
    }

    /**
     * Removes the verdict files and their temporaries from {@code dir}, where they are regular files;
     * a missing directory has none.
     *
     * @throws IOException when one exists and cannot be removed
     */
    public static void clear(Path dir) throws IOException {
        for (Path file : files(dir)) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
                Files.delete(file);
            }
        }
    }

    /**
     * Writes {@code markdown} as {@value #MARKDOWN} and {@code verdict} as JSON ({@value #JSON}) into
     * {@code dir} (created if missing), both or neither.
     *
     * @throws IOException when either cannot be written; then neither is in {@code dir}
     */
    public static void write(Path dir, String markdown, Object verdict) throws IOException {
        Path md = dir.resolve(MARKDOWN);
        Path js = dir.resolve(JSON);
        Path mdTemporary = temporary(md);
        Path jsTemporary = temporary(js);
        try {
            String json = JsonFiles.MAPPER.writeValueAsString(verdict) + "\n";
            Files.createDirectories(dir);
            Files.writeString(mdTemporary, markdown, StandardCharsets.UTF_8);
            Files.writeString(jsTemporary, json, StandardCharsets.UTF_8);
            Files.move(mdTemporary, md, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(jsTemporary, js, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                clear(dir);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * What went wrong, in words, for a one-line error: {@code .../gate.json: is a directory}, not an
     * exception's class name; for a failed move, the file it was to replace (not the temporary).
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String why = f.getReason() != null ? lowerFirst(f.getReason())
                    : f instanceof DirectoryNotEmptyException ? "a directory that is not empty"
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof NoSuchFileException ? "no such file or directory"
                    : f instanceof FileAlreadyExistsException ? "already exists"
                    : f.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                            .toLowerCase(java.util.Locale.ROOT);
            return (f.getOtherFile() != null ? f.getOtherFile() : f.getFile()) + ": " + why;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static Path temporary(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }

    private static List<Path> files(Path dir) {
        Path md = dir.resolve(MARKDOWN);
        Path js = dir.resolve(JSON);
        return List.of(md, js, temporary(md), temporary(js));
    }
}
