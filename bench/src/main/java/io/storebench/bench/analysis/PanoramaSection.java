package io.storebench.bench.analysis;

import io.storebench.bench.io.EngineRecords;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineRegistry;
import io.storebench.stats.model.EngineProfileRecord;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.RunRecord;
import java.util.List;
import java.util.Objects;

/**
 * The report's "The engines" section: every engine of the run at a glance (data model,
 * transactions, durability, client path, capabilities), as {@code run.json} recorded it, and the
 * run's durability profile.
 */
final class PanoramaSection {
    private PanoramaSection() {
    }

    /** Adds the section for every engine of {@code record}. */
    static void add(ReportDocument doc, RunRecord record) {
        EngineRegistry registry = EngineRegistry.discover();
        TextTable table = new TextTable(List.of("engine", "data model", "transactions", "durability", "client path",
                "capabilities"));
        for (EngineRun engine : record.engines()) {
            EngineProfileRecord profile = engine.profile() != null ? engine.profile() : currentProfile(registry,
                    engine.engine());
            String capabilities = engine.capabilities() == null ? "" : String.join(", ", engine.capabilities());
            if (profile == null) {
                table.add(engine.engine(), Objects.toString(engine.description(), ""), "", "", "", capabilities);
            } else {
                table.add(engine.engine(), profile.dataModel(), profile.transactions(), profile.durability(),
                        profile.clientPath(), capabilities);
            }
        }
        doc.heading(1, "The engines");
        doc.paragraph("Durability in this run: " + (record.settings() == null ? "not recorded"
                : record.settings().durability()) + ". Compare engines only within one durability profile.");
        doc.table(table);
    }

    /**
     * A {@code storebench.run/1} folder did not record the engine's profile: this build's
     * description of it, or null for an engine this build does not know.
     */
    private static EngineProfileRecord currentProfile(EngineRegistry registry, String engine) {
        try {
            return EngineRecords.profile(registry.provider(engine).profile());
        } catch (ConfigurationException unknown) {
            return null; // another tool's engine: its description is all there is
        }
    }
}
