package io.storebench.engine.baseline;

import io.storebench.engine.contract.ContractFixture;

/** The contract kit's fixture for the `null` engine: every store on its own, default options. */
public final class NullContractFixture implements ContractFixture {
    @Override
    public String engine() {
        return NullEngine.NAME;
    }
}
