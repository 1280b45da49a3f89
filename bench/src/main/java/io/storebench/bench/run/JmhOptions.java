package io.storebench.bench.run;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH options of a run: {@link WorkloadBenchmark} per engine, forks and iterations from the settings. */
final class JmhOptions {
    private JmhOptions() {
    }

    /** The forks' JVM flags: the opens the engines need, then {@code --jvm-args} (JMH keeps one list: set once). */
    private static String[] jvmArgs(RunSettings settings) {
        List<String> flags = new ArrayList<>(List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED"));
        flags.addAll(settings.jvmArgs());
        return flags.toArray(String[]::new);
    }

    /** JMH's options for {@code settings}; the forks read the settings from the folder's {@code settings.json}. */
    static ChainedOptionsBuilder of(RunSettings settings, RunFolder folder) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(WorkloadBenchmark.class.getName() + ".operation$")
                .param("engine", settings.engines().toArray(String[]::new))
                .param("config", folder.settingsFile().toAbsolutePath().toString())
                .forks(settings.forks())
                .threads(settings.threads())
                .warmupIterations(settings.warmupIterations())
                .measurementIterations(settings.iterations())
                .addProfiler(LatencyProfiler.class)
                .shouldFailOnError(true)
                .jvmArgsAppend(jvmArgs(settings))
                .resultFormat(ResultFormatType.JSON)
                .result(folder.directory().resolve("jmh.json").toString());
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
