package io.storebench.engine.go;

/**
 * The operations through JNI: {@code jni.c}, compiled into the Go library, hands each call's
 * primitive arguments to the export of the same name, as {@link GoLibrary}'s JNA bindings do.
 * Loaded from the same file as {@link GoLibrary}, so both reach the one Go runtime. Each returns
 * the address of an error string, or 0.
 */
final class GoJni {
    static {
        System.load(GoLibrary.FILE.getAbsolutePath());
    }

    private GoJni() {
    }

    static native long get(long handle, long buffer, int keyLength, int capacity);

    static native long put(long handle, long buffer, int keyLength, int valueLength);

    static native long delete(long handle, long buffer, int keyLength);

    static native long scan(long handle, long buffer, int startLength, int limit, int capacity);

    static native long write(long handle, long buffer, int length);

    static native int goroutines();
}
