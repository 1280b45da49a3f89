package io.storebench.workloads.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What picocli could not match on a command's line (its {@code @Unmatched} list), refused with the
 * one line StoreBench's commands give: {@code unknown option '--x'; known: --a, --b} (the long
 * options, sorted, {@code --version} left out) or {@code unexpected argument 'x'; options start
 * with --}.
 */
public final class UnmatchedArguments {
    private UnmatchedArguments() {
    }

    /** @throws Cli.UsageError with {@code exitCode} naming the first of {@code unmatched}, if any */
    public static void refuse(CommandSpec spec, List<String> unmatched, int exitCode) {
        if (unmatched == null || unmatched.isEmpty()) {
            return;
        }
        String first = unmatched.get(0);
        if (!first.startsWith("--")) {
            throw new Cli.UsageError("unexpected argument '" + first + "'; options start with --", exitCode);
        }
        List<String> known = spec.options().stream().filter(option -> !option.versionHelp())
                .map(OptionSpec::longestName).filter(name -> name.startsWith("--")).sorted().toList();
        throw new Cli.UsageError("unknown option '" + first + "'; known: " + String.join(", ", known), exitCode);
    }
}
