package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.AnalysisCommandsTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.analysis.AnalysisCommandsTest.Outcome;
import io.storebench.bench.io.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gate.md and gate.json, both or neither: a failed write leaves no half and no temporary, and a gate
 * that stops before its verdict removes an earlier one. The failures are made with structures that
 * stop root too (a non-empty directory where a file goes), since the tests may run as root.
 */
class VerdictFilesTest {
    @TempDir
    Path temp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A non-empty directory at {@code dir/name}: no file can be moved onto it, whoever moves. */
    private static void block(Path dir, String name) throws IOException {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("occupied"), "x");
    }

    @Test
    void bothAreWrittenAndReplaceAnEarlierPair() throws IOException {
        Path dir = temp.resolve("new").resolve("verdict");
        VerdictFiles.write(dir, "# first\n", Map.of("outcome", "PASS"));
        VerdictFiles.write(dir, "# second\n", Map.of("outcome", "FAIL"));
        assertEquals(List.of("gate.json", "gate.md"), names(dir));
        assertEquals("# second\n", Files.readString(dir.resolve("gate.md")));
        assertEquals("FAIL", JsonFiles.MAPPER.readTree(dir.resolve("gate.json").toFile()).get("outcome").asText());
    }

    @Test
    void whenTheJsonCannotBeMovedTheMarkdownGoesToo() throws IOException {
        VerdictFiles.write(temp, "# old\n", Map.of("outcome", "PASS"));
        Files.delete(temp.resolve("gate.json"));
        block(temp, "gate.json");
        IOException e = assertThrows(IOException.class, () -> VerdictFiles.write(temp, "# new\n", Map.of()));
        assertEquals(temp.resolve("gate.json") + ": is a directory", VerdictFiles.reason(e));
        assertEquals(List.of("gate.json"), names(temp), "gate.md moved first and was taken back; no temporaries");
        assertEquals(List.of("occupied"), names(temp.resolve("gate.json")));
    }

    @Test
    void whenTheMarkdownCannotBeMovedAnEarlierJsonGoesToo() throws IOException {
        VerdictFiles.write(temp, "# old\n", Map.of("outcome", "PASS"));
        Files.delete(temp.resolve("gate.md"));
        block(temp, "gate.md");
        assertThrows(IOException.class, () -> VerdictFiles.write(temp, "# new\n", Map.of("outcome", "FAIL")));
        assertEquals(List.of("gate.md"), names(temp), "the earlier gate.json does not stay beside no gate.md");
    }

    @Test
    void aVerdictThatCannotBeSerializedWritesNothing() throws IOException {
        VerdictFiles.write(temp, "# old\n", Map.of("outcome", "PASS"));
        assertThrows(IOException.class, () -> VerdictFiles.write(temp, "# new\n", new Object()));
        assertEquals(List.of(), names(temp));
    }

    @Test
    void clearRemovesTheFilesAndTheirTemporariesOnly() throws IOException {
        for (String name : List.of("gate.md", "gate.json", ".gate.md.tmp", ".gate.json.tmp", "run.json")) {
            Files.writeString(temp.resolve(name), "x");
        }
        VerdictFiles.clear(temp);
        assertEquals(List.of("run.json"), names(temp));
        VerdictFiles.clear(temp.resolve("nowhere"));
        block(temp, "gate.json");
        VerdictFiles.clear(temp);
        assertEquals(List.of("gate.json", "run.json"), names(temp), "a directory is not a verdict file");
    }

    private Path run(String name) throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder);
        Files.copy(RefusalsTest.EXAMPLE.resolve("baseline").resolve("run.json"), folder.resolve("run.json"));
        return folder;
    }

    @Test
    void aGateThatCannotReadItsRunsLeavesNoEarlierVerdict() throws IOException {
        Path a = run("a");
        Path b = run("b");
        Outcome pass = call(GateCommand::run, "--baseline", a.toString(), "--candidate", b.toString());
        assertEquals(0, pass.exit(), pass.err() + pass.out());
        assertEquals(List.of("gate.json", "gate.md", "run.json"), names(b));

        Files.writeString(b.resolve("run.json"), "{\"schema\": ");
        Outcome broken = call(GateCommand::run, "--baseline", a.toString(), "--candidate", b.toString());
        assertEquals(2, broken.exit(), broken.err());
        assertEquals(List.of("run.json"), names(b), "the PASS of the run that was there before is gone");

        Path out = temp.resolve("verdict");
        VerdictFiles.write(out, "# PASS\n", Map.of("outcome", "PASS"));
        Outcome usage = call(GateCommand::run, "--baseline", a.toString(), "--candidate", a.toString(), "--out",
                out.toString(), "--floor", "150%");
        assertEquals(3, usage.exit(), usage.err());
        assertEquals(List.of(), names(out));
    }

    @Test
    void aGateThatCannotWriteGateJsonWritesNoGateMd() throws IOException {
        Path a = run("a");
        Path out = temp.resolve("verdict");
        block(out, "gate.json");
        Outcome gate = call(GateCommand::run, "--baseline", a.toString(), "--candidate", a.toString(), "--out",
                out.toString());
        assertEquals(3, gate.exit(), gate.err() + gate.out());
        assertEquals("storebench gate: cannot write gate.md and gate.json to " + out + " (neither was written): "
                + out.resolve("gate.json") + ": is a directory\n", gate.err());
        assertEquals(List.of("gate.json"), names(out), "no gate.md saying PASS, no .tmp");
        assertFalse(gate.out().contains("wrote"), gate.out());
    }
}
