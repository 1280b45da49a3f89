package io.storebench.engine;

/**
 * A store whose engine sits behind a language boundary (the Go engines: JNA or JNI, then cgo) and
 * times each of its own calls on the far side, around the engine call alone, so that the
 * boundary's cost per call stays out of the engine's latency. The harness records, for such a
 * store, the engine's own time (plus any pacing wait and injected delay) instead of the time it
 * sees around the call, and reports the boundary's cost beside it
 * ({@link EngineProvider#boundaryBaseline()}).
 */
public interface SelfTimed {

    /**
     * The calling thread's clock: the engine time of that thread's calls, cumulative. Take it once
     * per thread, on that thread, and read it before and after each operation.
     */
    EngineClock threadClock();

    /** One thread's cumulative engine time. Not thread-safe: read it only on its own thread. */
    interface EngineClock {
        /** Nanoseconds the engine spent in this thread's calls so far, measured on the far side of the boundary. */
        long nanos();
    }
}
