package io.storebench.engine.etcd;

import io.storebench.engine.contract.ContractFixture;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contract kit's fixture for the {@code etcd} engine, two setups:
 * <ul>
 *   <li>{@code single member}: the engine as a run uses it by default; every case opens a store that
 *       starts its own single-member etcd and stops it, removing its data, at close;</li>
 *   <li>{@code 3-member cluster}: a real cluster shared by the contract class, reached through
 *       {@code endpoints}; each case writes under its own {@code key-prefix}, so it sees an empty
 *       store.</li>
 * </ul>
 * Without etcd on the PATH both skip (fail under CI), as {@link EtcdTesting#requireEtcd} says.
 */
public final class EtcdContractFixture implements ContractFixture {
    @Override
    public String engine() {
        return EtcdEngine.NAME;
    }

    @Override
    public List<Setup> setups() {
        return List.of(new Setup("single member", () -> {
            EtcdTesting.requireEtcd();
            return Map::of;
        }), new Setup("3-member cluster", () -> {
            EtcdTesting.Cluster cluster = new EtcdTesting.Cluster(3);
            cluster.start();
            return new Running() {
                @Override
                public Map<String, String> options() {
                    return Map.of("endpoints", cluster.endpoints(), "key-prefix", "contract-" + UUID.randomUUID() + "/",
                            "connections", "2");
                }

                @Override
                public void stop() throws IOException {
                    cluster.close();
                }
            };
        }));
    }
}
