package io.storebench.bench.ab;

import io.storebench.bench.io.ShellWords;
import io.storebench.bench.run.RunCommand;
import io.storebench.bench.run.RunSettings;
import io.storebench.stats.RatioComparison;
import io.storebench.stats.compare.GateResult;
import io.storebench.workloads.cli.Cli;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks {@code ab} and {@code calibrate} make before their first fork, once: each side's jar
 * exists, its options split and {@code run} accepts them (for a side on this jar; another jar is
 * asked by its first fork), options that {@code ab} owns are not among them, {@code --pairs} and
 * {@code --order-seed} are in range, and the folder is new or empty. Each refusal is one line:
 * exit 3 for the command's own options and I/O, exit 2 for {@code run} options that {@code run}
 * refuses.
 */
final class AbSetup {
    /** The run options ab sets itself for every fork. */
    private static final Set<String> OWNED = Set.of("--forks", "--out");

    static final int MIN_PAIRS = RatioComparison.MIN_PAIRS;
    static final int MAX_PAIRS = 1000;

    /** The checked sides, pairs and seed. */
    record Sides(SideSpec baseline, SideSpec candidate, List<String> shared, int pairs, long orderSeed,
            RunSettings settings) {
    }

    private AbSetup() {
    }

    static Sides check(SideOptions options, List<String> shared) {
        Path own = ownJar();
        SideSpec baseline = side(Side.BASELINE, options.baselineJar, options.baselineArgs, own, "--baseline-jar");
        SideSpec candidate = side(Side.CANDIDATE, options.candidateJar, options.candidateArgs, own, "--candidate-jar");
        refuseOwned(shared, "");
        RunSettings settings = null;
        for (SideSpec side : List.of(baseline, candidate)) {
            refuseOwned(side.args(), "--" + side.side().label() + "-args: ");
            if (own != null && side.jar().equals(own)) {
                List<String> all = new ArrayList<>(shared);
                all.addAll(side.args());
                try {
                    RunSettings checked = RunCommand.check(all);
                    settings = settings == null ? checked : settings;
                } catch (IllegalArgumentException e) {
                    String message = e.getMessage().startsWith("unknown option ")
                            ? e.getMessage().replaceFirst("; known: ", ": neither an option of this command (see its"
                                    + " --help) nor a run option; run's options: ") : e.getMessage();
                    throw new Cli.UsageError((side.args().isEmpty() ? "" : "with --" + side.side().label()
                            + "-args: ") + message, GateResult.EXIT_INVALID);
                }
            }
        }
        if (settings == null) { // neither side runs this jar: its parser still knows the shared options' profile
            try {
                settings = RunCommand.check(shared);
            } catch (IllegalArgumentException notForThisJar) {
                // the other jars' first forks will say; the default stays 10 pairs
            }
        }
        int defaultPairs = settings == null ? 10 : Math.max(10, settings.profile().forks());
        int pairs = options.pairs == null ? defaultPairs : whole("--pairs", options.pairs, MIN_PAIRS, MAX_PAIRS,
                " (" + MIN_PAIRS + " is the fewest whose sign-flip test can reach p < 0.05)");
        long seed = options.orderSeed == null ? 1 : whole("--order-seed", options.orderSeed, 0, Integer.MAX_VALUE, "");
        return new Sides(baseline, candidate, List.copyOf(shared), pairs, seed, settings);
    }

    /** {@code --out DIR}, or {@code results/<date-time>-NAME}: new or empty. */
    static Path folder(Path given, String name) {
        Path folder = given != null ? given : Path.of("results", LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + name);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new Cli.UsageError("--out " + folder + " is not empty; give a new or empty folder",
                            GateResult.EXIT_USAGE);
                }
            } catch (java.io.IOException e) {
                throw new Cli.UsageError("--out " + folder + " cannot be read: " + e.getMessage(), GateResult.EXIT_USAGE);
            }
        } else if (Files.exists(folder)) {
            throw new Cli.UsageError("--out " + folder + " is a file; give a new or empty folder", GateResult.EXIT_USAGE);
        }
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new Cli.UsageError("--out " + folder + " cannot be created: " + e.getMessage(), GateResult.EXIT_USAGE);
        }
        return folder;
    }

    /** Splits a side's options like a shell ({@link ShellWords}); an unclosed quote is a usage error. */
    static List<String> split(String option, String text) {
        try {
            return ShellWords.split(option, text);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_USAGE);
        }
    }

    private static SideSpec side(Side side, Path jar, String args, Path own, String option) {
        Path chosen = jar != null ? jar.toAbsolutePath().normalize() : own;
        if (chosen == null) {
            throw new Cli.UsageError("this is not running from benchmarks.jar; give " + option + " JAR",
                    GateResult.EXIT_USAGE);
        }
        if (!Files.isRegularFile(chosen)) {
            throw new Cli.UsageError(option + " " + jar + " does not exist or is not a file", GateResult.EXIT_USAGE);
        }
        return new SideSpec(side, chosen, split("--" + side.label() + "-args", args));
    }

    private static void refuseOwned(List<String> args, String where) {
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OWNED.contains(name)) {
                throw new Cli.UsageError(where + name + " is set by ab itself (one fork per side per pair, each in"
                        + " the experiment's folder); give --pairs N and --out DIR instead", GateResult.EXIT_USAGE);
            }
        }
    }

    /** A whole number in [min, max], or exit 3 with one line naming the option, the value and the range. */
    static int whole(String option, String text, long min, long max, String why) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new Cli.UsageError(option + " '" + text + "' is not a whole number; allowed: " + min + ".." + max,
                    GateResult.EXIT_USAGE);
        }
        if (value < min || value > max) {
            throw new Cli.UsageError(option + " " + text + " is out of range; allowed: " + min + ".." + max + why,
                    GateResult.EXIT_USAGE);
        }
        return (int) value;
    }

    /** The jar this runs from, or null when it runs from classes (tests). */
    static Path ownJar() {
        try {
            Path location = Path.of(AbSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar")
                    ? location.toAbsolutePath().normalize() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
