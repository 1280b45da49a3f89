package io.storebench.bench.run;

import static io.storebench.workloads.cli.OptionValues.number;
import static io.storebench.workloads.cli.OptionValues.wholeNumber;

import io.storebench.bench.io.ShellWords;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.KeySpec;
import io.storebench.workloads.OperationMix;
import io.storebench.workloads.ValueSpec;
import io.storebench.workloads.WorkloadOverrides;
import io.storebench.workloads.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run is, parsed and checked once, in the parent, from the {@code run} options. The
 * settings themselves (not the options) are saved in the run folder as {@link SettingsFile
 * settings.json} and read back by every JMH fork, so the parent and the forks cannot disagree.
 *
 * @param options the options as given (name to text), without {@code --}, for {@code run.json}
 * @param engines the engines to run, in order
 * @param workload the workload with every override applied
 * @param threads benchmark threads per fork
 * @param durability the durability profile of every engine
 * @param cacheBytes the engines' cache budget
 * @param engineOptions engine-specific options per engine
 * @param rate operations per second over all threads (open loop), or 0 for closed loop
 * @param tail the injected tail, or null
 * @param profile the run profile
 * @param forks JMH forks per engine
 * @param warmupIterations warm-up iterations per fork
 * @param warmupMillis length of a warm-up iteration
 * @param iterations measurement iterations per fork
 * @param iterationMillis length of a measurement iteration
 * @param operations measurement operations per fork (all threads), or 0 for timed iterations
 * @param out the run folder, or null for {@code results/<run-id>}
 * @param jfr whether to add JMH's flight-recorder profiler
 * @param profilers other JMH profilers by name
 * @param jvmArgs JVM flags added to every fork's command line ({@code --jvm-args})
 * @param dataCache where loaded data sets are kept between runs ({@code --data-cache}), or null
 */
public record RunSettings(Map<String, String> options, List<String> engines, WorkloadSpec workload, int threads,
        Durability durability, long cacheBytes, Map<String, Map<String, String>> engineOptions, double rate,
        TailInjection tail, Profile profile, int forks, int warmupIterations, long warmupMillis, int iterations,
        long iterationMillis, long operations, Path out, boolean jfr, List<String> profilers, List<String> jvmArgs,
        Path dataCache) {

    public RunSettings {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    public static final List<String> DEFAULT_ENGINES = List.of("rocksdb", "lmdb", "sqlite");
    public static final int DEFAULT_THREADS = 2;
    public static final long DEFAULT_CACHE_MB = 64;

    /**
     * Checks the options as given and resolves them into settings: the one parse of a run's
     * options, in the parent, before anything runs. The forks read the result back from the run
     * folder's {@link SettingsFile}.
     *
     * @param o the {@code run} options as picocli set them, with the engine flags and the options
     *     as given {@linkplain RunOptions#record recorded}
     * @throws IllegalArgumentException (often a {@link ConfigurationException}) with one line
     *     naming the bad value and what is allowed
     */
    static RunSettings parse(RunOptions o, EngineRegistry registry) {
        List<String> engines = new ArrayList<>();
        for (String name : o.engines != null ? o.engines.split(",") : DEFAULT_ENGINES.toArray(String[]::new)) {
            EngineProvider provider = registry.provider(name.trim());
            EngineRegistry.checkAvailable(provider); // before any fork: one line saying how to build it
            if (engines.contains(provider.name())) {
                throw new IllegalArgumentException("engine '" + provider.name() + "' is listed twice in --engines");
            }
            engines.add(provider.name());
        }
        Durability durability = o.durability != null ? Durability.parse(o.durability) : Durability.BUFFERED;
        for (String engine : engines) {
            EngineProvider provider = registry.provider(engine);
            // The baselines offer only "none" and run with it under the default profile; a profile asked for
            // with --durability is honoured or refused by every engine, the baselines included.
            if (o.durability != null || !provider.baseline()) {
                EngineRegistry.checkDurability(provider, durability);
            }
        }
        WorkloadSpec workload = workload(o);
        for (String engine : engines) {
            int maxKey = registry.provider(engine).maxKeySize();
            if (workload.keys().size() > maxKey) {
                throw new IllegalArgumentException("keys of " + workload.keys().size() + " bytes are too long for "
                        + engine + "; allowed: 1.." + maxKey + " (--key-size)");
            }
        }
        int threads = o.threads != null ? wholeNumber("--threads", o.threads, 1, EngineConfig.MAX_THREADS).intValue()
                : DEFAULT_THREADS;
        long cacheBytes = (o.cacheMb != null ? wholeNumber("--cache-mb", o.cacheMb, 1,
                EngineConfig.MAX_CACHE_BYTES >> 20) : DEFAULT_CACHE_MB) << 20;
        Profile profile = o.profile != null ? Profile.parse(o.profile) : Profile.QUICK;
        int forks = o.forks != null ? wholeNumber("--forks", o.forks, 1, 1000).intValue() : profile.forks();
        int warmups = o.warmupIterations != null
                ? wholeNumber("--warmup-iterations", o.warmupIterations, 0, 1000).intValue()
                : profile.warmupIterations();
        long warmupMillis = o.warmupTime != null ? millis("--warmup-time", o.warmupTime) : profile.warmupMillis();
        int iterations = o.iterations != null ? wholeNumber("--iterations", o.iterations, 1, 1000).intValue()
                : profile.iterations();
        long iterationMillis = o.iterationTime != null ? millis("--iteration-time", o.iterationTime)
                : profile.iterationMillis();
        if (o.time != null) {
            if (o.iterationTime != null) {
                throw new IllegalArgumentException("give --time (per fork) or --iteration-time, not both");
            }
            iterationMillis = Math.max(1, millis("--time", o.time) / iterations);
        }
        long operations = o.operations != null ? wholeNumber("--operations", o.operations, 1, Long.MAX_VALUE / 2) : 0;
        if (operations > 0 && (o.time != null || o.iterationTime != null || o.warmupTime != null)) {
            throw new IllegalArgumentException("give --operations or --time/--iteration-time/--warmup-time, not"
                    + " both: with --operations every iteration is a batch of operations");
        }
        IterationFit fit = IterationFit.of(threads, warmups, warmupMillis, iterationMillis,
                operations > 0 ? batchSize(operations, iterations, threads) : 0);
        double rate = o.rate != null ? fit.rate(o.rate) : 0;
        TailInjection tail = o.injectTail != null ? fit.tail(o.injectTail) : null;
        List<String> profilers = o.prof != null ? List.of(o.prof.split(",")) : List.of();
        for (String profiler : profilers) {
            checkProfiler(profiler);
        }
        return new RunSettings(Map.copyOf(o.given), List.copyOf(engines), workload, threads, durability,
                cacheBytes, engineOptions(o, engines, registry), rate, tail, profile, forks, warmups,
                warmupMillis, iterations, iterationMillis, operations, o.runFolder != null ? Path.of(o.runFolder) : null,
                o.jfr, profilers, jvmArgs(o.jvmArgs), dataCache(o.dataCache));
    }

    /** The {@code --data-cache} folder, absolute, created if absent and proven writable; null when not given. */
    private static Path dataCache(String given) {
        if (given == null) {
            return null;
        }
        Path folder = Path.of(given).toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ConfigurationException("--data-cache " + given + " is a file; give a folder (created if absent)");
        }
        try {
            DataDirectory.prepare(folder);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("--data-cache " + given + ": " + e.getMessage());
        }
        return folder;
    }

    /** Refuses a profiler JMH does not know or cannot run here, before any fork starts. */
    private static void checkProfiler(String name) {
        try {
            org.openjdk.jmh.profile.ProfilerFactory.getProfilerOrException(
                    new org.openjdk.jmh.runner.options.ProfilerConfig(name.trim()));
        } catch (org.openjdk.jmh.profile.ProfilerException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new IllegalArgumentException("--prof " + name + " cannot be used: " + reason
                    + " (java -jar bench/target/benchmarks.jar -lprof lists the profilers)");
        }
    }

    private static WorkloadSpec workload(RunOptions o) {
        WorkloadOverrides overrides = o.workload.overrides();
        WorkloadSpec spec;
        try {
            spec = overrides.resolve();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workload file " + o.workload.workload(), e);
        }
        String[][] mix = {{"--read", o.read}, {"--update", o.update}, {"--insert", o.insert}, {"--scan", o.scan},
            {"--rmw", o.rmw}, {"--delete", o.delete}};
        boolean mixGiven = false;
        double[] proportions = new double[mix.length];
        for (int i = 0; i < mix.length; i++) {
            if (mix[i][1] != null) {
                mixGiven = true;
                proportions[i] = number(mix[i][0], mix[i][1], 0, 1);
            }
        }
        if (mixGiven) {
            spec = spec.withMix(new OperationMix(proportions[0], proportions[1], proportions[2], proportions[3],
                    proportions[4], proportions[5]));
        }
        if (o.keySize != null) {
            spec = spec.withKeys(new KeySpec(spec.keys().format(),
                    wholeNumber("--key-size", o.keySize, 1, KeySpec.MAX_SIZE).intValue()));
        }
        if (o.valueSize != null) {
            spec = spec.withValues(ValueSpec.constant(
                    wholeNumber("--value-size", o.valueSize, 16, ValueSpec.MAX_SIZE).intValue()));
        }
        userBytes(spec); // refuses a data set whose size does not even fit in a long
        return spec;
    }

    /**
     * {@code --engine-options rocksdb.compression=lz4,lmdb.map-size-mb=4096}, checked against each
     * engine's list. An item without {@code =} continues the previous option's value, so list
     * values need no other separator: {@code etcd.endpoints=h1:2379,h2:2379,etcd.reads=serializable}.
     * Then the {@code --ENGINE-OPTION} flags; an option given both ways is refused.
     */
    private static Map<String, Map<String, String>> engineOptions(RunOptions o, List<String> engines,
            EngineRegistry registry) {
        Map<String, Map<String, String>> byEngine = new HashMap<>();
        if (o.engineOptions != null) {
            String lastEngine = null;
            String lastOption = null;
            for (String item : o.engineOptions.split(",")) {
                int dot = item.indexOf('.');
                int equals = item.indexOf('=');
                if (equals < 0 && lastOption != null) {
                    // A list value: etcd.endpoints=a:2379,b:2379 continues the previous option.
                    byEngine.get(lastEngine).merge(lastOption, "," + item, String::concat);
                    continue;
                }
                if (dot < 1 || equals < dot + 2) {
                    throw new IllegalArgumentException("--engine-options item '" + item
                            + "' is not ENGINE.OPTION=VALUE (e.g. rocksdb.compression=lz4)");
                }
                String engine = registry.provider(item.substring(0, dot)).name();
                if (!engines.contains(engine)) {
                    throw new IllegalArgumentException("--engine-options names engine '" + engine
                            + "', which is not in --engines " + String.join(",", engines));
                }
                lastEngine = engine;
                lastOption = item.substring(dot + 1, equals);
                byEngine.computeIfAbsent(engine, e -> new HashMap<>()).put(lastOption, item.substring(equals + 1));
            }
        }
        o.engineFlags.forEach((engine, values) -> {
            if (!engines.contains(engine)) {
                throw new IllegalArgumentException("--" + engine + "-" + values.keySet().iterator().next()
                        + " is an option of engine '" + engine + "', which is not in --engines "
                        + String.join(",", engines));
            }
            values.forEach((option, value) -> {
                if (byEngine.computeIfAbsent(engine, e -> new HashMap<>()).put(option, value) != null) {
                    throw new IllegalArgumentException("" + engine + "." + option + " is given twice: as --"
                            + engine + "-" + option + " and in --engine-options");
                }
            });
        });
        for (String engine : engines) {
            EngineProvider provider = registry.provider(engine);
            io.storebench.engine.EngineOptions.resolve(engine, provider.options(),
                    byEngine.getOrDefault(engine, Map.of())); // fails now, not in a fork
        }
        Map<String, Map<String, String>> frozen = new HashMap<>();
        byEngine.forEach((engine, values) -> frozen.put(engine, Map.copyOf(values)));
        return Map.copyOf(frozen);
    }

    private static long millis(String option, String text) {
        long nanos = Durations.parseNanos(option, text);
        if (nanos < 1_000_000) {
            throw new IllegalArgumentException(option + " " + text + " is out of range; allowed: 1ms or more");
        }
        return nanos / 1_000_000;
    }

    /** The engine configuration a fork opens {@code engine} with. */
    /** {@code --jvm-args}: JVM flags, each beginning with {@code -}. */
    private static List<String> jvmArgs(String text) {
        List<String> flags = ShellWords.split("--jvm-args", text);
        for (String flag : flags) {
            if (!flag.startsWith("-")) {
                throw new IllegalArgumentException("--jvm-args: '" + flag + "' is not a JVM flag; flags begin with -,"
                        + " e.g. \"-Xmx2g -XX:+UseZGC\"");
            }
        }
        return flags;
    }

    public EngineConfig engineConfig(String engine, Path dataDirectory, EngineRegistry registry) {
        return new EngineConfig(dataDirectory, registry.provider(engine).baseline() ? Durability.NONE : durability,
                cacheBytes, threads, userBytes(workload), engineOptions.getOrDefault(engine, Map.of()));
    }

    /** The bytes of keys and values loaded (at the largest value size): what the data set weighs. */
    public long userBytes() {
        return userBytes(workload);
    }

    private static long userBytes(WorkloadSpec spec) {
        try {
            return Math.multiplyExact(spec.recordCount(), spec.keys().size() + (long) spec.values().size().max());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("" + spec.recordCount() + " records of "
                    + (spec.keys().size() + spec.values().size().max()) + " bytes are too large a data set; lower"
                    + " --records or --value-size");
        }
    }

    /** Measurement operations per thread per iteration with {@code --operations} (at least 1). */
    public int batchSize() {
        return batchSize(operations, iterations, threads);
    }

    private static int batchSize(long operations, int iterations, int threads) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, operations / iterations / threads));
    }

    public boolean openLoop() {
        return rate > 0;
    }
}
