package io.storebench.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A server's log file, read for the one line an error message quotes. */
public final class ServerLog {
    /** What {@link #lastLine} answers for a log without a non-blank line. */
    public static final String EMPTY = "(empty)";

    private ServerLog() {
    }

    /** The last non-blank line of {@code log}, "(empty)", or "(unreadable: ...)". */
    public static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return EMPTY;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * The last line of {@code log} that reports an error ({@code ERROR}, {@code FATAL},
     * {@code PANIC}), else its last non-blank line: what a failed start is quoted by, since a
     * program may end its log with a generic footer after the error.
     */
    public static String lastError(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.contains("ERROR") || line.contains("FATAL") || line.contains("PANIC")) {
                    return line.strip();
                }
            }
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        return lastLine(log);
    }
}
