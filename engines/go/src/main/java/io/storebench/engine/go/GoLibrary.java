package io.storebench.engine.go;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.storebench.engine.StoreException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Go engines library ({@code libstorebench_go.so}, built from {@code engines/go/src/main/go} by
 * {@code build-go.sh}) through JNA direct mapping: each {@code native} method below is bound once
 * to its C symbol, with no per-call reflection. Every function that can fail returns a C string
 * with the error (a recovered Go panic included) or null; {@link #check} turns it into a
 * {@link StoreException} and frees it.
 *
 * <p>The library is loaded on first use of this class; {@link GoBuild} says whether it is there
 * without loading it.
 */
final class GoLibrary {
    static final String LIBRARY = "storebench_go";

    /** The library's file, extracted from the jar once per JVM (a Go library cannot be unloaded). */
    static final File FILE = extract();

    static {
        Native.register(GoLibrary.class, NativeLibrary.getInstance(FILE.getAbsolutePath()));
    }

    private static File extract() {
        try {
            return Native.extractFromResourcePath(LIBRARY, GoLibrary.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the Go engines library " + GoBuild.LIBRARY_RESOURCE + ": "
                    + e.getMessage(), e);
        }
    }

    private GoLibrary() {
    }

    /** Throws the error {@code error} names (freeing it), if any: "ENGINE: OPERATION failed: MESSAGE". */
    static void check(Pointer error, String engine, String operation) {
        if (error != null) {
            throw new StoreException(engine + ": " + operation + " failed: " + take(error));
        }
    }

    /** {@link #check(Pointer, String, String)} of an error returned as an address (0: none). */
    static void check(long error, String engine, String operation) {
        if (error != 0) {
            check(new Pointer(error), engine, operation);
        }
    }

    /** The text of a C string the library allocated, which is freed. */
    static String take(Pointer text) {
        try {
            return text.getString(0, StandardCharsets.UTF_8.name());
        } finally {
            sb_free(text);
        }
    }

    // The C API of main.go and operations.go: handles are C long longs, lengths C ints; an error is
    // a C string (a Pointer here, a long address where the call returns one as an integer).

    static native Pointer sb_open(String engine, String dir, int strict, long cacheBytes, String options, long[] handle);

    static native Pointer sb_stats(long handle, long[] text);

    static native Pointer sb_close(long handle);

    static native Pointer sb_versions();

    static native void sb_free(Pointer text);

    static native int sb_goroutines();

    // The operations through JNA (GoCrossing.JNA): the same exports GoJni reaches through JNI.

    static native long sb_get(long handle, long buffer, int keyLength, int capacity);

    static native long sb_put(long handle, long buffer, int keyLength, int valueLength);

    static native long sb_delete(long handle, long buffer, int keyLength);

    static native long sb_scan(long handle, long buffer, int startLength, int limit, int capacity);

    static native long sb_write(long handle, long buffer, int length);
}
