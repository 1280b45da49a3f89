package io.storebench.engine.contract;

/** The contract suite against the real `memory` engine. */
class MemoryContractTest extends KeyValueStoreContract {
    MemoryContractTest() {
        super("memory");
    }
}
