package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storebench.engine.EngineRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.json: what the parent parsed is what every fork gets, field for field, without a second parse. */
class SettingsFileTest {
    @TempDir
    Path temp;

    @Test
    void everySettingSurvivesTheRoundTrip() throws IOException {
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory,etcd", "--workload", "ycsb-e",
                "--records", "5000", "--distribution", "hotspot", "--hot-set", "0.1", "--value-size", "300",
                "--seed", "-7", "--threads", "3", "--rate", "1234.5", "--inject-tail", "0.01:2ms", "--profile", "smoke",
                "--iterations", "4", "--operations", "10000", "--out", temp.resolve("run").toString(), "--jfr",
                "--etcd-members", "3", "--etcd-endpoints", ""), EngineRegistry.discover());
        RunSettings read = SettingsFile.read(SettingsFile.write(temp, settings));
        assertEquals(settings, read);
        assertEquals(settings.workload(), read.workload());
        assertEquals(settings.engineConfig("etcd", temp, EngineRegistry.discover()),
                read.engineConfig("etcd", temp, EngineRegistry.discover()));
    }

    @Test
    void theFlagIsOnOnlyWhenGiven() {
        assertEquals(true, RunCommand.settings(List.of("--engines", "memory", "--jfr"), EngineRegistry.discover()).jfr());
        assertEquals(false, RunCommand.settings(List.of("--engines", "memory"), EngineRegistry.discover()).jfr());
    }

    @Test
    void aForkReadsTheTypedSettingsNotTheOptionsTheyCameFrom() throws IOException {
        RunSettings settings = RunCommand.settings(List.of("--engines", "memory", "--threads", "3"),
                EngineRegistry.discover());
        Path file = SettingsFile.write(temp, settings);
        // Change the recorded options only: a fork that parsed them again would see 5 threads.
        Files.writeString(file, Files.readString(file).replace("\"threads\" : \"3\"", "\"threads\" : \"5\""));
        RunSettings read = SettingsFile.read(file);
        assertEquals("5", read.options().get("threads"));
        assertEquals(3, read.threads());
    }
}
