package io.storebench.bench.run;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH options of one fork of a run ({@link ForkSequence}): {@link WorkloadBenchmark} on one
 * engine, one fork, iterations from the settings. No result file: the run writes {@code jmh.json}
 * once, from every fork ({@link RunFolder#writeJmhResults}).
 */
final class JmhOptions {
    private JmhOptions() {
    }

    /**
     * The fork's JVM flags: the opens the engines need, its temporary directory in the run folder
     * (where the engines extract their native libraries: removed after the fork, even a killed one),
     * then {@code --jvm-args} (JMH keeps one list: set once).
     */
    private static String[] jvmArgs(RunSettings settings, RunFolder folder) {
        List<String> flags = new ArrayList<>(List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + folder.temporaryDirectory().toAbsolutePath()));
        flags.addAll(settings.jvmArgs());
        return flags.toArray(String[]::new);
    }

    /** JMH's options for one fork of {@code engine}; the fork reads the settings from the folder's {@code settings.json}. */
    static ChainedOptionsBuilder fork(RunSettings settings, RunFolder folder, String engine) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(WorkloadBenchmark.class.getName() + ".operation$")
                .param("engine", engine)
                .param("config", folder.settingsFile().toAbsolutePath().toString())
                .forks(1)
                .threads(settings.threads())
                .warmupIterations(settings.warmupIterations())
                .measurementIterations(settings.iterations())
                .addProfiler(LatencyProfiler.class)
                .shouldFailOnError(true) // a failure ends this JMH run, which is this fork: ForkSequence goes on
                .jvmArgsAppend(jvmArgs(settings, folder));
        if (settings.operations() > 0) {
            options.mode(Mode.SingleShotTime).measurementBatchSize(settings.batchSize())
                    .warmupBatchSize(settings.batchSize());
        } else {
            options.warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                    .measurementTime(TimeValue.milliseconds(settings.iterationMillis()));
        }
        if (settings.jfr()) {
            options.addProfiler("jfr", "dir=" + folder.directory().resolve("jfr").toAbsolutePath());
        }
        settings.profilers().forEach(options::addProfiler);
        return options;
    }
}
