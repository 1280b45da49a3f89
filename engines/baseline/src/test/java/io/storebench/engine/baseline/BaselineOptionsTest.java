package io.storebench.engine.baseline;

import static io.storebench.engine.contract.EngineRegistryContract.assertMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baselines' profiles as the registry checks them. */
class BaselineOptionsTest {
    @TempDir
    Path temp;

    @Test
    void baselineRefusesADurabilityProfileItCannotHonour() {
        ConfigurationException baseline = assertThrows(ConfigurationException.class, () -> EngineRegistry.discover()
                .open("memory", EngineConfig.of(temp.resolve("data")).withDurability(Durability.STRICT)));
        assertMessage(baseline, "'memory' cannot honour durability 'strict'", "supports: none");
    }
}
