package io.storebench.engine.contract;

import java.util.List;
import java.util.Map;

/**
 * What the contract kit needs to run one engine: the setups to run it under (a plain store, a
 * managed server, a shared cluster) and the options of each case's stores. Found by
 * {@link java.util.ServiceLoader} from the engine module's test resources
 * ({@code META-INF/services/io.storebench.engine.contract.ContractFixture}); a registered engine
 * without one fails {@link EngineRegistryContract#everyRegisteredEngineHasAContractFixture}.
 */
public interface ContractFixture {

    /** The registered name of the engine this fixture serves, e.g. {@code rocksdb}. */
    String engine();

    /** The setups every contract case runs under, in order; one plain setup by default. */
    default List<Setup> setups() {
        return List.of(Setup.plain());
    }

    /**
     * One way to run the engine, named in the reports. {@code start} is called once per contract
     * class, before the setup's first case; what it returns is stopped after the class's last case.
     */
    record Setup(String name, Starter starter) {
        /** Every store opens on its own, with the engine's default options. */
        public static Setup plain() {
            return new Setup("", () -> Map::of);
        }
    }

    /** Starts what a setup needs (a server, a cluster), or fails or skips the cases with a reason. */
    @FunctionalInterface
    interface Starter {
        Running start() throws Exception;
    }

    /** A started setup. */
    @FunctionalInterface
    interface Running {
        /** The engine options for one case's stores (called once per case). */
        Map<String, String> options();

        /** Stops what {@link Starter#start} started, after the class's last case. */
        default void stop() throws Exception {
        }
    }
}
