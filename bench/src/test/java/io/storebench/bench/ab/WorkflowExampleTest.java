package io.storebench.bench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.run.RunCommand;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CI workflow under scripts/ci calls ab with options ab and run accept: the example cannot rot. */
class WorkflowExampleTest {
    static final Path WORKFLOW = Path.of("..", "scripts", "ci", "storebench-ab.yml");

    @TempDir
    Path temp;

    /** The workflow's ab command, its shell continuation lines joined, the runner's paths made real. */
    private List<String> abLine() throws Exception {
        List<String> lines = Files.readAllLines(WORKFLOW, StandardCharsets.UTF_8);
        StringBuilder command = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith("java -jar") && text.contains(" ab ")) {
                in = true;
            }
            if (in) {
                command.append(text.endsWith("\\") ? text.substring(0, text.length() - 1) : text).append(' ');
                if (!text.endsWith("\\")) {
                    break;
                }
            }
        }
        assertTrue(in, "the workflow runs ab");
        Files.writeString(temp.resolve("base.jar"), "");
        Files.writeString(temp.resolve("head.jar"), "");
        String real = command.toString().replace("\"$RUNNER_TEMP", "\"" + temp).replace("\"", "");
        List<String> words = AbSetup.split("workflow", real);
        return new ArrayList<>(words.subList(words.indexOf("ab") + 1, words.size()));
    }

    @Test
    void theWorkflowsAbCommandIsOneAbAndRunAccept() throws Exception {
        List<String> args = abLine();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine line = new CommandLine(AbCommand.spec(quiet, quiet));
        line.parseArgs(args.toArray(String[]::new));
        AbCommand command = line.getCommand();
        AbSetup.Sides sides = AbSetup.check(command.sides, command.shared);
        assertEquals(temp.resolve("base.jar").toAbsolutePath().normalize(), sides.baseline().jar());
        assertEquals(temp.resolve("head.jar").toAbsolutePath().normalize(), sides.candidate().jar());
        assertEquals("ci", RunCommand.check(command.shared).profile().label());
        assertEquals(10, RunCommand.check(command.shared).profile().forks());
    }
}
