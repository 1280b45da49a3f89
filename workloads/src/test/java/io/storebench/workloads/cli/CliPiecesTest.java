package io.storebench.workloads.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** The shared picocli pieces of workloads.cli, on a small command of their own. */
class CliPiecesTest {

    @Command(name = "probe", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 5,
            versionProvider = StoreBenchVersion.class)
    static final class Probe implements Callable<Integer> {
        @Option(names = "--count", paramLabel = "N", description = "a count")
        String count;

        @Option(names = "--flag", arity = "0", description = "a flag")
        boolean flag;

        @Unmatched
        List<String> unmatched = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            UnmatchedArguments.refuse(spec, unmatched, 5);
            try {
                Long value = OptionValues.wholeNumber("--count", count, 1, 10);
                spec.commandLine().getOut().println("count " + value + (flag ? " flag" : ""));
                return 0;
            } catch (IllegalArgumentException e) {
                throw new Cli.UsageError(e.getMessage(), 5);
            }
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new Probe(), List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aValueIsTakenSpacedOrAttached() {
        assertEquals("count 3\n", run("--count", "3").out().replace("\r", ""));
        assertEquals("count 4 flag\n", run("--count=4", "--flag").out().replace("\r", ""));
        assertEquals("count null\n", run().out().replace("\r", ""));
    }

    @Test
    void cliRefusesAMissingOrRepeatedValueAndAFlagWithAValue() {
        assertEquals(new Result(5, "", "probe: --count needs a value\n"), normalized(run("--count")));
        assertEquals(new Result(5, "", "probe: --count needs a value\n"), normalized(run("--count", "--flag")));
        assertEquals(new Result(5, "", "probe: --count needs a value\n"), normalized(run("--count", "--bogus")));
        assertEquals(new Result(5, "", "probe: --count needs a value\n"), normalized(run("--count=--flag")));
        assertEquals(new Result(5, "", "probe: --count '-5%' is not a whole number; allowed: 1..10\n"),
                normalized(run("--count", "-5%")));
        assertEquals(new Result(5, "", "probe: --count -1 is out of range; allowed: 1..10\n"),
                normalized(run("--count", "-1")));
        assertEquals(new Result(5, "", "probe: --flag takes no value\n"), normalized(run("--flag=true")));
        assertEquals(new Result(5, "", "probe: --flag takes no value\n"), normalized(run("--flag=false")));
        assertEquals(new Result(5, "", "probe: --flag takes no value\n"), normalized(run("--flag=yes")));
        assertEquals(new Result(5, "", "probe: --count is given twice\n"), normalized(run("--count", "1", "--count", "2")));
    }

    @Test
    void unmatchedArgumentsAreOneLine() {
        assertEquals(new Result(5, "", "probe: unknown option '--cont'; known: --count, --flag, --help\n"),
                normalized(run("--cont", "1")));
        assertEquals(new Result(5, "", "probe: unexpected argument 'x'; options start with --\n"),
                normalized(run("x")));
        assertEquals(new Result(5, "", "probe: unknown option '--'; known: --count, --flag, --help\n"),
                normalized(run("--count", "1", "--", "--flag")));
    }

    @Test
    void aCommandMayListFewerOptionsAndWordAnUnknownOneItself() {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new Probe());
        Cli.UsageError listed = assertThrows(Cli.UsageError.class, () -> UnmatchedArguments.refuse(spec,
                List.of("--cont"), 4, option -> !option.longestName().equals("--flag"), unknown -> null));
        assertEquals("unknown option '--cont'; known: --count, --help", listed.getMessage());
        assertEquals(4, listed.exitCode());
        Cli.UsageError explained = assertThrows(Cli.UsageError.class, () -> UnmatchedArguments.refuse(spec,
                List.of("--count-x"), 4, option -> true, unknown -> unknown.startsWith("--count-") ? "no such" : null));
        assertEquals("no such", explained.getMessage());
    }

    @Test
    void theHelpShowsSpacedValuesAndTheVersionAnswers() {
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--count N"), help.out());
        assertFalse(help.out().contains("--count=N"), help.out());
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("StoreBench "), version.out());
    }

    @Test
    void optionValuesGiveTheOneLineMessages() {
        assertNull(OptionValues.wholeNumber("--n", null, 1, 2));
        assertEquals(1_000_000L, OptionValues.wholeNumber("--n", "1e6", 1, 2_000_000));
        assertEquals(1_000_000L, OptionValues.wholeNumber("--n", "1_000_000", 1, 2_000_000));
        assertEquals("--n 'x' is not a whole number; allowed: 1..2", assertThrows(IllegalArgumentException.class,
                () -> OptionValues.wholeNumber("--n", "x", 1, 2)).getMessage());
        assertEquals("--n 3 is out of range; allowed: 1..2", assertThrows(IllegalArgumentException.class,
                () -> OptionValues.wholeNumber("--n", "3", 1, 2)).getMessage());
        assertNull(OptionValues.number("--f", null, 0, 1));
        assertEquals(0.5, OptionValues.number("--f", " 0.5 ", 0, 1));
        assertEquals("--f 'y' is not a number", assertThrows(IllegalArgumentException.class,
                () -> OptionValues.number("--f", "y", 0, 1)).getMessage());
        assertEquals("--f 2 is out of range; allowed: 0.0..1.0", assertThrows(IllegalArgumentException.class,
                () -> OptionValues.number("--f", "2", 0, 1)).getMessage());
        assertEquals("--f -1 is out of range; allowed: 0.0 or more", assertThrows(IllegalArgumentException.class,
                () -> OptionValues.number("--f", "-1", 0, Double.MAX_VALUE)).getMessage());
        assertEquals("--f NaN is out of range; allowed: 0.0..1.0", assertThrows(IllegalArgumentException.class,
                () -> OptionValues.number("--f", "NaN", 0, 1)).getMessage());
    }

    private static Result normalized(Result result) {
        return new Result(result.code(), result.out().replace("\r", ""), result.err().replace("\r", ""));
    }
}
