package io.storebench.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rules for {@link EngineOption#text} options that several engines share: each returns the value
 * or throws an {@link IllegalArgumentException} saying what is wrong with it.
 */
public final class OptionRules {
    private OptionRules() {
    }

    /** Empty, or a file this process can read (a certificate, a password file). */
    public static String readableFileOrEmpty(String value) {
        if (!value.isEmpty() && !Files.isReadable(Path.of(value))) {
            throw new IllegalArgumentException("is not a readable file");
        }
        return value;
    }

    /** Empty, or a directory. */
    public static String directoryOrEmpty(String value) {
        if (!value.isEmpty() && !Files.isDirectory(Path.of(value))) {
            throw new IllegalArgumentException("is not a directory");
        }
        return value;
    }
}
