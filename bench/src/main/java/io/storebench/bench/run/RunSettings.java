package io.storebench.bench.run;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.KeySpec;
import io.storebench.workloads.OperationMix;
import io.storebench.workloads.ValueSpec;
import io.storebench.workloads.WorkloadOverrides;
import io.storebench.workloads.WorkloadSpec;
import io.storebench.workloads.cli.Arguments;
import io.storebench.workloads.distribution.DistributionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run is, parsed and checked once from the {@code run} options. The same option map
 * is saved in the run folder and parsed again by every JMH fork, so the parent and the forks
 * cannot disagree.
 *
 * @param options the options as given (name to text), without {@code --}
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
 */
public record RunSettings(Map<String, String> options, List<String> engines, WorkloadSpec workload, int threads,
        Durability durability, long cacheBytes, Map<String, Map<String, String>> engineOptions, double rate,
        TailInjection tail, Profile profile, int forks, int warmupIterations, long warmupMillis, int iterations,
        long iterationMillis, long operations, Path out, boolean jfr, List<String> profilers) {

    /** Options that take a value, as {@code run} accepts them. */
    public static final Set<String> VALUED = Set.of("engines", "workload", "records", "operations", "time", "threads",
            "distribution", "theta", "hot-set", "hot-ops", "read", "update", "insert", "scan", "rmw", "delete",
            "key-size", "value-size", "durability", "cache-mb", "rate", "inject-tail", "seed", "profile", "forks",
            "warmup-iterations", "warmup-time", "iterations", "iteration-time", "out", "prof", "engine-options");
    /** Options that take none. */
    public static final Set<String> FLAGS = Set.of("jfr", "help");

    public static final List<String> DEFAULT_ENGINES = List.of("rocksdb", "lmdb", "sqlite");
    public static final int DEFAULT_THREADS = 2;
    public static final long DEFAULT_CACHE_MB = 64;
    private static final String[] MIX = {"read", "update", "insert", "scan", "rmw", "delete"};

    /** Parses command-line arguments (after {@code run}). */
    public static RunSettings fromArguments(List<String> args, EngineRegistry registry) {
        EngineFlags engineFlags = EngineFlags.split(args, registry);
        Arguments arguments = Arguments.parse("run", engineFlags.remaining(), VALUED, FLAGS);
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : VALUED) {
            if (arguments.has(name)) {
                options.put(name, arguments.string(name));
            }
        }
        if (arguments.has("jfr")) {
            options.put("jfr", "true");
        }
        options.putAll(engineFlags.flags());
        return parse(options, registry);
    }

    /**
     * Parses and checks an option map.
     *
     * @throws IllegalArgumentException (often a {@link Arguments.UsageException} or a
     *     {@link ConfigurationException}) with one line naming the bad value and what is allowed
     */
    public static RunSettings parse(Map<String, String> options, EngineRegistry registry) {
        EngineFlags engineFlags = EngineFlags.split(toArgs(options), registry);
        Arguments a = Arguments.parse("run", engineFlags.remaining(), VALUED, FLAGS);
        List<String> engines = new ArrayList<>();
        for (String name : a.has("engines") ? a.string("engines").split(",") : DEFAULT_ENGINES.toArray(String[]::new)) {
            EngineProvider provider = registry.provider(name.trim());
            if (engines.contains(provider.name())) {
                throw new Arguments.UsageException("run: engine '" + provider.name() + "' is listed twice in --engines");
            }
            engines.add(provider.name());
        }
        Durability durability = a.has("durability") ? Durability.parse(a.string("durability")) : Durability.BUFFERED;
        for (String engine : engines) {
            EngineProvider provider = registry.provider(engine);
            // The baselines offer only "none": they run with it whatever the engines use, and say so.
            if (!provider.baseline()) {
                EngineRegistry.checkDurability(provider, durability);
            }
        }
        WorkloadSpec workload = workload(a);
        for (String engine : engines) {
            int maxKey = registry.provider(engine).maxKeySize();
            if (workload.keys().size() > maxKey) {
                throw new Arguments.UsageException("run: keys of " + workload.keys().size() + " bytes are too long for "
                        + engine + "; allowed: 1.." + maxKey + " (--key-size)");
            }
        }
        int threads = a.has("threads") ? a.longValue("threads", 1, EngineConfig.MAX_THREADS).intValue()
                : DEFAULT_THREADS;
        long cacheBytes = (a.has("cache-mb") ? a.longValue("cache-mb", 1, EngineConfig.MAX_CACHE_BYTES >> 20)
                : DEFAULT_CACHE_MB) << 20;
        double rate = a.has("rate") ? positive(a, "rate") : 0;
        TailInjection tail = a.has("inject-tail") ? TailInjection.parse(a.string("inject-tail")) : null;
        Profile profile = a.has("profile") ? Profile.parse(a.string("profile")) : Profile.QUICK;
        int forks = a.has("forks") ? a.longValue("forks", 1, 1000).intValue() : profile.forks();
        int warmups = a.has("warmup-iterations") ? a.longValue("warmup-iterations", 0, 1000).intValue()
                : profile.warmupIterations();
        long warmupMillis = a.has("warmup-time") ? millis(a, "warmup-time") : profile.warmupMillis();
        int iterations = a.has("iterations") ? a.longValue("iterations", 1, 1000).intValue() : profile.iterations();
        long iterationMillis = a.has("iteration-time") ? millis(a, "iteration-time") : profile.iterationMillis();
        if (a.has("time")) {
            if (a.has("iteration-time")) {
                throw new Arguments.UsageException("run: give --time (per fork) or --iteration-time, not both");
            }
            iterationMillis = Math.max(1, millis(a, "time") / iterations);
        }
        long operations = a.has("operations") ? a.longValue("operations", 1, Long.MAX_VALUE / 2) : 0;
        if (operations > 0 && (a.has("time") || a.has("iteration-time") || a.has("warmup-time"))) {
            throw new Arguments.UsageException("run: give --operations or --time/--iteration-time/--warmup-time, not"
                    + " both: with --operations every iteration is a batch of operations");
        }
        List<String> profilers = a.has("prof") ? List.of(a.string("prof").split(",")) : List.of();
        for (String profiler : profilers) {
            checkProfiler(profiler);
        }
        return new RunSettings(Map.copyOf(options), List.copyOf(engines), workload, threads, durability,
                cacheBytes, engineOptions(a, engineFlags, engines, registry), rate, tail, profile, forks, warmups, warmupMillis,
                iterations, iterationMillis, operations, a.has("out") ? Path.of(a.string("out")) : null, a.has("jfr"),
                profilers);
    }

    /** Refuses a profiler JMH does not know or cannot run here, before any fork starts. */
    private static void checkProfiler(String name) {
        try {
            org.openjdk.jmh.profile.ProfilerFactory.getProfilerOrException(
                    new org.openjdk.jmh.runner.options.ProfilerConfig(name.trim()));
        } catch (org.openjdk.jmh.profile.ProfilerException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new Arguments.UsageException("run: --prof " + name + " cannot be used: " + reason
                    + " (java -jar bench/target/benchmarks.jar -lprof lists the profilers)");
        }
    }

    private static List<String> toArgs(Map<String, String> options) {
        List<String> args = new ArrayList<>();
        options.forEach((name, value) -> {
            args.add("--" + name);
            if (!FLAGS.contains(name)) {
                args.add(value);
            }
        });
        return args;
    }

    private static WorkloadSpec workload(Arguments a) {
        String distribution = a.string("distribution");
        WorkloadOverrides overrides = new WorkloadOverrides(a.string("workload"),
                a.longValue("records", 1, WorkloadSpec.MAX_RECORDS),
                distribution == null ? null : DistributionKind.parse(distribution),
                a.doubleValue("theta", 0, Double.MAX_VALUE), a.doubleValue("hot-set", 0, 1),
                a.doubleValue("hot-ops", 0, 1), a.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE));
        WorkloadSpec spec;
        try {
            spec = overrides.resolve();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workload file " + a.string("workload"), e);
        }
        boolean mixGiven = false;
        double[] proportions = new double[MIX.length];
        for (int i = 0; i < MIX.length; i++) {
            if (a.has(MIX[i])) {
                mixGiven = true;
                proportions[i] = a.doubleValue(MIX[i], 0, 1);
            }
        }
        if (mixGiven) {
            spec = spec.withMix(new OperationMix(proportions[0], proportions[1], proportions[2], proportions[3],
                    proportions[4], proportions[5]));
        }
        if (a.has("key-size")) {
            spec = spec.withKeys(new KeySpec(spec.keys().format(), a.longValue("key-size", 1, KeySpec.MAX_SIZE).intValue()));
        }
        if (a.has("value-size")) {
            spec = spec.withValues(ValueSpec.constant(a.longValue("value-size", 16, ValueSpec.MAX_SIZE).intValue()));
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
    private static Map<String, Map<String, String>> engineOptions(Arguments a, EngineFlags flags,
            List<String> engines, EngineRegistry registry) {
        Map<String, Map<String, String>> byEngine = new HashMap<>();
        if (a.has("engine-options")) {
            String lastEngine = null;
            String lastOption = null;
            for (String item : a.string("engine-options").split(",")) {
                int dot = item.indexOf('.');
                int equals = item.indexOf('=');
                if (equals < 0 && lastOption != null) {
                    // A list value: etcd.endpoints=a:2379,b:2379 continues the previous option.
                    byEngine.get(lastEngine).merge(lastOption, "," + item, String::concat);
                    continue;
                }
                if (dot < 1 || equals < dot + 2) {
                    throw new Arguments.UsageException("run: --engine-options item '" + item
                            + "' is not ENGINE.OPTION=VALUE (e.g. rocksdb.compression=lz4)");
                }
                String engine = registry.provider(item.substring(0, dot)).name();
                if (!engines.contains(engine)) {
                    throw new Arguments.UsageException("run: --engine-options names engine '" + engine
                            + "', which is not in --engines " + String.join(",", engines));
                }
                lastEngine = engine;
                lastOption = item.substring(dot + 1, equals);
                byEngine.computeIfAbsent(engine, e -> new HashMap<>()).put(lastOption, item.substring(equals + 1));
            }
        }
        flags.values().forEach((engine, values) -> {
            if (!engines.contains(engine)) {
                throw new Arguments.UsageException("run: --" + engine + "-" + values.keySet().iterator().next()
                        + " is an option of engine '" + engine + "', which is not in --engines "
                        + String.join(",", engines));
            }
            values.forEach((option, value) -> {
                if (byEngine.computeIfAbsent(engine, e -> new HashMap<>()).put(option, value) != null) {
                    throw new Arguments.UsageException("run: " + engine + "." + option + " is given twice: as --"
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

    private static double positive(Arguments a, String name) {
        double value = a.doubleValue(name, 0, Double.MAX_VALUE);
        if (!(value > 0)) {
            throw new Arguments.UsageException("run: --" + name + " " + a.string(name)
                    + " is out of range; allowed: > 0 operations per second");
        }
        return value;
    }

    private static long millis(Arguments a, String name) {
        long nanos = Durations.parseNanos("--" + name, a.string(name));
        if (nanos < 1_000_000) {
            throw new Arguments.UsageException("run: --" + name + " " + a.string(name)
                    + " is out of range; allowed: 1ms or more");
        }
        return nanos / 1_000_000;
    }

    /** The engine configuration a fork opens {@code engine} with. */
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
            throw new Arguments.UsageException("run: " + spec.recordCount() + " records of "
                    + (spec.keys().size() + spec.values().size().max()) + " bytes are too large a data set; lower"
                    + " --records or --value-size");
        }
    }

    /** Measurement operations per thread per iteration with {@code --operations} (at least 1). */
    public int batchSize() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, operations / iterations / threads));
    }

    public boolean openLoop() {
        return rate > 0;
    }
}
