package io.storebench.bench.io;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** JSON in and out of the run folder. Every write is atomic: a temporary file, then a rename. */
public final class JsonFiles {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonFiles() {
    }

    public static void write(Path file, Object value) throws IOException {
        writeString(file, MAPPER.writeValueAsString(value) + "\n");
    }

    /**
     * Writes {@code text} to {@code file} atomically: readers see the old file or the whole new one.
     * A write that fails (a full disk) leaves no temporary file behind.
     */
    public static void writeString(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }

    /**
     * Reads {@code file} as {@code type}, refusing what {@link #read} would silently fix: a key given
     * twice in one object (Jackson keeps the last) and a number with a decimal point or an exponent
     * in an integer field ({@code 2345.7} would be truncated to 2345). {@code 2345.0} is refused too:
     * what is written as an integer is read as one, whatever its fraction.
     */
    public static <T> T readStrict(Path file, Class<T> type) throws IOException {
        return strict(type).readValue(file.toFile());
    }

    private static ObjectReader strict(Class<?> type) {
        return MAPPER.readerFor(type).with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
