package io.storebench.engine.contract;

/** The contract suite against the real `lmdb` engine. */
class LmdbContractTest extends KeyValueStoreContract {
    LmdbContractTest() {
        super("lmdb");
    }
}
