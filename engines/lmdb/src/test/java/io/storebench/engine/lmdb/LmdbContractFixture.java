package io.storebench.engine.lmdb;

import io.storebench.engine.contract.ContractFixture;

/** The contract kit's fixture for the `lmdb` engine: every store on its own files, default options. */
public final class LmdbContractFixture implements ContractFixture {
    @Override
    public String engine() {
        return LmdbEngine.NAME;
    }
}
