package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {
    @TempDir
    Path temp;

    @Test
    void anUnreachableRemoteEngineIsRefusedBeforeAnyForkAndLeavesNoData() {
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory,etcd", "--etcd-endpoints",
                "127.0.0.1:1", "--etcd-connect-timeout-ms", "1000"), EngineRegistry.discover());
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> Preflight.checkRemoteEngines(settings, temp, EngineRegistry.discover()));
        assertTrue(refused.getMessage().startsWith("etcd") && refused.getMessage().contains("127.0.0.1:1"),
                refused.getMessage());
        assertFalse(Files.exists(temp.resolve("data")), "the pre-flight's data directory is removed");
    }

    @Test
    void localEnginesAreNotOpened() {
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory,null"), EngineRegistry.discover());
        Preflight.checkRemoteEngines(settings, temp, EngineRegistry.discover());
        assertFalse(Files.exists(temp.resolve("data")));
    }

    @Test
    void aDataSetLargerThanTheDiskIsRefused() throws IOException {
        RunSettings small = RunCommand.settings(List.of("--engines", "memory", "--records", "10"),
                EngineRegistry.discover());
        Preflight.checkDiskSpace(small, temp);
        RunSettings huge = RunCommand.settings(List.of("--engines", "memory", "--records", "1000000000000"),
                EngineRegistry.discover());
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> Preflight.checkDiskSpace(huge, temp));
        assertTrue(refused.getMessage().contains("x 4 for engine overhead"), refused.getMessage());
    }
}
