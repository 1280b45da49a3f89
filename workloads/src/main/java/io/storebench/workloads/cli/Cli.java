package io.storebench.workloads.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>Every command's help shows an option's value as {@code --records N} ({@link SpacedHelp}) and
 * {@code --version} prints {@link StoreBenchVersion}'s line.
 */
public final class Cli {
    /**
     * StoreBench's commands have no end-of-options marker: {@code --} is refused as an unknown
     * option ({@code unknown option '--'; known: ...}), not picocli's delimiter, so this stands in
     * for it (an argument no shell passes).
     */
    private static final String NO_END_OF_OPTIONS = "\u0000";

    /** picocli's "Expected parameter for option '--x' but found '--y'" (a known option where a value should be). */
    private static final Pattern EXPECTED_PARAMETER = Pattern.compile("Expected parameter for option '([^']+)'");
    /** picocli's "option '--x' should be specified without 'v' parameter", for a flag given a value. */
    private static final Pattern FLAG_WITH_VALUE = Pattern.compile("^option '([^']+)' should be specified without '");

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

    /**
     * The {@code descriptionKey} of an option whose value is itself a list of options
     * ({@code ab --candidate-args "--durability strict"}): its value may begin with {@code --}.
     */
    public static final String TAKES_OPTIONS = "takes-options";

    /** A command line for {@code command} writing to {@code out} and {@code err}, with StoreBench's error handling. */
    public static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
        return configure(new CommandLine(command), out, err);
    }

    /** Applies StoreBench's error handling and streams to an already built command line (and its subcommands). */
    public static CommandLine configure(CommandLine line, PrintStream out, PrintStream err) {
        line.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        line.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        line.setOverwrittenOptionsAllowed(false);
        line.setEndOfOptionsDelimiter(NO_END_OF_OPTIONS); // "--" is an unknown option, as it has always been
        line.setHelpFactory(new SpacedHelp());
        withVersion(line);
        line.setExecutionStrategy(parsed -> {
            refuseOptionsAsValues(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        line.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(oneLine(failed.getCommandName(), message(e)));
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

    /**
     * {@code --metric --bogus}: picocli takes an unknown {@code --bogus} as {@code --metric}'s
     * value (a known option it never takes: {@code --threads --forks 1} fails in the parse); StoreBench
     * has always refused a value that begins with {@code --} as a missing one. A value that begins with
     * one dash is a value ({@code --floor -5%}, {@code --seed -7}).
     */
    private static void refuseOptionsAsValues(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult command = parsed; command != null; command = command.subcommand()) {
            for (CommandLine.Model.OptionSpec option : command.matchedOptions()) {
                if (option.arity().max() > 0 && !TAKES_OPTIONS.equals(option.descriptionKey())
                        && option.originalStringValues().stream().anyMatch(value -> value.startsWith("--"))) {
                    throw new CommandLine.ParameterException(command.commandSpec().commandLine(),
                            option.longestName() + " needs a value");
                }
            }
        }
    }

    /** StoreBench's version ({@link StoreBenchVersion}) for every command that names none. */
    private static void withVersion(CommandLine line) {
        if (line.getCommandSpec().versionProvider() == null && line.getCommandSpec().version().length == 0) {
            line.getCommandSpec().versionProvider(new StoreBenchVersion());
        }
        line.getSubcommands().values().forEach(Cli::withVersion);
    }

    /**
     * picocli's message, except for the three StoreBench has always worded itself: an option
     * without its value, at the end of the line or before another option ({@code --seed needs a
     * value}), an option given twice ({@code --seed is given twice}) and a flag given a value
     * ({@code --json takes no value}; every boolean option is declared {@code arity = "0"}).
     */
    static String message(CommandLine.ParameterException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof CommandLine.MissingParameterException missing && missing.getMissing() != null
                && missing.getMissing().size() == 1
                && missing.getMissing().get(0) instanceof CommandLine.Model.OptionSpec option
                && text.startsWith("Missing required parameter for option")) {
            return option.longestName() + " needs a value";
        }
        Matcher expected = EXPECTED_PARAMETER.matcher(text);
        if (e instanceof CommandLine.MissingParameterException && expected.find()) {
            return expected.group(1) + " needs a value";
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten
                && overwritten.getOverwritten() instanceof CommandLine.Model.OptionSpec option) {
            return option.longestName() + " is given twice";
        }
        Matcher flag = FLAG_WITH_VALUE.matcher(text);
        if (e instanceof CommandLine.MaxValuesExceededException && flag.find()) {
            return flag.group(1) + " takes no value";
        }
        return text;
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
