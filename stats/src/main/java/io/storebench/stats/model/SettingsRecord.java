package io.storebench.stats.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The effective settings of a run, as {@code run.json} records them ({@code settings}): what was
 * run, with every default applied. The field names are those of schema {@code storebench.run/1},
 * whose folders are read into this record unchanged; {@link #valueSizeMin} and {@link #valueSizeMax}
 * are new in {@code storebench.run/2} and derived from {@link #valueSize} when a {@code /1} file
 * lacks them.
 *
 * @param workload the workload's name (a preset, or a YCSB file's name)
 * @param records records loaded
 * @param mix operation proportions by operation label, in the mix's order
 * @param distribution the key distribution, described ({@code ycsb-zipfian(theta=0.99)})
 * @param keyFormat the key format's label
 * @param keySize key bytes
 * @param valueSize the value size: bytes, or "DISTRIBUTION MIN..MAX"
 * @param valueSizeMin the smallest value, bytes
 * @param valueSizeMax the largest value, bytes
 * @param seed the workload's seed
 * @param threads benchmark threads per fork
 * @param durability the durability profile's label
 * @param cacheBytes the engines' cache budget
 * @param engineOptions engine-specific options given, per engine
 * @param profile the run profile's label
 * @param forks forks per engine
 * @param warmupIterations warm-up iterations per fork
 * @param warmupMillis length of a warm-up iteration; null with {@code --operations}
 * @param iterations measurement iterations per fork
 * @param iterationMillis length of a measurement iteration; null with {@code --operations}
 * @param mode {@code time} or {@code operations}
 * @param operations measured operations per fork with {@code --operations}, else null
 * @param loop {@code closed} or {@code open}
 * @param rate the open-loop rate in operations per second (0 when closed)
 * @param injectTail the injected tail ({@code --inject-tail}), or null
 */
public record SettingsRecord(String workload, long records, Map<String, Double> mix, String distribution,
        String keyFormat, int keySize, String valueSize, Integer valueSizeMin, Integer valueSizeMax, long seed,
        int threads, String durability, long cacheBytes, Map<String, Map<String, String>> engineOptions,
        String profile, int forks, int warmupIterations, Long warmupMillis, int iterations, Long iterationMillis,
        String mode, Long operations, String loop, double rate, String injectTail) {

    /**
     * The settings that define the workload and its load, by the name {@code run.json} gives them:
     * two runs differing in one are different experiments.
     */
    public static final Map<String, Function<SettingsRecord, Object>> WORKLOAD_DEFINING = workloadDefining();

    public SettingsRecord {
        mix = mix == null ? Map.of() : new LinkedHashMap<>(mix);
        engineOptions = engineOptions == null ? Map.of() : sorted(engineOptions);
        if ((valueSizeMin == null || valueSizeMax == null) && valueSize != null && valueSize.matches("[0-9]+")) {
            // storebench.run/1 recorded a fixed value size only as text
            valueSizeMin = Integer.valueOf(valueSize);
            valueSizeMax = valueSizeMin;
        }
    }

    /** These settings with another fork count (an {@code ab} side gathers its pairs' one-fork runs). */
    public SettingsRecord withForks(int count) {
        return new SettingsRecord(workload, records, mix, distribution, keyFormat, keySize, valueSize, valueSizeMin,
                valueSizeMax, seed, threads, durability, cacheBytes, engineOptions, profile, count, warmupIterations,
                warmupMillis, iterations, iterationMillis, mode, operations, loop, rate, injectTail);
    }

    /** Whether the run was open loop ({@code --rate}). */
    public boolean openLoop() {
        return "open".equals(loop);
    }

    /** Records × (key + value bytes) when every value has the same size; null otherwise. */
    public Long loadedUserBytes() {
        if (valueSizeMin == null || !valueSizeMin.equals(valueSizeMax)) {
            return null;
        }
        return records * (keySize + (long) valueSizeMax);
    }

    private static Map<String, Map<String, String>> sorted(Map<String, Map<String, String>> options) {
        Map<String, Map<String, String>> sorted = new TreeMap<>();
        options.forEach((engine, values) -> sorted.put(engine, new TreeMap<>(values)));
        return sorted;
    }

    private static Map<String, Function<SettingsRecord, Object>> workloadDefining() {
        Map<String, Function<SettingsRecord, Object>> fields = new LinkedHashMap<>();
        fields.put("workload", SettingsRecord::workload);
        fields.put("records", SettingsRecord::records);
        fields.put("mix", SettingsRecord::mix);
        fields.put("distribution", SettingsRecord::distribution);
        fields.put("keyFormat", SettingsRecord::keyFormat);
        fields.put("keySize", SettingsRecord::keySize);
        fields.put("valueSize", SettingsRecord::valueSize);
        fields.put("seed", SettingsRecord::seed);
        fields.put("threads", SettingsRecord::threads);
        fields.put("durability", SettingsRecord::durability);
        fields.put("cacheBytes", SettingsRecord::cacheBytes);
        fields.put("engineOptions", SettingsRecord::engineOptions);
        fields.put("loop", SettingsRecord::loop);
        fields.put("rate", SettingsRecord::rate);
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The names of {@link #WORKLOAD_DEFINING}, in order. */
    public static List<String> workloadDefiningNames() {
        return List.copyOf(WORKLOAD_DEFINING.keySet());
    }
}
