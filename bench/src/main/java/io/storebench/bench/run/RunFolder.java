package io.storebench.bench.run;

import io.storebench.bench.io.EngineRecords;
import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkFailure;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SaturationRule;
import io.storebench.stats.model.SettingsRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * A run's folder: {@code command.txt}, {@code settings.json} (the settings every fork reads, see
 * {@link SettingsFile}),
 * {@code forks/} (one result per finished fork), {@code hdr/} (HdrHistogram logs), {@code jmh.json},
 * {@code run.json} and {@code report.md}. Every file is complete or absent: written atomically, or,
 * for a fork's log, removed when the fork does not finish ({@link #removeSince}). While a fork runs,
 * {@code data/} holds its store and {@code tmp/} its temporary files (its {@code java.io.tmpdir}:
 * the engines' native libraries); both are removed after it.
 */
public final class RunFolder {
    private final Path directory;
    private final boolean created;
    private final String runId;
    private final String createdAt = OffsetDateTime.now().toString();

    private RunFolder(Path directory, boolean created) {
        this.directory = directory;
        this.created = created;
        this.runId = directory.getFileName().toString();
    }

    /**
     * Creates the folder of a new run: {@code --out DIR}, or {@code results/<date-time>-<workload>}.
     *
     * @throws ConfigurationException if it cannot be created or written, or already holds a run
     */
    public static RunFolder create(RunSettings settings) {
        Path directory = settings.out() != null ? settings.out()
                : Path.of("results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                        + settings.workload().name().replaceAll("[^A-Za-z0-9._-]", "_"));
        if (Files.exists(directory.resolve("run.json")) || Files.exists(directory.resolve(SettingsFile.NAME))) {
            throw new ConfigurationException("--out " + directory + " already holds a run; give a new or empty folder");
        }
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new ConfigurationException("--out " + directory + " is not empty; give a new or empty folder"
                            + " (a run owns its folder)");
                }
            } catch (IOException e) {
                throw new ConfigurationException("--out " + directory + " cannot be read: " + e.getMessage());
            }
        }
        boolean created = !Files.exists(directory);
        DataDirectory.prepare(directory); // exists, is a directory, writable
        return new RunFolder(directory, created);
    }

    /** Removes the folder if this run created it and wrote nothing into it (bad input found late). */
    public void discardIfEmpty() {
        if (created) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(directory);
                }
            } catch (IOException e) {
                // leave it: an empty folder is harmless
            }
        }
    }

    public Path directory() {
        return directory;
    }

    /** {@code tmp/}: the running fork's {@code java.io.tmpdir}. */
    Path temporaryDirectory() {
        return directory.resolve("tmp");
    }

    /** Creates {@link #temporaryDirectory()}, empty, for the next fork. */
    void prepareTemporaryDirectory() {
        removeTemporaryDirectory();
        try {
            Files.createDirectories(temporaryDirectory());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + temporaryDirectory(), e);
        }
    }

    /** Removes {@link #temporaryDirectory()} and what a fork left in it. */
    void removeTemporaryDirectory() {
        try {
            DataDirectory.delete(temporaryDirectory());
        } catch (java.io.UncheckedIOException e) {
            System.err.println("storebench: " + e.getMessage() + ": " + e.getCause().getMessage());
        }
    }

    /**
     * The files of {@code forks/} and {@code hdr/} at one moment: what a fork adds is what it wrote.
     *
     * @param listed false when a folder could not be listed: then nothing is removed since
     */
    record ForkFiles(Set<Path> files, boolean listed) {
    }

    ForkFiles forkFiles() {
        Set<Path> files = new HashSet<>();
        boolean listed = true;
        for (String sub : List.of("forks", "hdr")) {
            Path dir = directory.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    listed = false;
                }
            }
        }
        return new ForkFiles(files, listed);
    }

    /**
     * Removes what a fork that did not finish wrote since {@code before}: its partial log and
     * anything else in {@code forks/} and {@code hdr/}, and its data. A file that cannot be
     * removed is said on standard error.
     */
    void removeSince(ForkFiles before) {
        ForkFiles now = forkFiles();
        for (Path file : now.files()) {
            if (before.listed() && now.listed() && !before.files().contains(file)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    System.err.println("storebench: cannot remove " + file + ": " + e.getMessage());
                }
            }
        }
        for (String sub : List.of("forks", "hdr")) {
            try (Stream<Path> entries = Files.list(directory.resolve(sub))) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(directory.resolve(sub)); // made by that fork: the folder does not list it
                }
            } catch (IOException e) {
                // absent, or not empty: kept
            }
        }
        try {
            removeLeftoverData();
        } catch (java.io.UncheckedIOException e) {
            System.err.println("storebench: " + e.getMessage() + ": " + e.getCause().getMessage());
        }
    }

    /**
     * Writes {@code jmh.json}, JMH's own results of the forks that finished, once (a file that
     * exists is complete); nothing when no fork finished.
     */
    void writeJmhResults(Collection<RunResult> results) throws IOException {
        if (results.isEmpty()) {
            return;
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(json, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, stream).writeOut(results);
        }
        JsonFiles.writeString(directory.resolve("jmh.json"), json.toString(StandardCharsets.UTF_8));
    }

    /** What the run folder holds of its results, for the run's last line: {@code run.json, report.md, ...}. */
    List<String> written() {
        List<String> written = new ArrayList<>();
        for (String name : List.of("run.json", "report.md", "report.html", "hdr/", "jmh.json", "jfr/")) {
            if (Files.exists(directory.resolve(name))) {
                written.add(name);
            }
        }
        return written;
    }

    /** {@code settings.json}: the run's settings, written by {@link #writeStart}. */
    public Path settingsFile() {
        return directory.resolve(SettingsFile.NAME);
    }

    /** Writes {@code command.txt} (the exact command) and {@code settings.json} (what every fork reads). */
    public void writeStart(List<String> command, RunSettings settings) throws IOException {
        JsonFiles.writeString(directory.resolve("command.txt"), "java -jar bench/target/benchmarks.jar "
                + String.join(" ", command.stream().map(RunFolder::quote).toList()) + "\n");
        SettingsFile.write(directory, settings);
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9._,:=/+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The results of the forks that finished, by engine, in the order of {@code --engines}. */
    public List<ForkResult> forks() throws IOException {
        Path forks = directory.resolve("forks");
        if (!Files.isDirectory(forks)) {
            return List.of();
        }
        List<ForkResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(forks)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                results.add(JsonFiles.read(file, ForkResult.class));
            }
        }
        return results;
    }

    /**
     * Builds {@code run.json} from the finished forks and the failed ones ({@code failures}, by
     * engine), noting what is missing ({@code N of M forks failed}, {@code N of M forks did not
     * finish}, {@code a server died in N of M forks}: their figures after it are of a dead server),
     * and writes it.
     */
    public RunRecord writeRecord(List<String> command, RunSettings settings, EngineRegistry registry,
            Map<String, List<ForkFailure>> failures) throws IOException {
        List<ForkResult> forks = forks();
        List<EngineRun> engines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String engine : settings.engines()) {
            EngineProvider provider = registry.provider(engine);
            List<ForkResult> mine = forks.stream().filter(f -> f.engine().equals(engine)).toList();
            List<ForkFailure> failed = failures.getOrDefault(engine, List.of());
            if (!failed.isEmpty()) {
                missing.add(engine + ": " + failed.size() + " of " + settings.forks() + " forks failed");
            }
            long deaths = mine.stream().filter(f -> !f.serverDeaths().isEmpty()).count();
            if (deaths > 0) {
                missing.add(engine + ": a server died in " + deaths + " of " + settings.forks() + " forks");
            }
            int unfinished = settings.forks() - mine.size() - failed.size();
            if (unfinished > 0) {
                missing.add(engine + ": " + unfinished + " of " + settings.forks() + " forks did not finish");
            }
            // Each fork records what it ran (libraries and server) where the engine is loaded anyway:
            // the parent loads no engine's native code to ask.
            Map<String, String> versions = mine.isEmpty() ? Map.of() : mine.get(0).versions();
            engines.add(new EngineRun(engine, provider.description(),
                    provider.capabilities().stream().map(c -> c.label()).toList(),
                    settings.engineConfig(engine, directory, registry).durability().label(),
                    EngineRecords.profile(provider.profile()), versions, mine, failed, SaturationRule.of(mine)));
        }
        RunRecord record = new RunRecord(RunRecord.SCHEMA, runId, createdAt, command, new TreeMap<>(settings.options()),
                effectiveSettings(settings), Environment.describe(directory), engines, missing.isEmpty(), missing);
        JsonFiles.write(directory.resolve("run.json"), record);
        return record;
    }

    /** Removes fork data directories and temporary files left by interrupted or failed forks. */
    public void removeLeftoverData() {
        DataDirectory.delete(directory.resolve("data"));
        DataDirectory.delete(temporaryDirectory());
    }

    /** The run's effective settings, for {@code run.json}. */
    static SettingsRecord effectiveSettings(RunSettings settings) {
        var workload = settings.workload();
        var size = workload.values().size();
        Map<String, Double> mix = new LinkedHashMap<>();
        workload.mix().asMap().forEach((operation, share) -> mix.put(operation.label(), share));
        boolean operations = settings.operations() > 0;
        return new SettingsRecord(workload.name(), workload.recordCount(), mix, workload.distribution().describe(),
                workload.keys().format().label(), workload.keys().size(),
                size.min() == size.max() ? Integer.toString(size.max())
                        : size.distribution().label() + " " + size.min() + ".." + size.max(),
                size.min(), size.max(), workload.seed(), settings.threads(), settings.durability().label(),
                settings.cacheBytes(), settings.engineOptions(), settings.profile().label(), settings.forks(),
                settings.warmupIterations(), operations ? null : settings.warmupMillis(), settings.iterations(),
                operations ? null : settings.iterationMillis(), operations ? "operations" : "time",
                operations ? (long) settings.batchSize() * settings.threads() * settings.iterations() : null,
                settings.openLoop() ? "open" : "closed", settings.rate(),
                settings.tail() == null ? null : settings.tail().toString());
    }
}
