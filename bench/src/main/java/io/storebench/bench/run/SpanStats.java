package io.storebench.bench.run;

import io.storebench.engine.EngineStats;
import io.storebench.engine.KeyValueStore;

/**
 * What a fork reads at the boundaries of its spans (iterations): the engine's stats, the JVM's
 * ({@link JvmGcMeter}) and the process's use of CPU, memory and I/O ({@link ProcessUsage}), taken
 * together so that all cover the same span; or the change over a span.
 */
record SpanStats(EngineStats engine, EngineStats jvm, ProcessUsage process) {
    static final SpanStats EMPTY = new SpanStats(EngineStats.empty(), EngineStats.empty());

    /** Engine and JVM stats without the process's. */
    SpanStats(EngineStats engine, EngineStats jvm) {
        this(engine, jvm, ProcessUsage.NONE);
    }

    /**
     * A snapshot now: the engine's first (before the harness does anything else), then the JVM's,
     * then the process's, with the data device {@code device} ({@code major:minor}, or null).
     */
    static SpanStats take(KeyValueStore store, JvmGcMeter jvm, String device) {
        EngineStats engine = store.stats();
        EngineStats gc = jvm.stats();
        return new SpanStats(engine, gc, ProcessUsage.read(device));
    }

    /** The change from {@code earlier} to this snapshot ({@link EngineStats#since}). */
    SpanStats since(SpanStats earlier) {
        return new SpanStats(engine.since(earlier.engine), jvm.since(earlier.jvm), process.since(earlier.process));
    }

    /** This span followed by {@code later} ({@link EngineStats#plus}). */
    SpanStats plus(SpanStats later) {
        return new SpanStats(engine.plus(later.engine), jvm.plus(later.jvm), process.plus(later.process));
    }
}
