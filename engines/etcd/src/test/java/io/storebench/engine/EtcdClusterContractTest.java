package io.storebench.engine.contract;

import io.storebench.engine.etcd.EtcdTesting;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract suite against a real 3-member etcd cluster given by {@code endpoints}, shared by
 * the class: each test writes under its own {@code key-prefix}, so it sees an empty store.
 */
class EtcdClusterContractTest extends KeyValueStoreContract {
    @RegisterExtension
    static final EtcdTesting.Cluster CLUSTER = new EtcdTesting.Cluster(3);

    private final String prefix = "contract-" + UUID.randomUUID() + "/";

    EtcdClusterContractTest() {
        super("etcd");
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("endpoints", CLUSTER.endpoints(), "key-prefix", prefix, "connections", "2");
    }
}
