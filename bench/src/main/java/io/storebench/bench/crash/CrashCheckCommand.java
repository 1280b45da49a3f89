package io.storebench.bench.crash;

import io.storebench.bench.analysis.TextTable;
import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.server.KeptData;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.UnmatchedArguments;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code crashcheck}: do acknowledged writes survive a crash? For each engine and durability
 * profile, each trial starts a writer process that applies a seeded stream of puts, deletes and
 * atomic batches and acknowledges each write to this process as it returns; kills it with SIGKILL
 * after a seeded random delay; reopens the store in a fresh process and judges what it holds
 * ({@link CrashJudge}). For a remote engine the writer's managed server is killed instead and
 * restarted on the same data by the verifier ({@link ServerKill}). Prints a line per trial and a
 * table per engine and profile, and writes {@code crashcheck.json}.
 */
@Command(name = "storebench crashcheck",
        header = "check that acknowledged writes survive a crash: kill a writer process (a remote engine's server)"
                + " with SIGKILL at random moments and verify the reopened store (0 nothing wrong, 1 a violation where promised, 2 bad input,"
                + " 3 I/O error)",
        mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        exitCodeOnInvalidInput = CrashCheckCommand.EXIT_BAD_INPUT,
        description = {"Each trial: a writer (a fresh JVM) opens the engine in a new folder and applies a seeded"
                + " stream of puts, deletes and atomic batches over --keys keys, one at a time, printing an"
                + " acknowledgement once each call has returned; a random delay (0..--max-delay-ms, seeded) after the"
                + " store opened, its process tree is killed with SIGKILL; a verifier (another fresh JVM) reopens the"
                + " store with the engine's normal options and checks that every acknowledged write is there with its"
                + " exact value (or a later acknowledged one's), that no value fails its checksum, that every batch is"
                + " all or nothing, that nothing never issued appears, and that the store opens. The write in flight at"
                + " the kill may be present or absent.", "",
                "--aim background (or, by default, about half the trials, by a seeded coin) makes the kill wait"
                + " after its delay for the first write to a table file seen by polling the store's folder about once a"
                + " millisecond (a flush's or a compaction's output, a SQLite checkpoint); --memtables small (the"
                + " default) opens the LSM engines with small memtables so that a trial flushes and compacts. Each"
                + " trial records what its kill landed during.", "",
                "strict and buffered promise that a process crash loses no acknowledged write: a finding fails. none"
                + " promises nothing: reported, never failed (only the baselines offer it, and they are not"
                + " persistent, so it cannot be checked here).", "",
                "A process kill cannot show what survives an OS crash or a power loss: writes the engine handed to the"
                + " OS without an fsync survive a process kill in the page cache, so strict passes here on the same"
                + " grounds as buffered; its fsync is not tested.", ""},
        footer = {"", "Remote engines (etcd, postgres, mysql): their managed server is killed instead (SIGSTOP, then"
                + " SIGKILL to its process tree; the writer 2 s later) and the verifier restarts it on the same data"
                + " (engine option keep-data=true in both children).",
                "", "Exit codes: 0 no violation, 1 a lost, torn, corrupt or unissued write or a failed open under a"
                + " profile that promises survival, 2 bad input, 3 I/O error (the folder cannot be written, a child JVM"
                + " cannot start, a writer ended before it was killed)."})
public final class CrashCheckCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_VIOLATION = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_IO = 3;

    static final int MAX_TRIALS = 100_000;
    static final long MAX_DELAY_MILLIS = 600_000;
    static final int MAX_KEYS = 1_000_000;

    /** What the output and {@code crashcheck.json} say a process kill cannot show. */
    static final String LIMITS = "a process kill (SIGKILL) shows what survives a process crash, not an OS crash or"
            + " power loss: writes handed to the OS without an fsync survive a process kill in the page cache, so"
            + " strict passes here on the same grounds as buffered; its fsync is not tested";

    /** What the output says when a remote engine is checked. */
    static final String SERVER_NOTE = "for a remote engine the crash is its server's: the managed server's process"
            + " tree is killed (SIGSTOP, then SIGKILL) under the writer and restarted on the same data; its profile's"
            + " promise is held to a server crash";

    @Option(names = "--engines", paramLabel = "E[,E]", description = "persistent embedded engines, or remote ones"
            + " with a managed server (etcd, postgres, mysql) [rocksdb,lmdb,sqlite]")
    String engines = "rocksdb,lmdb,sqlite";

    @Option(names = "--durability", paramLabel = "P[,P]", description = "durability profiles, each checked for every"
            + " engine [buffered]")
    String durability = "buffered";

    @Option(names = "--trials", paramLabel = "N", description = "trials per engine and profile, 1.." + MAX_TRIALS
            + " [20]")
    String trials;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the delays and the write streams, any whole"
            + " number [1]")
    String seed;

    @Option(names = "--max-delay-ms", paramLabel = "MS", description = "the kill comes 0..MS ms after the store"
            + " opened, 1.." + MAX_DELAY_MILLIS + " [1000]")
    String maxDelay;

    @Option(names = "--keys", paramLabel = "N", description = "distinct keys the stream writes, " + WriteStream.MIN_KEYS
            + ".." + MAX_KEYS + " [1000]")
    String keys;

    @Option(names = "--aim", paramLabel = "A", description = "when the kill comes: random (at the delay),"
            + " background (at the first table-file write seen after the delay: a flush, a compaction, a SQLite"
            + " checkpoint), mixed (each trial one or the other, seeded) [mixed]")
    String aim = "mixed";

    @Option(names = "--memtables", paramLabel = "M", description = "small: open the LSM engines with small memtables"
            + " (rocksdb, pebble, goleveldb 1 MiB, badger 8 MiB) so that a trial flushes and compacts; default: the"
            + " engines' defaults [small]")
    String memtables = "small";

    @Option(names = "--out", paramLabel = "DIR", description = "the folder for crashcheck.json and the kept trials,"
            + " new or empty [results/<date-time>-crashcheck]")
    Path out;

    @Option(names = "--keep-data", arity = "0", description = "keep every trial's data and logs (by default only"
            + " those of trials with a finding are kept, under DIR/trials)")
    boolean keepData;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;

    private CrashCheckCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    /** Runs {@code crashcheck} with {@code args}; returns its exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.execute(spec(out, err), args, out, err);
    }

    /** The command's picocli model: what {@link #run} parses, and what help and completion show. */
    public static CommandSpec spec(PrintStream out, PrintStream err) {
        return CommandSpec.forAnnotatedObject(new CrashCheckCommand(out));
    }

    /** The checked settings. */
    record Settings(List<String> engines, List<Durability> durabilities, int trials, long seed, long maxDelayMillis,
            int keys, Aim aim, boolean smallMemtables) {
        /** The options {@code engine} is opened with. */
        Map<String, String> options(String engine) {
            return smallMemtables ? SmallMemtables.options(engine) : Map.of();
        }

        CrashCheckFile.Settings file() {
            Map<String, Map<String, String>> options = new LinkedHashMap<>();
            engines.forEach(engine -> options.put(engine, new TreeMap<>(options(engine))));
            return new CrashCheckFile.Settings(engines, durabilities.stream().map(Durability::label).toList(), trials,
                    seed, maxDelayMillis, keys, "SIGKILL to the writer's process tree; for a remote engine first to"
                    + " its managed server's process tree (SIGSTOP, then SIGKILL), the writer "
                    + ServerKill.WRITER_GRACE.toSeconds() + " s later", aim.label(),
                    smallMemtables ? "small" : "default", options);
        }
    }

    /** Checks the options once, each bad value refused in one line (exit 2). */
    Settings settings(EngineRegistry registry) {
        UnmatchedArguments.refuse(spec, unmatched, EXIT_BAD_INPUT);
        List<String> names = engines(engines, registry);
        List<Durability> profiles = new ArrayList<>();
        for (String item : items("--durability", durability)) {
            Durability profile;
            try {
                profile = Durability.parse(item);
            } catch (ConfigurationException e) {
                throw new Cli.UsageError("--durability: " + e.getMessage(), EXIT_BAD_INPUT);
            }
            if (profiles.contains(profile)) {
                throw new Cli.UsageError("--durability names '" + profile.label() + "' twice", EXIT_BAD_INPUT);
            }
            profiles.add(profile);
        }
        for (String name : names) {
            for (Durability profile : profiles) {
                try {
                    EngineRegistry.checkDurability(registry.provider(name), profile);
                } catch (ConfigurationException e) {
                    throw new Cli.UsageError(e.getMessage(), EXIT_BAD_INPUT);
                }
            }
        }
        Aim aimed = Aim.parse(aim);
        if (aimed == null) {
            throw new Cli.UsageError("--aim '" + aim + "' is not allowed; allowed: " + Aim.allowed(), EXIT_BAD_INPUT);
        }
        if (!memtables.equals("small") && !memtables.equals("default")) {
            throw new Cli.UsageError("--memtables '" + memtables + "' is not allowed; allowed: small|default",
                    EXIT_BAD_INPUT);
        }
        return new Settings(names, profiles, (int) whole("--trials", trials, 20, 1, MAX_TRIALS),
                whole("--seed", seed, 1, Long.MIN_VALUE, Long.MAX_VALUE),
                whole("--max-delay-ms", maxDelay, 1000, 1, MAX_DELAY_MILLIS),
                (int) whole("--keys", keys, 1000, WriteStream.MIN_KEYS, MAX_KEYS), aimed, memtables.equals("small"));
    }

    /**
     * The engines crashcheck can check: persistent embedded ones, and remote ones whose managed
     * server keeps its data on request ({@link ServerKill}).
     */
    static List<String> checkable(EngineRegistry registry) {
        return registry.providers().stream().filter(p -> p.capabilities().contains(Capability.PERSISTENT)
                && !p.capabilities().contains(Capability.REMOTE) || ServerKill.applies(p)).map(EngineProvider::name)
                .toList();
    }

    private static List<String> engines(String text, EngineRegistry registry) {
        Set<String> names = new LinkedHashSet<>();
        String known = String.join(", ", checkable(registry));
        for (String item : items("--engines", text)) {
            EngineProvider provider;
            try {
                provider = registry.provider(item);
            } catch (ConfigurationException e) {
                throw new Cli.UsageError("--engines: " + e.getMessage(), EXIT_BAD_INPUT);
            }
            boolean server = ServerKill.applies(provider);
            if (provider.capabilities().contains(Capability.REMOTE) && !server) {
                throw new Cli.UsageError("--engines: engine '" + provider.name() + "' is remote and its managed server"
                        + " cannot keep its data (no " + KeptData.OPTION + " option), so it cannot be restarted on it;"
                        + " crashcheck checks: " + known, EXIT_BAD_INPUT);
            }
            if (!provider.capabilities().contains(Capability.PERSISTENT) && !server) {
                throw new Cli.UsageError("--engines: engine '" + provider.name() + "' keeps nothing after its process"
                        + " ends (not persistent), so no crash can be checked; crashcheck checks: " + known,
                        EXIT_BAD_INPUT);
            }
            try {
                EngineRegistry.checkAvailable(provider);
            } catch (ConfigurationException e) {
                throw new Cli.UsageError("--engines: " + e.getMessage(), EXIT_BAD_INPUT);
            }
            if (!names.add(provider.name())) {
                throw new Cli.UsageError("--engines names '" + provider.name() + "' twice", EXIT_BAD_INPUT);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> items(String option, String text) {
        List<String> items = Stream.of(text.split(",", -1)).map(String::trim).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw new Cli.UsageError(option + " '" + text + "' has an empty item; give names separated by commas",
                    EXIT_BAD_INPUT);
        }
        return items;
    }

    private static long whole(String option, String text, long fallback, long min, long max) {
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new Cli.UsageError(option + " '" + text + "' is not a whole number; allowed: " + range(min, max),
                    EXIT_BAD_INPUT);
        }
        if (value < min || value > max) {
            throw new Cli.UsageError(option + " " + text + " is out of range; allowed: " + range(min, max),
                    EXIT_BAD_INPUT);
        }
        return value;
    }

    private static String range(long min, long max) {
        return min == Long.MIN_VALUE ? "any whole number" : min + ".." + max;
    }

    @Override
    public Integer call() {
        Settings settings = settings(EngineRegistry.discover());
        Path folder = folder(out);
        List<String> command = new ArrayList<>(List.of("crashcheck"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        String started = OffsetDateTime.now().toString();
        stdout.printf(Locale.ROOT, "storebench crashcheck: %s; durability %s; %d trial%s each; SIGKILL 0..%d ms after"
                + " the store opened, aim %s; %s memtables; %,d keys; seed %d; folder %s%n",
                String.join(", ", settings.engines()),
                settings.durabilities().stream().map(Durability::label).collect(Collectors.joining(", ")),
                settings.trials(), settings.trials() == 1 ? "" : "s", settings.maxDelayMillis(), settings.aim().label(),
                settings.smallMemtables() ? "small" : "default", settings.keys(), settings.seed(), folder);
        stdout.println("note: " + LIMITS);
        EngineRegistry registry = EngineRegistry.discover();
        if (settings.engines().stream().anyMatch(engine -> ServerKill.applies(registry.provider(engine)))) {
            stdout.println("note: " + SERVER_NOTE);
        }
        TrialRunner runner = new TrialRunner();
        List<CrashSummary> summaries = new ArrayList<>();
        List<CrashCheckFile.Trial> trials = new ArrayList<>();
        try {
            for (String engine : settings.engines()) {
                for (Durability profile : settings.durabilities()) {
                    summaries.add(cell(engine, profile, settings, runner, folder, trials));
                }
            }
            deleteIfEmpty(folder.resolve("trials"));
        } catch (TrialRunner.Failed e) {
            throw new Cli.UsageError(e.getMessage(), EXIT_IO);
        } catch (IOException | UncheckedIOException e) {
            throw new Cli.UsageError("I/O error in " + folder + ": " + e.getMessage(), EXIT_IO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cli.UsageError("interrupted", EXIT_IO);
        }
        int exit = summaries.stream().anyMatch(s -> s.verdict() == CrashSummary.Verdict.FAIL) ? EXIT_VIOLATION
                : EXIT_OK;
        stdout.println();
        stdout.print(table(summaries).text());
        stdout.println();
        stdout.println("note: " + LIMITS);
        Path file = folder.resolve("crashcheck.json");
        try {
            JsonFiles.write(file, new CrashCheckFile(CrashCheckFile.SCHEMA, command, started,
                    OffsetDateTime.now().toString(), settings.file(), LIMITS, summaries, trials, exit));
        } catch (IOException e) {
            throw new Cli.UsageError("cannot write " + file + ": " + e.getMessage(), EXIT_IO);
        }
        stdout.println((exit == EXIT_OK ? "PASS: no acknowledged write lost, torn, corrupt or unissued"
                : "FAIL: a violation under a profile that promises survival of a process crash (see above)"));
        stdout.println("storebench crashcheck: wrote " + file + "; exit " + exit);
        return exit;
    }

    /** The trials of one engine under one profile. */
    private CrashSummary cell(String engine, Durability profile, Settings settings, TrialRunner runner, Path folder,
            List<CrashCheckFile.Trial> records) throws TrialRunner.Failed, IOException, InterruptedException {
        // Seeded per cell, so that a cell's trials do not depend on which other cells run.
        SplittableRandom random = new SplittableRandom(settings.seed() * 31 + (engine + "/" + profile.label())
                .hashCode());
        // The aims from their own random, so that the streams and delays do not depend on --aim.
        SplittableRandom aims = new SplittableRandom(settings.seed() * 37 + (engine + "/" + profile.label() + "/aim")
                .hashCode());
        List<Findings> findings = new ArrayList<>();
        List<KillMoment> kills = new ArrayList<>();
        for (int trial = 1; trial <= settings.trials(); trial++) {
            long streamSeed = random.nextLong();
            long delay = random.nextLong(settings.maxDelayMillis() + 1);
            boolean aimed = settings.aim().atBackground(aims);
            Path trialFolder = folder.resolve("trials").resolve(String.format(Locale.ROOT, "%s-%s-%04d", engine,
                    profile.label(), trial));
            Files.createDirectories(trialFolder);
            CrashChild.Target target = new CrashChild.Target(engine, profile, trialFolder.resolve("data"), streamSeed,
                    settings.keys(), settings.options(engine));
            TrialRunner.Outcome outcome = runner.run(target, delay, aimed, trialFolder);
            Findings found = outcome.findings();
            boolean keep = keepData || found.violated();
            if (!keep) {
                DataDirectory.delete(trialFolder);
            }
            findings.add(found);
            kills.add(outcome.moment());
            records.add(new CrashCheckFile.Trial(engine, profile.label(), trial, streamSeed, delay,
                    outcome.killedAfterMillis(), outcome.moment(), found, keep ? trialFolder.toString() : ""));
            stdout.println(progress(engine, profile, trial, settings.trials(), outcome));
            found.examples().stream().limit(3).forEach(line -> stdout.println("  " + line));
        }
        return CrashSummary.of(engine, profile, findings, kills);
    }

    static String progress(String engine, Durability profile, int trial, int trials, TrialRunner.Outcome outcome) {
        Findings f = outcome.findings();
        KillMoment kill = outcome.moment();
        String head = String.format(Locale.ROOT, "crashcheck: %s %s trial %d/%d: killed %d ms after open%s%s, %,d ops"
                + " acknowledged, in flight %s, landed during: %s (%s); ", engine, profile.label(), trial, trials,
                outcome.killedAfterMillis(), kill.aimed() ? " (aimed)" : "",
                outcome.server().isEmpty() ? "" : " (the server: " + outcome.server() + ")", f.acknowledged(),
                f.inFlight(), kill.during().label(), kill.evidence());
        if (f.openFailed()) {
            return head + "FAILED TO OPEN: " + f.openError();
        }
        return head + String.format(Locale.ROOT, "%,d writes checked: %d lost, %d torn, %d corrupt, %d unissued",
                f.writesChecked(), f.lost(), f.tornBatches(), f.corrupt(), f.unissued());
    }

    static TextTable table(List<CrashSummary> summaries) {
        TextTable table = new TextTable(List.of("engine", "durability", "trials", "acknowledged writes checked", "lost",
                "torn batches", "corrupt values", "unissued", "failed opens", "kills during a batch", "aimed kills",
                "kills during background I/O", "verdict"),
                false, false, true, true, true, true, true, true, true, true, true, true, false);
        for (CrashSummary s : summaries) {
            table.add(s.engine(), s.durability(), Integer.toString(s.trials()),
                    String.format(Locale.ROOT, "%,d", s.writesChecked()), Long.toString(s.lost()),
                    Long.toString(s.tornBatches()), Long.toString(s.corrupt()), Long.toString(s.unissued()),
                    Long.toString(s.failedOpens()), Long.toString(s.killsInBatch()), Long.toString(s.aimedKills()),
                    Long.toString(s.killsDuringBackground()),
                    s.verdict().label() + (s.promised() ? "" : " (no promise)"));
        }
        return table;
    }

    /** {@code --out DIR}, or {@code results/<date-time>-crashcheck}: new or empty. */
    static Path folder(Path given) {
        Path folder = given != null ? given : Path.of("results", LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-crashcheck");
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new Cli.UsageError("--out " + folder + " is a file; give a new or empty folder", EXIT_BAD_INPUT);
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new Cli.UsageError("--out " + folder + " is not empty; give a new or empty folder",
                            EXIT_BAD_INPUT);
                }
            } catch (IOException e) {
                throw new Cli.UsageError("--out " + folder + " cannot be read: " + e.getMessage(), EXIT_IO);
            }
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new Cli.UsageError("--out " + folder + " cannot be created: " + e.getMessage(), EXIT_IO);
        }
    }

    private static void deleteIfEmpty(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(directory);
                }
            }
        }
    }
}
