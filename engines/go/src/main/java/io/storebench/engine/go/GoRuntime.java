package io.storebench.engine.go;

/**
 * The Go runtime inside this JVM, for benchmarks and tests of the boundary itself: one call that
 * crosses it and does almost nothing on the other side.
 */
public final class GoRuntime {
    private GoRuntime() {
    }

    /**
     * The number of goroutines (Go's {@code runtime.NumGoroutine}): a call with no arguments through
     * JNA direct mapping and cgo, the boundary's floor.
     */
    public static int goroutines() {
        return GoLibrary.sb_goroutines();
    }
}
