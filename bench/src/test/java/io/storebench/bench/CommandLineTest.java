package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StoreBench's command line as one picocli model: generated help, the engine flags in it, the completion script. */
class CommandLineTest {
    /** The committed script; {@code -Dstorebench.regenerate=true} rewrites it from the model. */
    private static final Path SCRIPT = Path.of("..", "scripts", "storebench-completion.bash");

    private record Output(int exit, String out, String err) {
    }

    private static Output main(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpIsGeneratedAndListsEveryCommand() throws Exception {
        for (String help : List.of("--help", "help", "help bogus")) {
            Output output = main(help.split(" "));
            assertEquals(0, output.exit(), output.err());
            assertTrue(output.out().contains("run [options]"), output.out());
            for (String command : List.of("run", "list", "inspect", "gate", "compare", "report", "help")) {
                assertTrue(output.out().contains("\n  " + command + " "), command + " in: " + output.out());
            }
            assertTrue(output.out().contains("Exit codes: 0 success"), output.out());
            assertTrue(output.out().contains("the help of a command: help COMMAND"), output.out());
            assertFalse(output.out().contains("Display help information"), output.out());
        }
    }

    @Test
    void everyCommandPrintsTheOneVersionLine() throws Exception {
        Output top = main("--version");
        assertEquals(0, top.exit(), top.err());
        assertTrue(top.out().startsWith("StoreBench "), top.out());
        for (String command : List.of("run", "list", "inspect", "gate", "compare", "report")) {
            Output output = main(command, "--version");
            assertEquals(0, output.exit(), command + ": " + output.err());
            assertEquals(top.out(), output.out(), command);
        }
    }

    @Test
    void runHelpListsTheOptionsAndEveryEnginesFlagsWithDefaultsAndAllowedValues() throws Exception {
        for (List<String> args : List.of(List.of("run", "--help"), List.of("help", "run"))) {
            Output output = main(args.toArray(String[]::new));
            assertEquals(0, output.exit(), output.err());
            String help = output.out();
            for (String option : List.of("--engines", "--workload", "--records", "--threads", "--rate", "--inject-tail",
                    "--profile", "--operations", "--out", "--jfr", "--prof", "--engine-options")) {
                assertTrue(help.contains(option), option + " in: " + help);
            }
            String words = help.replaceAll("\\s+", " ");
            for (EngineProvider provider : EngineRegistry.discover().providers()) {
                for (EngineOption option : provider.options()) {
                    String flag = "--" + provider.name() + "-" + option.name();
                    assertTrue(help.contains(flag), flag + " in: " + help);
                    if (option.allowed() instanceof EngineOption.Choice choice) {
                        assertTrue(words.contains("allowed: " + choice.describe()), "the allowed values of " + flag
                                + ": " + help);
                    }
                }
            }
            assertTrue(help.contains("default: "), help);
            assertFalse(help.contains("(run --help lists the options)"), "no pointer to itself: " + help);
            assertTrue(help.contains("Exit codes: 0 done"), help);
        }
    }

    @Test
    void listRunsOnPicocliAndRefusesAStrayArgument() throws Exception {
        Output list = main("list");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("Run profiles:") && list.out().contains("smoke      5 forks"), list.out());
        Output bad = main("list", "--bogus");
        assertEquals(2, bad.exit());
        assertEquals("storebench list: unknown option '--bogus'; known: --help\n", bad.err().replace("\r", ""));
        Output stray = main("list", "stray");
        assertEquals(2, stray.exit());
        assertEquals("storebench list: unexpected argument 'stray'; options start with --\n",
                stray.err().replace("\r", ""));
        Output help = main("list", "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("--help"), help.out());
    }

    @Test
    void aMistypedCommandIsAnUnknownCommandNotJmhsInput() throws Exception {
        Output bad = main("runn", "--engines", "memory");
        assertEquals(2, bad.exit());
        assertEquals("storebench: unknown command 'runn'; commands: run, list, inspect, gate, ab, calibrate, compare,"
                + " report, history, crashcheck, doctor, help; anything else goes to JMH's command line, where 'runn' selects no benchmark"
                + " (-l lists them)\n", bad.err().replace("\r", ""));
        assertEquals("", bad.out());
    }

    @Test
    void runErrorsThroughMainKeepTheirOneLine() throws Exception {
        Output bad = main("run", "--engines", "bogus", "--out", Files.createTempDirectory("sb").resolve("x").toString());
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("storebench run: unknown engine 'bogus'"), bad.err());
    }

    @Test
    void theCommittedCompletionScriptIsTheGeneratedOne() throws IOException {
        String generated = Main.script();
        if (Boolean.getBoolean("storebench.regenerate")) {
            Files.writeString(SCRIPT, generated, StandardCharsets.UTF_8);
        }
        assertTrue(generated.contains("--workload"), "the model's options");
        for (EngineProvider provider : EngineRegistry.discover().providers()) {
            provider.options().forEach(option -> assertTrue(generated.contains("'--" + provider.name() + "-"
                    + option.name() + "'"), "the engine flags: " + option.name()));
        }
        assertEquals(generated, Files.readString(SCRIPT, StandardCharsets.UTF_8),
                "scripts/storebench-completion.bash is stale: rebuild it with -Dstorebench.regenerate=true");
    }

    @Test
    void completionCommandPrintsTheScript() throws Exception {
        Output output = main("completion");
        assertEquals(0, output.exit(), output.err());
        assertEquals(Main.script(), output.out());
    }
}
