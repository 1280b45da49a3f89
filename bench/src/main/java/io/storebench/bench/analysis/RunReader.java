package io.storebench.bench.analysis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a run folder's {@code run.json} (or a {@code run.json} file named directly), with one-line
 * errors that say what is wrong: a missing or unreadable file is an I/O problem; malformed JSON, an
 * unknown schema or missing fields are bad data.
 *
 * <p>What a lenient reader would silently fix is bad data too, refused by name: a key given twice in
 * one object (the last would win), a number with a fraction, a decimal point or an exponent in an
 * integer field ({@code "p99": 2345.7} would be truncated; {@code 2345.0} is refused alike), and a
 * fork listed twice (each fork is one sample: a copy would count as an independent one).
 */
public final class RunReader {
    /** How Jackson's {@code STRICT_DUPLICATE_DETECTION} begins its message. */
    private static final String DUPLICATE = "Duplicate field '";

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
            record = JsonFiles.readStrict(file, RunRecord.class);
        } catch (JsonProcessingException e) {
            throw new Invalid(message(file, e));
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
        Map<String, String> engineOfFork = new HashMap<>();
        for (EngineRun engine : record.engines()) {
            if (engine.engine() == null || engine.forks() == null) {
                throw new Invalid(file + ": every entry of 'engines' needs 'engine' and 'forks'");
            }
            for (ForkResult fork : engine.forks()) {
                if (fork.forkId() == null) {
                    throw new Invalid(file + ": a fork of " + engine.engine() + " has no 'forkId'");
                }
                String first = engineOfFork.putIfAbsent(fork.forkId(), engine.engine());
                if (first != null) {
                    throw new Invalid(file + ": fork " + fork.forkId() + " is listed twice (engine " + engine.engine()
                            + (first.equals(engine.engine()) ? "" : " and engine " + first) + "); every fork is one"
                            + " sample and is listed once");
                }
                if (fork.operations() == null || fork.operations().stream().anyMatch(o -> o.operation() == null
                        || o.latency() == null)) {
                    throw new Invalid(file + ": fork " + fork.forkId() + " of " + engine.engine()
                            + " needs 'operations', each with 'operation' and 'latency'");
                }
            }
        }
        return record;
    }

    /** The one line for a run.json Jackson refused: a duplicated key, a fraction in an integer, or else Jackson's word. */
    private static String message(Path file, JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
        if (original != null && original.startsWith(DUPLICATE)) {
            String key = original.substring(DUPLICATE.length()).replaceFirst("'$", "");
            String where = e instanceof JsonMappingException m ? path(m) : "";
            if (where.isEmpty() && e.getProcessor() instanceof JsonParser parser) {
                // the parser's place: /engines/0/forks/0/p99, the duplicated key last
                var head = parser.getParsingContext().pathAsPointer().head();
                where = head == null ? "" : head.toString().replaceAll("/([0-9]+)(?=/|$)", "[$1]")
                        .replaceFirst("^/", "").replace('/', '.');
            }
            return file + ": key '" + key + "' appears twice in " + (where.isEmpty() ? "the top-level object" : where)
                    + location(e.getLocation()) + "; every key must appear once (a reader would keep the last)";
        }
        if (e instanceof InvalidFormatException f && (f.getValue() instanceof Double || f.getValue() instanceof Float)) {
            return file + ": " + path(f) + " is " + text(f) + "; an integer field takes a whole number written"
                    + " without a decimal point or exponent";
        }
        return file + " is not a valid run.json: " + original;
    }

    /** The JSON path of a mapping failure, as {@code engines[0].forks[2].operations[0].latency.p99}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The number as the file wrote it ({@code 2e3}, not 2000.0), where the parser still has it. */
    private static String text(InvalidFormatException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            try {
                String text = parser.getText();
                if (text != null && !text.isBlank()) {
                    return text;
                }
            } catch (IOException ignored) {
                // the value Jackson parsed says the same
            }
        }
        return String.valueOf(e.getValue());
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
