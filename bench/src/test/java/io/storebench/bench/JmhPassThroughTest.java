package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineRegistry;
import org.junit.jupiter.api.Test;

class JmhPassThroughTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @Test
    void unknownEngineParameterIsRefusedNamingTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> JmhPassThrough.checkEngines(new String[] {"SingleThread", "-p", "engine=rocksdb,leveldb"}, registry));
        assertTrue(e.getMessage().contains("'leveldb'") && e.getMessage().contains("rocksdb"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> JmhPassThrough.checkEngines(new String[] {"-pengine=nope"}, registry));
    }

    @Test
    void knownEnginesAndOtherParametersPass() {
        JmhPassThrough.checkEngines(new String[] {"-p", "engine=rocksdb,lmdb,null", "-p", "other=x"}, registry);
    }

    @Test
    void failOnErrorIsAddedUnlessGiven() {
        assertArrayEquals(new String[] {"-l", "-foe", "true"}, JmhPassThrough.withFailOnError(new String[] {"-l"}));
        assertArrayEquals(new String[] {"-foe", "false"}, JmhPassThrough.withFailOnError(new String[] {"-foe", "false"}));
    }
}
