package io.storebench.engine.baseline;

import io.storebench.engine.AbstractEngineProvider;
import io.storebench.engine.Capability;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineProfile;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the harness's baselines share: they are {@link #baseline() baselines}, not engines; they
 * write nothing, so they use no data directory, offer only durability {@code none}, run on no
 * library and are reached in process.
 */
abstract class BaselineEngine extends AbstractEngineProvider {
    private final EngineProfile profile;

    BaselineEngine(String name, String description, Set<Capability> capabilities, List<EngineOption> options,
            String dataModel, String transactions) {
        super(name, description, capabilities, EnumSet.of(Durability.NONE), options);
        this.profile = new EngineProfile(dataModel, transactions, "none: nothing is written", "in process");
    }

    @Override
    public final boolean usesDataDirectory() {
        return false;
    }

    @Override
    public final boolean baseline() {
        return true;
    }

    @Override
    public final EngineProfile profile() {
        return profile;
    }
}
