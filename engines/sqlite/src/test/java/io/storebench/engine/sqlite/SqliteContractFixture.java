package io.storebench.engine.sqlite;

import io.storebench.engine.contract.ContractFixture;

/** The contract kit's fixture for the `sqlite` engine: every store on its own files, default options. */
public final class SqliteContractFixture implements ContractFixture {
    @Override
    public String engine() {
        return SqliteEngine.NAME;
    }
}
