package io.storebench.stats.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The garbage collector's work in one runtime over a span of a fork (one measurement iteration, or
 * all of them): the JVM the fork runs in, or the Go runtime inside a Go engine's library. A null
 * field was not measured.
 *
 * @param runtime {@value #JVM} or {@value #GO}
 * @param cycles collections completed in the span
 * @param pauseNanos stop-the-world time of the runtime's collections in the span
 * @param pauseP99Nanos 99th percentile of the pauses in the span; for a whole fork, of its last
 *     measurement iteration (as the engines' own p99s); null when no pause fell in it
 * @param heapInUseBytes the heap in use at the end of the span
 * @param allocatedBytesPerOperation bytes the runtime allocated in the span / operations that succeeded in it
 * @param scope what the figures cover: for the JVM the whole process, the harness's own work included
 * @param sources where each figure came from, by field name; "proxy: ..." marks a stand-in
 */
public record GcPressure(String runtime, long cycles, Long pauseNanos, Long pauseP99Nanos, Long heapInUseBytes,
        Double allocatedBytesPerOperation, String scope, Map<String, String> sources) {
    /** The fork's JVM. */
    public static final String JVM = "jvm";
    /** The Go runtime of a Go engine's library. */
    public static final String GO = "go";

    public GcPressure {
        Objects.requireNonNull(runtime, "runtime");
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }
}
