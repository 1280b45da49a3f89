package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.EngineRegistry;
import io.storebench.stats.model.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLifecycleTest {
    @TempDir
    Path temp;

    @Test
    void finishingARunWithoutForksRecordsWhatIsMissing() throws IOException {
        EngineRegistry registry = EngineRegistry.discover();
        Path out = temp.resolve("run");
        List<String> command = List.of("run", "--engines", "memory", "--forks", "2", "--out", out.toString());
        RunSettings settings = RunCommand.settings(command.subList(1, command.size()), registry);
        RunFolder folder = RunFolder.create(settings);
        folder.writeStart(command, settings);
        Files.createDirectories(out.resolve("data").resolve("memory-left-over"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunRecord record = new RunLifecycle(folder, command, settings, registry)
                .finish(new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertFalse(record.complete());
        assertEquals(List.of("memory: 2 of 2 forks did not finish"), record.missing());
        assertEquals(RunRecord.SCHEMA, JsonFiles.read(out.resolve("run.json"), RunRecord.class).schema());
        assertEquals(command, record.command());
        assertEquals(2, record.settings().forks());
        assertTrue(Files.exists(out.resolve("report.md")));
        assertTrue(Files.exists(out.resolve("settings.json")));
        assertTrue(Files.readString(out.resolve("command.txt")).startsWith("java -jar bench/target/benchmarks.jar run"));
        assertFalse(Files.exists(out.resolve("data")), "leftover fork data is removed");
    }
}
