package io.storebench.workloads.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * How every StoreBench command runs on picocli, in one place: bad input is one line on the error
 * stream (never a stack trace) and the exit code the command documents, taken from its
 * {@code @Command(exitCodeOnInvalidInput = ...)}; a {@link UsageError} thrown by the command's own
 * checks is the same one line with its own code.
 *
 * <pre>{@code
 * @Command(name = "inspect", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2)
 * final class InspectCommand implements Callable<Integer> { ... }
 *
 * int exit = Cli.execute(new InspectCommand(), args, System.out, System.err);
 * }</pre>
 */
public final class Cli {
    private Cli() {
    }

    /**
     * Bad input found by a command's own checks, after picocli has parsed the line: a message of
     * one line naming the bad value and what is allowed, and the exit code to end with.
     */
    public static final class UsageError extends RuntimeException {
        private final int exitCode;

        public UsageError(String message, int exitCode) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** A command line for {@code command} writing to {@code out} and {@code err}, with StoreBench's error handling. */
    public static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
        return configure(new CommandLine(command), out, err);
    }

    /** Applies StoreBench's error handling and streams to an already built command line (and its subcommands). */
    public static CommandLine configure(CommandLine line, PrintStream out, PrintStream err) {
        line.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setOverwrittenOptionsAllowed(false);
        line.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(oneLine(failed.getCommandName(), e.getMessage()));
            failed.getErr().flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            if (e instanceof UsageError usage) {
                failed.getErr().println(oneLine(failed.getCommandName(), usage.getMessage()));
                failed.getErr().flush();
                return usage.exitCode();
            }
            throw e;
        });
        return line;
    }

    /** Parses {@code args}, runs {@code command} and returns its exit code. */
    public static int execute(Object command, List<String> args, PrintStream out, PrintStream err) {
        CommandLine line = commandLine(command, out, err);
        int exit = line.execute(args.toArray(String[]::new));
        line.getOut().flush();
        line.getErr().flush();
        return exit;
    }

    /** {@code command: message}, on one line, unless the message already names the command. */
    static String oneLine(String command, String message) {
        String first = message == null ? "bad input" : message.strip().lines().findFirst().orElse("bad input");
        return first.startsWith(command + ":") ? first : command + ": " + first;
    }
}
