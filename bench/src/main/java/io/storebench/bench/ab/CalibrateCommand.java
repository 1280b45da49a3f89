package io.storebench.bench.ab;

import io.storebench.bench.analysis.Calibration;
import io.storebench.bench.analysis.GateOptions;
import io.storebench.bench.analysis.TextTable;
import io.storebench.bench.analysis.VerdictFiles;
import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.Power;
import io.storebench.stats.Proportion;
import io.storebench.stats.Verdict;
import io.storebench.stats.compare.GateResult;
import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.KeyVerdict;
import io.storebench.stats.model.RunRecord;
import io.storebench.workloads.cli.Cli;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code calibrate}: measures the gate on this machine by repeating {@code ab}. With both sides
 * the same (A/A), every REGRESSED or IMPROVED is a false positive: it prints the family-wise
 * false-positive rate with its exact interval, each key's noise (pair to pair, and run to run:
 * the drift) and the smallest change each can detect at 80 % power, suggests {@code --floor}, and
 * writes {@code calibration.json} for {@code ab} and {@code gate}. With a side that differs (a
 * known slowdown: {@code --candidate-args "--memory-extra-latency-ns 120"}), it measures power:
 * how often each key is judged REGRESSED.
 */
@Command(name = "storebench calibrate",
        header = "measure the gate on this machine: repeated A/A experiments give its false-positive rate, noise"
                + " and detectable change",
        mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        exitCodeOnInvalidInput = GateResult.EXIT_USAGE,
        customSynopsis = {"storebench calibrate [RUN OPTIONS] [--repeats N] [--pairs N] [ab's side options]"
                + " [options below]", ""},
        description = {"Repeats an ab experiment N times (each in its own folder, ab-01, ab-02, ..., with its own"
                + " order seed). Every option this command does not know is a run option, as for ab.", "",
                "A/A (no side differs): an experiment with any key REGRESSED or IMPROVED is a false positive. Prints"
                + " the family-wise false-positive rate with its exact 95%% interval, per key the spread of the"
                + " per-pair log ratios, the run-to-run drift of the sides' means, and the smallest change detectable"
                + " at 80%% power with these pairs (Holm's worst case included), and the --floor to use. Writes"
                + " calibration.json into the folder and to --calibration FILE, which ab and gate read.", "",
                "A side differs (e.g. --candidate-args \"--memory-extra-latency-ns 120\"): prints how often each key"
                + " was judged REGRESSED (the power against that change) with its exact interval; writes"
                + " calibration.json into the folder only.", ""},
        footer = {"", "Exit codes: 0 done, 2 fewer than 2 experiments could be judged or run options that run refuses,"
                + " 3 usage or I/O error, 130 interrupted (the experiments finished are in their folders)."})
public final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    SideOptions sides;

    @Option(names = "--repeats", paramLabel = "N", description = "experiments, 2..1000 [20]")
    String repeats;

    @Option(names = "--metric", paramLabel = "M[,M]", description = "p99 | p999 | p50 | iter-p99 | iter-p999 | iter-p50 | throughput [p99]")
    String metric = "p99";

    @Mixin
    GateOptions judging;

    @Option(names = "--out", paramLabel = "DIR", description = "the calibration's folder, new or empty"
            + " [results/<date-time>-calibrate]")
    Path out;

    @Option(names = "--calibration", paramLabel = "FILE", description = "where an A/A calibration is saved for ab"
            + " and gate [$STOREBENCH_CALIBRATION or ~/.storebench/calibration.json]")
    Path calibrationFile;

    @Unmatched
    List<String> shared = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;

    private CalibrateCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(out, err), args, out, err);
    }

    public static CommandSpec spec(PrintStream out, PrintStream err) {
        return CommandSpec.forAnnotatedObject(new CalibrateCommand(out));
    }

    @Override
    public Integer call() {
        GateSettings settings;
        try {
            settings = judging.settings(metric, false, false);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_USAGE);
        }
        int count = repeats(repeats);
        AbSetup.Sides checked = AbSetup.check(sides, shared);
        boolean aa = checked.baseline().sameAs(checked.candidate());
        Path folder = AbSetup.folder(out, "calibrate");
        List<String> command = new ArrayList<>(List.of("calibrate"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        stdout.printf(Locale.ROOT, "storebench calibrate: %d %s experiments of %d pairs; folder %s%n", count,
                aa ? "A/A" : "A/B", checked.pairs(), folder);
        AbCommand.describe(stdout, checked);
        ForkLauncher launcher = new ForkLauncher(Path.of("").toAbsolutePath());
        List<AbExperiment.Result> results = new ArrayList<>();
        try (InterruptGuard guard = new InterruptGuard(launcher, "storebench-calibrate-interrupt")) {
            for (int i = 1; i <= count; i++) {
                Path experimentFolder = folder.resolve(String.format("ab-%02d", i));
                AbExperiment experiment = new AbExperiment(new AbExperiment.Plan(checked.baseline(),
                        checked.candidate(), checked.shared(), checked.pairs(), checked.orderSeed() + i - 1,
                        experimentFolder, settings, command), launcher);
                AbExperiment.Result result;
                try {
                    result = experiment.run(stdout);
                    experiment.write(result);
                } catch (SideMerger.Unusable e) {
                    stdout.printf(Locale.ROOT, "calibrate: experiment %d/%d could not be judged: %s%n", i, count,
                            e.getMessage());
                    continue;
                }
                results.add(result);
                stdout.printf(Locale.ROOT, "calibrate: experiment %d/%d: %s (%s)%n", i, count,
                        result.gate().outcome(), result.gate().verdicts().stream()
                                .map(v -> v.key().operation() + "/" + v.key().metric().label() + " "
                                        + v.verdict().label() + String.format(Locale.ROOT, " %+.1f%%",
                                                v.changePercent()))
                                .collect(Collectors.joining(", ")));
            }
            return summarise(results, checked, settings, aa, count, folder);
        } catch (AbExperiment.Refused e) {
            throw new Cli.UsageError(e.getMessage(), GateResult.EXIT_INVALID);
        } catch (AbExperiment.Interrupted e) {
            stdout.println("storebench calibrate: " + e.getMessage() + "; the experiments finished are in " + folder);
            return AbCommand.EXIT_INTERRUPTED;
        } catch (IOException e) {
            throw new Cli.UsageError("cannot write " + folder + ": " + VerdictFiles.reason(e), GateResult.EXIT_USAGE);
        }
    }

    /** The table, the rate and the file, from the experiments that finished. */
    private int summarise(List<AbExperiment.Result> results, AbSetup.Sides checked, GateSettings settings,
            boolean aa, int count, Path folder) throws IOException {
        List<AbExperiment.Result> judged = results.stream().filter(r -> r.gate().problems().isEmpty()).toList();
        if (judged.size() < 2) {
            throw new Cli.UsageError(judged.size() + " of " + count + " experiments could be judged; at least 2 are"
                    + " needed (see the problems in their gate.md)", GateResult.EXIT_INVALID);
        }
        if (judged.size() < results.size()) {
            stdout.println("calibrate: " + (results.size() - judged.size()) + " experiment(s) had problems and are"
                    + " left out (see their gate.md)");
        }
        Calibration calibration = measure(judged, checked, settings);
        stdout.println();
        stdout.print(table(judged, calibration, aa).text());
        stdout.println();
        JsonFiles.write(folder.resolve("calibration.json"), calibration);
        if (aa) {
            Path file = calibrationFile != null ? calibrationFile : Calibration.defaultFile();
            JsonFiles.write(file, calibration);
            printAa(calibration, file);
        } else {
            printPower(judged);
        }
        return 0;
    }

    private void printAa(Calibration c, Path file) {
        stdout.printf(Locale.ROOT, "family-wise false-positive rate: %d of %d experiments = %.1f%% [95%% CI %.1f%%,"
                + " %.1f%%] (an experiment with any key REGRESSED or IMPROVED; alpha %s, floor %.0f%%)%n",
                c.falsePositives(), c.experiments(), 100 * c.falsePositiveRate(), 100 * c.rateLower(),
                100 * c.rateUpper(), c.alpha(), 100 * c.floor());
        stdout.printf(Locale.ROOT, "suggested --floor: %.0f%% (the largest change detectable at 80%% power with %d"
                + " pairs)%n", 100 * c.suggestedFloor(), c.pairs());
        stdout.println("storebench calibrate: wrote calibration.json to the folder and to " + file
                + " (ab and gate read it)");
    }

    private void printPower(List<AbExperiment.Result> judged) {
        for (String key : keys(judged)) {
            int regressed = (int) judged.stream().flatMap(r -> r.gate().verdicts().stream())
                    .filter(v -> v.key().label().equals(key) && v.verdict() == Verdict.REGRESSED).count();
            Proportion p = Proportion.of(regressed, judged.size(), 0.95);
            stdout.printf(Locale.ROOT, "power: %s judged REGRESSED in %d of %d experiments = %.0f%% [95%% CI %.0f%%,"
                    + " %.0f%%]%n", key, regressed, judged.size(), 100 * p.rate(), 100 * p.lower(), 100 * p.upper());
        }
        stdout.println("storebench calibrate: wrote calibration.json to the folder (an A/B calibration is not saved"
                + " for ab and gate)");
    }

    /** Per key, the verdicts' counts and the noise. */
    private static TextTable table(List<AbExperiment.Result> judged, Calibration calibration, boolean aa) {
        TextTable table = new TextTable(List.of("key", "verdicts", "pair spread", "drift (run sd)", "side means range",
                "detectable at 80%"), false, false, true, true, true, true);
        for (Calibration.KeyNoise noise : calibration.keys()) {
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            judged.stream().flatMap(r -> r.gate().verdicts().stream()).filter(v -> v.key().label().equals(noise.key()))
                    .forEach(v -> counts.merge(v.verdict(), 1, Integer::sum));
            table.add(noise.key(), counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                    .collect(Collectors.joining(", ")), String.format(Locale.ROOT, "%.1f%%", 100 * noise.pairSigma()),
                    String.format(Locale.ROOT, "%.1f%%", noise.driftPercent()),
                    String.format(Locale.ROOT, "%,.0f..%,.0f %s", noise.lowest(), noise.highest(), noise.unit()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * noise.detectable()));
        }
        return table;
    }

    static Calibration measure(List<AbExperiment.Result> judged, AbSetup.Sides sides, GateSettings settings) {
        List<String> keys = keys(judged);
        int pairs = judged.stream().mapToInt(AbExperiment.Result::completedPairs).min().orElse(sides.pairs());
        List<Calibration.KeyNoise> noise = new ArrayList<>();
        double suggested = 0.01;
        for (String key : keys) {
            List<KeyVerdict> verdicts = judged.stream().flatMap(r -> r.gate().verdicts().stream())
                    .filter(v -> v.key().label().equals(key)).toList();
            double variance = verdicts.stream().mapToDouble(v -> v.comparison().sigma() * v.comparison().sigma())
                    .average().orElse(Double.NaN);
            double sigma = Math.sqrt(variance);
            List<Double> means = new ArrayList<>();
            verdicts.forEach(v -> {
                means.add(v.comparison().baseline().mean());
                means.add(v.comparison().candidate().mean());
            });
            double[] logs = means.stream().mapToDouble(Math::log).toArray();
            double meanLog = java.util.Arrays.stream(logs).average().orElse(0);
            double drift = Math.sqrt(java.util.Arrays.stream(logs).map(l -> (l - meanLog) * (l - meanLog)).sum()
                    / (logs.length - 1));
            double detectable = Power.detectablePaired(sigma, pairs, settings.alpha() / keys.size(), 0.8);
            suggested = Math.max(suggested, Math.ceil(detectable * 100) / 100);
            noise.add(new Calibration.KeyNoise(key, verdicts.get(0).key().metric().unit(), sigma,
                    100 * (Math.exp(drift) - 1), means.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
                    means.stream().mapToDouble(d -> d).max().orElse(Double.NaN), detectable));
        }
        int falsePositives = (int) judged.stream().filter(r -> r.gate().count(Verdict.REGRESSED)
                + r.gate().count(Verdict.IMPROVED) > 0).count();
        Proportion rate = Proportion.of(falsePositives, judged.size(), 0.95);
        RunRecord first = judged.get(0).baseline();
        return new Calibration(Calibration.SCHEMA, OffsetDateTime.now().toString(),
                Calibration.host(first.environment()), Calibration.Configuration.of(first), sides.shared(),
                judged.size(), pairs, settings.metrics().stream().map(m -> m.label()).toList(), settings.floor(),
                settings.alpha(), falsePositives, rate.rate(), rate.lower(), rate.upper(), noise, suggested);
    }

    private static List<String> keys(List<AbExperiment.Result> judged) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        judged.forEach(r -> r.gate().verdicts().forEach(v -> keys.put(v.key().label(), true)));
        return List.copyOf(keys.keySet());
    }

    private static int repeats(String text) {
        return text == null ? 20 : AbSetup.whole("--repeats", text, 2, 1000, "");
    }
}
