package io.storebench.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A server's log file, read for the one line an error message quotes. */
public final class ServerLog {
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
            return "(empty)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The last non-blank line of {@code log} that contains {@code marker}, else its last line. */
    public static String lastLineWith(Path log, String marker) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(marker)) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
        return lastLine(log);
    }
}
