package io.storebench.engine.contract;

import io.storebench.engine.etcd.EtcdTesting;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract suite against the real {@code etcd} engine as a run uses it by default: every
 * test opens a store that starts its own single-member etcd and stops it, removing its data, at
 * close.
 */
class EtcdContractTest extends KeyValueStoreContract {
    EtcdContractTest() {
        super("etcd");
    }

    @BeforeAll
    static void etcdIsInstalled() {
        EtcdTesting.requireEtcd();
    }
}
