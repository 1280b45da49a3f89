package io.storebench.engine.baseline;

import io.storebench.engine.Capability;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.KeyValueStore;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code memory} baseline: a {@link java.util.concurrent.ConcurrentSkipListMap} on the heap.
 * The cost of a real sorted map with no I/O: what a benchmark measures beyond the {@code null}
 * baseline is data-structure work, and an engine measured against it shows its storage cost.
 * Batches are applied entry by entry (not atomic) and scans are weakly consistent.
 */
public final class MemoryEngine implements EngineProvider {
    public static final String NAME = "memory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "baseline: concurrent sorted map on the heap, no I/O";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.RETAINS_DATA, Capability.ORDERED_SCAN);
    }

    @Override
    public Set<Durability> durabilities() {
        return EnumSet.of(Durability.NONE);
    }

    @Override
    public List<EngineOption> options() {
        return List.of();
    }

    @Override
    public boolean usesDataDirectory() {
        return false;
    }

    @Override
    public boolean baseline() {
        return true;
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        return new MemoryStore();
    }
}
