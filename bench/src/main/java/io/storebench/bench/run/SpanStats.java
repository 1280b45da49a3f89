package io.storebench.bench.run;

import io.storebench.engine.EngineStats;
import io.storebench.engine.KeyValueStore;

/**
 * What a fork reads at the boundaries of its spans (iterations): the engine's stats and the JVM's
 * ({@link JvmGcMeter}), taken together so that both cover the same span; or the change over a span.
 */
record SpanStats(EngineStats engine, EngineStats jvm) {
    static final SpanStats EMPTY = new SpanStats(EngineStats.empty(), EngineStats.empty());

    /** A snapshot now: the engine's first (before the harness does anything else), then the JVM's. */
    static SpanStats take(KeyValueStore store, JvmGcMeter jvm) {
        EngineStats engine = store.stats();
        return new SpanStats(engine, jvm.stats());
    }

    /** The change from {@code earlier} to this snapshot ({@link EngineStats#since}). */
    SpanStats since(SpanStats earlier) {
        return new SpanStats(engine.since(earlier.engine), jvm.since(earlier.jvm));
    }

    /** This span followed by {@code later} ({@link EngineStats#plus}). */
    SpanStats plus(SpanStats later) {
        return new SpanStats(engine.plus(later.engine), jvm.plus(later.jvm));
    }
}
