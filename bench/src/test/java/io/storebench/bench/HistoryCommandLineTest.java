package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code history} registered in StoreBench's command line: through Main, in its help, its completion. */
class HistoryCommandLineTest {
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
    void historyIsACommandOfMainWithItsHelpVersionAndOneLineErrors() throws Exception {
        Output list = main("--help");
        assertTrue(list.out().contains("\n  history "), list.out());
        assertTrue(list.out().contains("change points over a series of runs"), list.out());
        for (List<String> args : List.of(List.of("history", "--help"), List.of("help", "history"))) {
            Output help = main(args.toArray(String[]::new));
            assertEquals(0, help.exit(), help.err());
            assertTrue(help.out().contains("Usage: storebench history"), help.out());
            assertTrue(help.out().contains("Exit codes: 0 no key's newest segment follows a regression"), help.out());
        }
        assertEquals(main("--version").out(), main("history", "--version").out());
        Output bad = main("history", "--window", "1");
        assertEquals(3, bad.exit());
        assertEquals("storebench history: --window 1 is out of range; allowed: 3 or more (runs each side of a"
                + " split)\n", bad.err().replace("\r", ""));
        assertTrue(new Main.CommandNames().iterator().hasNext());
        assertTrue(Main.script().contains("history"), "in the completion script");
    }
}
