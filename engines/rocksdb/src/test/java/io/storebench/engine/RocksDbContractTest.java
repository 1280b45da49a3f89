package io.storebench.engine.contract;

/** The contract suite against the real `rocksdb` engine. */
class RocksDbContractTest extends KeyValueStoreContract {
    RocksDbContractTest() {
        super("rocksdb");
    }
}
