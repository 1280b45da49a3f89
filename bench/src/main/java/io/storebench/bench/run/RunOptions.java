package io.storebench.bench.run;

import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.cli.Cli;
import io.storebench.workloads.cli.WorkloadOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The {@code run} options as picocli sets them (a {@code @Mixin} of {@link RunCommand}): the
 * command's model, and what {@link RunSettings#parse} reads, field by field, so that an option
 * renamed here cannot be silently dropped there. The values are kept as given and converted by
 * {@link RunSettings} through {@link io.storebench.workloads.cli.OptionValues}, so a bad one gets
 * the same one line as ever. {@link #record} adds the {@code --ENGINE-OPTION} flags given and the
 * options as given, for {@code run.json}.
 */
final class RunOptions {
    @Option(names = "--engines", paramLabel = "a,b", order = 1,
            description = "engines to run (see list). Default: rocksdb,lmdb,sqlite")
    String engines;
    @Option(names = "--durability", paramLabel = "P", order = 2,
            description = "strict | buffered | none (the baselines' only one: they run with it unless another is"
                    + " given, which they refuse). Default: buffered")
    String durability;
    @Option(names = "--cache-mb", paramLabel = "N", order = 3,
            description = "cache budget per engine in MiB, 1..1048576. Default: 64")
    String cacheMb;
    @Option(names = "--engine-options", paramLabel = "L", order = 4,
            description = "ENGINE.OPTION=VALUE,... e.g. rocksdb.compression=lz4 (see list)")
    String engineOptions;
    @Option(names = "--read", paramLabel = "P", order = 16,
            description = "operation proportions (--read --update --insert --scan --rmw --delete): when any is"
                    + " given they must sum to 1. Default: the workload's")
    String read;
    @Option(names = "--update", paramLabel = "P", order = 17, description = "proportion of updates")
    String update;
    @Option(names = "--insert", paramLabel = "P", order = 18, description = "proportion of inserts")
    String insert;
    @Option(names = "--scan", paramLabel = "P", order = 19, description = "proportion of scans")
    String scan;
    @Option(names = "--rmw", paramLabel = "P", order = 20, description = "proportion of read-modify-writes")
    String rmw;
    @Option(names = "--delete", paramLabel = "P", order = 21, description = "proportion of deletes")
    String delete;
    @Option(names = "--key-size", paramLabel = "N", order = 22,
            description = "key bytes, 1..1024. Default: the workload's (23 for YCSB keys)")
    String keySize;
    @Option(names = "--value-size", paramLabel = "N", order = 23,
            description = "value bytes, 16..16777216. Default: the workload's (1000)")
    String valueSize;
    @Option(names = "--threads", paramLabel = "N", order = 30,
            description = "benchmark threads per fork, 1..1024. Default: 2")
    String threads;
    @Option(names = "--rate", paramLabel = "N", order = 31,
            description = "open loop: N operations per second over all threads; latency is measured from each"
                    + " operation's intended start; at least one operation per thread per iteration (threads /"
                    + " the shortest iteration). Default: closed loop")
    String rate;
    @Option(names = "--inject-tail", paramLabel = "P:DELAY", order = 32,
            description = "delay a fraction P in (0, 1] of operations by DELAY, at most the shortest iteration,"
                    + " e.g. 0.005:200ms")
    String injectTail;
    @Option(names = "--profile", paramLabel = "NAME", order = 33,
            description = "smoke | quick | ci | thorough. Default: quick")
    String profile;
    @Option(names = "--forks", paramLabel = "N", order = 34, description = "forks per engine (overrides the profile)")
    String forks;
    @Option(names = "--warmup-iterations", paramLabel = "N", order = 35, description = "warm-up iterations per fork")
    String warmupIterations;
    @Option(names = "--warmup-time", paramLabel = "D", order = 36,
            description = "length of a warm-up iteration (durations: 500ms, 1s, 2m)")
    String warmupTime;
    @Option(names = "--iterations", paramLabel = "N", order = 37, description = "measurement iterations per fork")
    String iterations;
    @Option(names = "--iteration-time", paramLabel = "D", order = 38, description = "length of a measurement iteration")
    String iterationTime;
    @Option(names = "--time", paramLabel = "D", order = 39,
            description = "measurement time per fork, split over the iterations")
    String time;
    @Option(names = "--operations", paramLabel = "N", order = 40,
            description = "measurement operations per fork instead of a time")
    String operations;
    @Option(names = "--out", paramLabel = "DIR", order = 50,
            description = "the run folder, new or empty. Default: results/<date-time>-<workload>")
    String runFolder;
    @Option(names = "--data-cache", paramLabel = "DIR", order = 50,
            description = "keep each persistent engine's loaded data set in DIR between runs (a folder per engine,"
                    + " version, options, durability and workload); a run that finds a matching, intact one copies it"
                    + " instead of loading. Default: none, each run loads once per engine")
    String dataCache;
    @Option(names = "--jfr", arity = "0", order = 51, description = "add JMH's flight-recorder profiler")
    boolean jfr;
    @Option(names = "--prof", paramLabel = "NAME[,NAME]", order = 52,
            description = "add JMH profilers (see java -jar benchmarks.jar -lprof)")
    String prof;
    @Option(names = "--jvm-args", paramLabel = "\"FLAGS\"", order = 53, descriptionKey = Cli.TAKES_OPTIONS,
            description = "JVM flags for the forks, split like a shell, e.g. \"-Xmx2g -XX:+UseZGC\"")
    String jvmArgs;

    /** --workload --records --distribution --theta --hot-set --hot-ops --seed, shared with {@code inspect}. */
    @Mixin
    WorkloadOptions workload = new WorkloadOptions();

    /** The options given, by name without {@code --}, in the order given (engine flags among them): for run.json. */
    Map<String, String> given = Map.of();

    /** The {@code --ENGINE-OPTION} flags given: engine to option to value, in the order given. */
    Map<String, Map<String, String>> engineFlags = Map.of();

    /** Records what {@code parsed} matched: {@link #given} and {@link #engineFlags}. */
    RunOptions record(ParseResult parsed, EngineRegistry registry) {
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                options.put(option.longestName().substring(2), Objects.toString(option.getValue()));
            }
        }
        given = options;
        engineFlags = EngineFlags.given(parsed, registry);
        return this;
    }
}
