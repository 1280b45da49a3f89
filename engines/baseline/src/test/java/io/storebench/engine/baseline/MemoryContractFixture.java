package io.storebench.engine.baseline;

import io.storebench.engine.contract.ContractFixture;

/** The contract kit's fixture for the `memory` engine: every store on its own, empty. */
public final class MemoryContractFixture implements ContractFixture {
    @Override
    public String engine() {
        return MemoryEngine.NAME;
    }
}
