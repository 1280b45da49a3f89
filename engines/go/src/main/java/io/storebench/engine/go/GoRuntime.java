package io.storebench.engine.go;

/**
 * The Go runtime inside this JVM, for benchmarks and tests of the boundary itself: a call that
 * crosses it and does almost nothing on the other side, through each crossing.
 */
public final class GoRuntime {
    private GoRuntime() {
    }

    /** Go's {@code runtime.NumGoroutine}, through JNI (the C shim): the JNI crossing's floor. */
    public static int goroutinesThroughJni() {
        return GoJni.goroutines();
    }

    /** The same through JNA direct mapping: the JNA crossing's floor. */
    public static int goroutinesThroughJna() {
        return GoLibrary.sb_goroutines();
    }

    /** The system property that selects the crossing of the Go engines' operations: jni (default) or jna. */
    public static String crossingProperty() {
        return GoCrossing.PROPERTY;
    }
}
