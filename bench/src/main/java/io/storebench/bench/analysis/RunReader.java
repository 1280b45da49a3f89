package io.storebench.bench.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a run folder's {@code run.json} (or a {@code run.json} file named directly), with one-line
 * errors that say what is wrong: a missing or unreadable file is an I/O problem; malformed JSON, an
 * unknown schema or missing fields are bad data.
 */
public final class RunReader {
    private RunReader() {
    }

    /** The run.json could not be read at all (missing, unreadable). */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The run.json was read and is not a run StoreBench understands. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** The folder of a run given as a folder or as its run.json. */
    public static Path folder(Path given) {
        return Files.isRegularFile(given) ? given.toAbsolutePath().getParent() : given;
    }

    public static RunRecord read(Path given) throws Unreadable, Invalid {
        Path file = Files.isDirectory(given) ? given.resolve("run.json") : given;
        if (!Files.exists(given)) {
            throw new Unreadable(given + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new Unreadable(given + " has no run.json: is it a run folder?");
        }
        RunRecord record;
        try {
            record = JsonFiles.read(file, RunRecord.class);
        } catch (JsonProcessingException e) {
            throw new Invalid(file + " is not a valid run.json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Unreadable(file + " cannot be read: " + e.getMessage());
        }
        if (record == null || !RunRecord.READABLE.contains(record.schema())) {
            throw new Invalid(file + " has schema '" + (record == null ? null : record.schema())
                    + "'; this version reads " + String.join(" and ", new java.util.TreeSet<>(RunRecord.READABLE)));
        }
        if (record.engines() == null) {
            throw new Invalid(file + " has no 'engines' list");
        }
        for (var engine : record.engines()) {
            if (engine.engine() == null || engine.forks() == null) {
                throw new Invalid(file + ": every entry of 'engines' needs 'engine' and 'forks'");
            }
            for (var fork : engine.forks()) {
                if (fork.operations() == null || fork.operations().stream().anyMatch(o -> o.operation() == null
                        || o.latency() == null)) {
                    throw new Invalid(file + ": fork " + fork.forkId() + " of " + engine.engine()
                            + " needs 'operations', each with 'operation' and 'latency'");
                }
            }
        }
        return record;
    }
}
