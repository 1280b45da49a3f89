package io.storebench.engine.baseline;

import io.storebench.engine.Capability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.KeyValueStore;
import java.util.EnumSet;
import java.util.List;

/**
 * The {@code memory} baseline: a {@link java.util.concurrent.ConcurrentSkipListMap} on the heap.
 * The cost of a real sorted map with no I/O: what a benchmark measures beyond the {@code null}
 * baseline is data-structure work, and an engine measured against it shows its storage cost.
 * Batches are applied entry by entry (not atomic) and scans are weakly consistent.
 */
public final class MemoryEngine extends BaselineEngine {
    public static final String NAME = "memory";

    public MemoryEngine() {
        super(NAME, "baseline: concurrent sorted map on the heap, no I/O",
                EnumSet.of(Capability.RETAINS_DATA, Capability.ORDERED_SCAN), List.of(),
                "baseline: sorted map on the heap", "none: each operation on its own, batches not atomic");
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        return new MemoryStore();
    }
}
