package io.storebench.bench.ab;

import io.storebench.workloads.cli.Cli;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of {@code ab} and {@code calibrate} that say what each side runs and how the pairs
 * are ordered (a picocli mixin). Everything else on their line is a {@code run} option both
 * sides share.
 */
public final class SideOptions {
    @Option(names = "--baseline-args", paramLabel = "\"OPTIONS\"", descriptionKey = Cli.TAKES_OPTIONS,
            description = "run options of the baseline only, after the shared ones, split like a shell (quotes"
                    + " group), e.g. \"--durability strict\"")
    String baselineArgs;

    @Option(names = "--candidate-args", paramLabel = "\"OPTIONS\"", descriptionKey = Cli.TAKES_OPTIONS,
            description = "run options of the candidate only, e.g. \"--memory-extra-latency-ns 100\"")
    String candidateArgs;

    @Option(names = "--baseline-jar", paramLabel = "JAR",
            description = "the benchmarks.jar the baseline's forks run (the base build) [this jar]")
    Path baselineJar;

    @Option(names = "--candidate-jar", paramLabel = "JAR",
            description = "the benchmarks.jar the candidate's forks run (the head build) [this jar]")
    Path candidateJar;

    @Option(names = "--pairs", paramLabel = "N", description = "pairs of forks, one of each side, 6..1000"
            + " [10, or the profile's forks if more]")
    String pairs;

    @Option(names = "--order-seed", paramLabel = "N", description = "the seed of the pairs' order [1]")
    String orderSeed;
}
