package io.storebench.bench.analysis;

import io.storebench.workloads.cli.Cli;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What picocli could not match on an analysis command's line ({@code @Unmatched}), refused with the
 * one line these commands have always given: {@code unknown option '--x'; known: --a, --b} or
 * {@code unexpected argument 'x'; options start with --}.
 */
final class UnmatchedArguments {
    private UnmatchedArguments() {
    }

    /** @throws Cli.UsageError with {@code exitCode} when {@code unmatched} is not empty */
    static void refuse(CommandSpec spec, List<String> unmatched, int exitCode) {
        if (unmatched == null || unmatched.isEmpty()) {
            return;
        }
        String first = unmatched.get(0);
        if (!first.startsWith("-")) {
            throw new Cli.UsageError("unexpected argument '" + first + "'; options start with --", exitCode);
        }
        List<String> known = spec.options().stream().map(OptionSpec::longestName).filter(n -> n.startsWith("--"))
                .sorted().toList();
        throw new Cli.UsageError("unknown option '" + first + "'; known: " + String.join(", ", known), exitCode);
    }
}
