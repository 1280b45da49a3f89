package io.storebench.engine.contract;

/** The contract suite against the real `null` engine. */
class NullContractTest extends KeyValueStoreContract {
    NullContractTest() {
        super("null");
    }
}
