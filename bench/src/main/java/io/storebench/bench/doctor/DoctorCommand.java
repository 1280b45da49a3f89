package io.storebench.bench.doctor;

import io.storebench.bench.io.JsonFiles;
import io.storebench.workloads.cli.Cli;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code doctor}: the host's settings that change benchmark figures, each with what it means, and
 * a warning on the risky ones (issue #16). Exit codes: 0 nothing risky, 1 at least one WARN, 2 bad input.
 */
@Command(name = "storebench doctor", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = DoctorCommand.EXIT_BAD_INPUT,
        header = "the host's settings that distort benchmark figures, each with what it means (0 none risky, 1 a WARN,"
                + " 2 bad input)",
        description = {"Prints the host's settings that change benchmark figures: CPU governor and boost, transparent"
                + " huge pages, swap, dirty-page limits, clock source, load from other work, and the filesystem,"
                + " mount options and device under the data directory; each with what it means, WARN on the risky"
                + " ones. run records the same values in run.json (environment.host).", "",
            "Exit codes: 0 nothing risky, 1 at least one WARN, 2 bad input."})
public final class DoctorCommand implements Callable<Integer> {
    static final int EXIT_WARNINGS = 1;
    static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".",
            description = "a directory on the filesystem the runs' data will use (run's --out folder goes there);"
                    + " default: the current directory")
    Path dataDirectory;

    @Option(names = "--json", description = "print the checks as JSON (name, value, verdict, meaning) instead of a table")
    boolean json;

    private final PrintStream out;

    private DoctorCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code doctor} with {@code args} (after {@code doctor}) and returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(new DoctorCommand(out), args, out, err);
    }

    /** The command's picocli model: what the help and the completion script show. */
    public static Object command(PrintStream out) {
        return new DoctorCommand(out);
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(dataDirectory)) {
            throw new Cli.UsageError("--data-dir " + dataDirectory + " is not a directory; give an existing directory"
                    + " on the filesystem the runs' data will use", EXIT_BAD_INPUT);
        }
        List<HostCheck> checks = HostChecks.of(dataDirectory);
        if (json) {
            try {
                out.println(JsonFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(checks));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            for (HostCheck check : checks) {
                out.printf(Locale.ROOT, "%-7s %-29s %s%n        %s%n", check.verdict(), check.name(), check.value(),
                        check.meaning());
            }
        }
        long warnings = checks.stream().filter(c -> c.verdict() == HostCheck.Verdict.WARN).count();
        if (!json) {
            out.println(warnings == 0 ? "no risky setting found"
                    : warnings + " risky setting(s): change them, or keep them the same on every host whose runs you compare");
        }
        return warnings == 0 ? 0 : EXIT_WARNINGS;
    }
}
