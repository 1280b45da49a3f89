package io.storebench.engine.rocksdb;

import io.storebench.engine.contract.ContractFixture;

/** The contract kit's fixture for the `rocksdb` engine: every store on its own files, default options. */
public final class RocksDbContractFixture implements ContractFixture {
    @Override
    public String engine() {
        return RocksDbEngine.NAME;
    }
}
