package io.storebench.engine.contract;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine and setup one contract case runs against, handed to the case by {@link EveryEngine}.
 * The setup is started on first use, inside the case, so a setup that cannot start (no etcd
 * binary) skips or fails the case with its own reason.
 */
public final class EngineCase {
    private final String engine;
    private final String setup;
    private final Supplier<ContractFixture.Running> running;

    EngineCase(String engine, String setup, Supplier<ContractFixture.Running> running) {
        this.engine = engine;
        this.setup = setup;
        this.running = running;
    }

    /** The registered engine name. */
    public String engine() {
        return engine;
    }

    /** The setup's name, empty for a plain one. */
    public String setup() {
        return setup;
    }

    /** The options of this case's stores, starting the setup if it is not yet running. */
    public Map<String, String> options() {
        return running.get().options();
    }

    @Override
    public String toString() {
        return setup.isEmpty() ? engine : engine + ", " + setup;
    }
}
