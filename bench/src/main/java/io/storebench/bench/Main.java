package io.storebench.bench;

import io.storebench.bench.ab.AbCommand;
import io.storebench.bench.ab.CalibrateCommand;
import io.storebench.bench.analysis.CompareCommand;
import io.storebench.bench.analysis.GateCommand;
import io.storebench.bench.analysis.HistoryCommand;
import io.storebench.bench.analysis.ReportCommand;
import io.storebench.bench.crash.CrashCheckCommand;
import io.storebench.bench.doctor.DoctorCommand;
import io.storebench.bench.run.RunCommand;
import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.inspect.InspectCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.BenchmarkList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The entry point of {@code benchmarks.jar}, a picocli command with StoreBench's commands as
 * subcommands.
 * <ul>
 *   <li>no arguments: the default run ({@code rocksdb}, {@code lmdb}, {@code sqlite} on
 *       {@code ycsb-a}, quick profile);</li>
 *   <li>{@code run}, {@code list}, {@code inspect}, {@code gate}, {@code ab}, {@code calibrate},
 *       {@code compare}, {@code report}, {@code history}, {@code crashcheck}, {@code doctor}, {@code help} /
 *       {@code --help}: StoreBench's
 *       commands;</li>
 *   <li>anything else goes to JMH's own main ({@link JmhPassThrough}: {@code -l}, {@code -h}, a
 *       regex, {@code -p}, {@code -prof gc}, {@code -rf json}), except a first word that is no command
 *       and selects no benchmark ({@code runn}): an unknown command, exit 2.</li>
 * </ul>
 * Exit codes: 0 success; 1 a run or benchmark failed; 2 bad input; 130 interrupted. {@code gate},
 * {@code ab}, {@code calibrate}, {@code compare}, {@code report} and {@code history} document their own.
 */
@Command(name = "storebench", usageHelpAutoWidth = true,
        description = {"StoreBench: storage-engine benchmarks on JMH.", "",
            "With no arguments, the default run: rocksdb, lmdb, sqlite on ycsb-a (100k records of 1 KB, 2 threads,"
                    + " durability buffered), quick profile; about 3 minutes. Anything that is not a command below"
                    + " goes to JMH's own command line: -l, -h, a regex, -p, -prof gc, -rf json ...", ""},
        synopsisHeading = "Usage:%n",
        customSynopsis = {
            "  java -jar bench/target/benchmarks.jar             the default run",
            "  java -jar bench/target/benchmarks.jar run [options]",
            "  java -jar bench/target/benchmarks.jar COMMAND [options]",
            "  java -jar bench/target/benchmarks.jar JMH-ARGS... JMH's own command line",
            ""},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 success, 1 a run or benchmark failed, 2 bad input, 130 interrupted (gate, ab,"
                + " calibrate, compare, report, history, crashcheck and doctor: see their --help)."})
public final class Main implements Callable<Integer> {
    @Option(names = "--help", usageHelp = true, description = "this text")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "StoreBench's version")
    boolean version;

    @CommandLine.Spec
    CommandSpec spec;

    /** StoreBench's commands besides {@code run}: each parses its own line through its static entry. */
    private static final Map<String, Entry> COMMANDS = Map.of(
            "list", ListCommand::run,
            "inspect", InspectCommand::run,
            "gate", GateCommand::run,
            "ab", AbCommand::run,
            "calibrate", CalibrateCommand::run,
            "compare", CompareCommand::run,
            "report", ReportCommand::run,
            "history", HistoryCommand::run,
            "crashcheck", CrashCheckCommand::run,
            "doctor", DoctorCommand::run);

    /** A command's static {@code run(args, out, err)} entry. */
    @FunctionalInterface
    interface Entry {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command {@code args} name and returns its exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            return RunCommand.run(List.of(), out, err);
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (command.equals("run")) {
            return RunCommand.run(rest, out, err); // on its own, so that its errors read "storebench run: ..."
        }
        Entry entry = COMMANDS.get(command);
        if (entry != null) {
            return entry.run(rest, out, err); // on its own, so that its errors keep their prefix
        }
        CommandLine root = commandLine(out, err);
        if (command.equals("--help") || command.equals("--version") || root.getSubcommands().containsKey(command)) {
            int exit = root.execute(args.toArray(String[]::new));
            root.getOut().flush();
            root.getErr().flush();
            return exit;
        }
        if (!command.startsWith("-") && JmhPassThrough.selectsNoBenchmark(command, BenchmarkList.defaultList())) {
            err.println("storebench: unknown command '" + command + "'; commands: " + String.join(", ",
                    new CommandNames()) + ", help; anything else goes to JMH's command line, where '" + command
                    + "' selects no benchmark (-l lists them)");
            err.flush();
            return JmhPassThrough.EXIT_BAD_INPUT;
        }
        return JmhPassThrough.run(args.toArray(String[]::new));
    }

    /** StoreBench's whole command line as one picocli model: what {@code help} and the completion script show. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine root = new CommandLine(new Main());
        root.addSubcommand("run", RunCommand.spec("run", EngineRegistry.discover(), out, err));
        root.addSubcommand("list", ListCommand.spec(out).name("list"));
        root.addSubcommand("inspect", InspectCommand.spec().name("inspect"));
        root.addSubcommand("gate", GateCommand.spec(out, err).name("gate"));
        root.addSubcommand("ab", AbCommand.spec(out, err).name("ab"));
        root.addSubcommand("calibrate", CalibrateCommand.spec(out, err).name("calibrate"));
        root.addSubcommand("compare", CompareCommand.spec(out, err).name("compare"));
        root.addSubcommand("report", ReportCommand.spec(out, err).name("report"));
        root.addSubcommand("history", HistoryCommand.spec(out, err).name("history"));
        root.addSubcommand("crashcheck", CrashCheckCommand.spec(out, err).name("crashcheck"));
        root.addSubcommand("doctor", CommandSpec.forAnnotatedObject(DoctorCommand.command(out)).name("doctor"));
        root.addSubcommand("completion", new CompletionCommand());
        root.addSubcommand("help", new HelpCommand());
        return Cli.configure(root, out, err);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code completion}: prints the bash completion script of this command line (hidden; see scripts/). */
    @Command(name = "completion", hidden = true, mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
            description = "Prints the bash completion script (scripts/storebench-completion.bash), for"
                    + " `source <(java -jar bench/target/benchmarks.jar completion)` with `alias storebench=...`.")
    static final class CompletionCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(script());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /**
     * {@code help [COMMAND]}: the help of a command, or StoreBench's own help for no command or one
     * it does not know (exit 0, as it has always been).
     */
    @Command(name = "help", helpCommand = true, header = "the help of a command: help COMMAND",
            description = "Prints the help of COMMAND, or StoreBench's help when none (or none known) is named.")
    static final class HelpCommand implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "COMMAND", arity = "0..1", completionCandidates = CommandNames.class,
                description = "${COMPLETION-CANDIDATES}")
        String command;

        @Option(names = "--help", usageHelp = true, description = "this text")
        boolean help;

        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine root = spec.root().commandLine();
            CommandLine named = command == null ? null : root.getSubcommands().get(command);
            (named == null ? root : named).usage(root.getOut());
            root.getOut().flush();
            return 0;
        }
    }

    /** The names {@code help} completes: StoreBench's commands. */
    static final class CommandNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("run", "list", "inspect", "gate", "ab", "calibrate", "compare", "report", "history",
                    "crashcheck", "doctor").iterator();
        }
    }

    /** The bash completion script generated from {@link #commandLine}. */
    static String script() {
        return picocli.AutoComplete.bash("storebench", commandLine(System.out, System.err));
    }
}
