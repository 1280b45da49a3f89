package io.storebench.bench.io;

import io.storebench.engine.EngineProfile;
import io.storebench.stats.model.EngineProfileRecord;

/** The SPI's descriptions of an engine as {@code run.json} records them: one place for the conversion. */
public final class EngineRecords {
    private EngineRecords() {
    }

    /** {@code profile} as {@code run.json}'s {@code engines[].profile}. */
    public static EngineProfileRecord profile(EngineProfile profile) {
        return new EngineProfileRecord(profile.dataModel(), profile.transactions(), profile.durability(),
                profile.clientPath());
    }
}
