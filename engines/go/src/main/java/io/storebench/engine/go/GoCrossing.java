package io.storebench.engine.go;

import java.util.Locale;

/**
 * How a Go engine's operations cross into the library: through JNI (a small C shim compiled into
 * the library) or through JNA direct mapping. Both pass the same primitives to the same exports;
 * {@code BoundaryBenchmark} measures the two. The default is {@link #JNI}, the cheaper (see the
 * README's boundary figures); {@code -Dstorebench.go.crossing=jna} selects the other.
 */
enum GoCrossing {
    JNI {
        @Override
        long get(long handle, long buffer, int keyLength, int capacity) {
            return GoJni.get(handle, buffer, keyLength, capacity);
        }

        @Override
        long put(long handle, long buffer, int keyLength, int valueLength) {
            return GoJni.put(handle, buffer, keyLength, valueLength);
        }

        @Override
        long delete(long handle, long buffer, int keyLength) {
            return GoJni.delete(handle, buffer, keyLength);
        }

        @Override
        long scan(long handle, long buffer, int startLength, int limit, int capacity) {
            return GoJni.scan(handle, buffer, startLength, limit, capacity);
        }

        @Override
        long write(long handle, long buffer, int length) {
            return GoJni.write(handle, buffer, length);
        }
    },
    JNA {
        @Override
        long get(long handle, long buffer, int keyLength, int capacity) {
            return GoLibrary.sb_get(handle, buffer, keyLength, capacity);
        }

        @Override
        long put(long handle, long buffer, int keyLength, int valueLength) {
            return GoLibrary.sb_put(handle, buffer, keyLength, valueLength);
        }

        @Override
        long delete(long handle, long buffer, int keyLength) {
            return GoLibrary.sb_delete(handle, buffer, keyLength);
        }

        @Override
        long scan(long handle, long buffer, int startLength, int limit, int capacity) {
            return GoLibrary.sb_scan(handle, buffer, startLength, limit, capacity);
        }

        @Override
        long write(long handle, long buffer, int length) {
            return GoLibrary.sb_write(handle, buffer, length);
        }
    };

    static final String PROPERTY = "storebench.go.crossing";

    /** The crossing this JVM uses: {@value #PROPERTY}, {@code jni} by default. */
    static GoCrossing selected() {
        String name = System.getProperty(PROPERTY, "jni");
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.storebench.engine.ConfigurationException("-D" + PROPERTY + "=" + name
                    + " is not a crossing; allowed: jni, jna");
        }
    }

    abstract long get(long handle, long buffer, int keyLength, int capacity);

    abstract long put(long handle, long buffer, int keyLength, int valueLength);

    abstract long delete(long handle, long buffer, int keyLength);

    abstract long scan(long handle, long buffer, int startLength, int limit, int capacity);

    abstract long write(long handle, long buffer, int length);
}
