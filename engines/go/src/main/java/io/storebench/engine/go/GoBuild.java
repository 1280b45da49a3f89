package io.storebench.engine.go;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What build-go.sh put into this jar, read without loading the library: a process that only asks
 * whether the Go engines can run (the parent of a run, {@code list}) starts no Go runtime, and
 * one built without Go learns why.
 */
final class GoBuild {
    /** Written by build-go.sh instead of the library when it could not build it. */
    static final String UNAVAILABLE_RESOURCE = "/io/storebench/engine/go/unavailable.txt";
    static final String LIBRARY_RESOURCE = "/linux-x86-64/libstorebench_go.so";

    private GoBuild() {
    }

    /**
     * Why the Go engines cannot run here, without loading the library: the reason build-go.sh
     * wrote, or the platform this jar has no library for.
     */
    static Optional<String> unavailable() {
        try (InputStream reason = GoBuild.class.getResourceAsStream(UNAVAILABLE_RESOURCE)) {
            if (reason != null) {
                return Optional.of(new String(reason.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (GoBuild.class.getResource(LIBRARY_RESOURCE) == null) {
            return Optional.of("this jar has no Go library for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "; it is built for Linux x86-64 only");
        }
        return Optional.empty();
    }
}
