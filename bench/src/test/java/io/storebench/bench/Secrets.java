package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the run tests with a password check: that it is in no record of the run. */
final class Secrets {
    private Secrets() {
    }

    /**
     * Fails if {@code secret} is in any file of the run folder (run.json, reports, JMH's output,
     * HdrHistogram logs, the forks' records) or in either output stream of the run.
     */
    static void assertNowhere(String secret, Path folder, BenchmarksJar.Result result) throws IOException {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith("run.json")) && files.size() >= 5, files.toString());
        for (Path file : files) {
            assertFalse(contains(Files.readAllBytes(file), bytes), "the password is in " + file);
        }
        assertFalse(result.out().contains(secret), "the password is in the output");
        assertFalse(result.err().contains(secret), "the password is in the error output");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
