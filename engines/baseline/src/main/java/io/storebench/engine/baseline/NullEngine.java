package io.storebench.engine.baseline;

import io.storebench.engine.Capability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.KeyValueStore;
import java.util.EnumSet;
import java.util.List;

/**
 * The {@code null} baseline: stores nothing, and every get returns the same fixed value. What a
 * benchmark measures against it is the harness's own cost per operation. With
 * {@code stall-after=N} it stalls once, in its N-th get, for {@code stall-ms}: the engine that
 * shows why open-loop measurement matters (a closed loop records one slow operation; an open loop
 * records every operation that was due during the stall).
 */
public final class NullEngine extends BaselineEngine {
    public static final String NAME = "null";
    static final String VALUE_SIZE = "value-size";
    static final String STALL_AFTER = "stall-after";
    static final String STALL_MS = "stall-ms";

    public NullEngine() {
        super(NAME, "baseline: does no work, get returns a fixed value (measures the harness)",
                EnumSet.noneOf(Capability.class),
                List.of(EngineOption.range(VALUE_SIZE, "bytes of the fixed value every get returns", 100, 0, 1 << 24),
                        EngineOption.range(STALL_AFTER, "stall once, in the get with this number (0 = never):"
                                + " shows what coordinated omission hides", 0, 0, Long.MAX_VALUE),
                        EngineOption.range(STALL_MS, "how long that one stall lasts, in ms", 1000, 1, 600_000)),
                "baseline: stores nothing", "none");
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        return new NullStore(options.intValue(VALUE_SIZE), options.longValue(STALL_AFTER),
                options.longValue(STALL_MS));
    }
}
