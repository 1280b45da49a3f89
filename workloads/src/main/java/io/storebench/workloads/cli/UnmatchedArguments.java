package io.storebench.workloads.cli;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What picocli could not match on a command's line (its {@code @Unmatched} list), refused with the
 * one line StoreBench's commands give: {@code unknown option '--x'; known: --a, --b} (the long
 * options, sorted, {@code --version} left out) or {@code unexpected argument 'x'; options start
 * with --}. A command may list fewer options ({@code run} leaves out its engine flags) and word an
 * unknown option itself where it knows better ({@code run}'s {@code etcd has: ...}).
 */
public final class UnmatchedArguments {
    private UnmatchedArguments() {
    }

    /** @throws Cli.UsageError with {@code exitCode} naming the first of {@code unmatched}, if any */
    public static void refuse(CommandSpec spec, List<String> unmatched, int exitCode) {
        refuse(spec, unmatched, exitCode, option -> true, unknown -> null);
    }

    /**
     * @param listed which options the {@code known:} list names (besides leaving out {@code --version})
     * @param explain the message for an unknown option (as given, e.g. {@code --etcd-endpoint}), or
     *     null for the {@code known:} list
     * @throws Cli.UsageError with {@code exitCode} naming the first of {@code unmatched}, if any
     */
    public static void refuse(CommandSpec spec, List<String> unmatched, int exitCode, Predicate<OptionSpec> listed,
            Function<String, String> explain) {
        if (unmatched == null || unmatched.isEmpty()) {
            return;
        }
        String first = unmatched.get(0);
        if (!first.startsWith("--")) {
            throw new Cli.UsageError("unexpected argument '" + first + "'; options start with --", exitCode);
        }
        String explained = explain.apply(first);
        if (explained != null) {
            throw new Cli.UsageError(explained, exitCode);
        }
        List<String> known = spec.options().stream().filter(option -> !option.versionHelp()).filter(listed)
                .map(OptionSpec::longestName).filter(name -> name.startsWith("--")).sorted().toList();
        throw new Cli.UsageError("unknown option '" + first + "'; known: " + String.join(", ", known), exitCode);
    }
}
