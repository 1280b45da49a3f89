package io.storebench.bench.run;

import io.storebench.bench.io.EngineRecords;
import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.SettingsRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A run's folder: {@code command.txt}, {@code settings.json} (the settings every fork reads, see
 * {@link SettingsFile}),
 * {@code forks/} (one result per finished fork), {@code hdr/} (HdrHistogram logs), {@code jmh.json},
 * {@code run.json} and {@code report.md}. Every file is written atomically.
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

    /** Builds {@code run.json} from the finished forks, noting what is missing, and writes it. */
    public RunRecord writeRecord(List<String> command, RunSettings settings, EngineRegistry registry)
            throws IOException {
        List<ForkResult> forks = forks();
        List<EngineRun> engines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String engine : settings.engines()) {
            EngineProvider provider = registry.provider(engine);
            List<ForkResult> mine = forks.stream().filter(f -> f.engine().equals(engine)).toList();
            if (mine.size() < settings.forks()) {
                missing.add(engine + ": " + (settings.forks() - mine.size()) + " of " + settings.forks()
                        + " forks did not finish");
            }
            // Each fork records what it ran (libraries and server) where the engine is loaded anyway:
            // the parent loads no engine's native code to ask.
            Map<String, String> versions = mine.isEmpty() ? Map.of() : mine.get(0).versions();
            engines.add(new EngineRun(engine, provider.description(),
                    provider.capabilities().stream().map(c -> c.label()).toList(),
                    settings.engineConfig(engine, directory, registry).durability().label(),
                    EngineRecords.profile(provider.profile()), versions, mine));
        }
        RunRecord record = new RunRecord(RunRecord.SCHEMA, runId, createdAt, command, new TreeMap<>(settings.options()),
                effectiveSettings(settings), Environment.describe(directory), engines, missing.isEmpty(), missing);
        JsonFiles.write(directory.resolve("run.json"), record);
        return record;
    }

    /** Removes fork data directories left by interrupted forks. */
    public void removeLeftoverData() {
        DataDirectory.delete(directory.resolve("data"));
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
