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
 * The {@code null} baseline: stores nothing, and every get returns the same fixed value. What a
 * benchmark measures against it is the harness's own cost per operation.
 */
public final class NullEngine implements EngineProvider {
    public static final String NAME = "null";
    static final String VALUE_SIZE = "value-size";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "baseline: does no work, get returns a fixed value (measures the harness)";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    @Override
    public Set<Durability> durabilities() {
        return EnumSet.of(Durability.NONE);
    }

    @Override
    public List<EngineOption> options() {
        return List.of(EngineOption.range(VALUE_SIZE, "bytes of the fixed value every get returns", 100, 0, 1 << 24));
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
        return new NullStore(options.intValue(VALUE_SIZE));
    }
}
