package io.storebench.engine.lmdb;

import static io.storebench.engine.contract.EngineRegistryContract.assertMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LMDB's options as the registry checks them. */
class LmdbOptionsTest {
    @TempDir
    Path temp;

    @Test
    void optionThatIsNotANumberSaysSo() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> EngineRegistry.discover()
                .open("lmdb", EngineConfig.of(temp.resolve("data")).withOptions(Map.of("map-size-mb", "lots"))));
        assertMessage(e, "'map-size-mb'", "'lots'", "not an integer");
    }
}
