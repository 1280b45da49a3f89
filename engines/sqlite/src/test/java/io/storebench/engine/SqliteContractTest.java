package io.storebench.engine.contract;

/** The contract suite against the real `sqlite` engine. */
class SqliteContractTest extends KeyValueStoreContract {
    SqliteContractTest() {
        super("sqlite");
    }
}
