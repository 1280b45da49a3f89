package io.storebench.engine.rocksdb;

import static io.storebench.engine.contract.EngineRegistryContract.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RocksDB's options and profiles as the registry checks them, each refusal naming what is allowed. */
class RocksDbOptionsTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    private EngineConfig config() {
        return EngineConfig.of(temp.resolve("data"));
    }

    @Test
    void findsAnEngineByNameInAnyCase() {
        assertEquals("rocksdb", registry.provider(" RocksDB ").name());
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("rocksdb", config().withOptions(Map.of("blom-bits", "10"))));
        assertMessage(e, "unknown option 'blom-bits'", "engine 'rocksdb'", "bloom-bits", "compression");
    }

    @Test
    void optionOutOfRangeNamesTheRange() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("rocksdb", config().withOptions(Map.of("bloom-bits", "100"))));
        assertMessage(e, "'bloom-bits'", "'100'", "out of range", "0..64");
    }

    @Test
    void optionChoiceNotAllowedListsTheChoices() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("rocksdb", config().withOptions(Map.of("compression", "brotli"))));
        assertMessage(e, "'brotli'", "none|snappy|lz4|zstd");
    }

    @Test
    void engineRefusesADurabilityProfileItCannotHonour() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("rocksdb", config().withDurability(Durability.NONE)));
        assertMessage(e, "'rocksdb' cannot honour durability 'none'", "strict, buffered");
    }
}
