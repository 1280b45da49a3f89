package io.storebench.bench.run;

import io.storebench.bench.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code settings.json}: a run's {@link RunSettings} as the parent parsed them, written once into
 * the run folder with Jackson and read back by every fork. Nothing is parsed twice: a fork gets
 * the typed settings, not the options they came from.
 */
public final class SettingsFile {
    public static final String NAME = "settings.json";

    private SettingsFile() {
    }

    /** Writes {@code settings} into {@code directory} (atomically) and returns the file. */
    public static Path write(Path directory, RunSettings settings) throws IOException {
        Path file = directory.resolve(NAME);
        JsonFiles.write(file, settings);
        return file;
    }

    /** The settings in a {@code settings.json} file. */
    public static RunSettings read(Path file) throws IOException {
        return JsonFiles.read(file, RunSettings.class);
    }
}
