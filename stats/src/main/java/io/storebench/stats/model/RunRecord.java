package io.storebench.stats.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run.json}: a whole run, self-describing. The schema is documented in the README
 * ("run.json"); {@link #SCHEMA} names its version, and a reader refuses a version it does not know.
 *
 * @param schema {@value #SCHEMA}
 * @param runId the run folder's name
 * @param createdAt ISO-8601 start time
 * @param command the exact arguments after {@code java -jar benchmarks.jar}
 * @param options the {@code run} options as given (defaults not listed)
 * @param settings the effective settings: workload, threads, durability, cache, profile, forks,
 *     iterations, open loop, injected tail
 * @param environment where it ran: CPU, cores, memory, kernel, dirty ratios, filesystem, JVM,
 *     library versions, StoreBench's commit
 * @param engines per engine, per fork results
 * @param complete false when forks are missing (interrupted or failed); {@code missing} says which
 * @param missing what the run expected and did not get, one line each
 */
public record RunRecord(String schema, String runId, String createdAt, List<String> command,
        Map<String, String> options, SettingsRecord settings, Map<String, Object> environment,
        List<EngineRun> engines, boolean complete, List<String> missing) {
    /** The schema this version writes. */
    public static final String SCHEMA = "storebench.run/2";
    /**
     * The schemas this version reads: {@code /1} (before engine profiles, versions and the typed
     * value-size bounds) reads into the same records, the missing fields empty or derived.
     */
    public static final Set<String> READABLE = Set.of("storebench.run/1", SCHEMA);
}
