package io.storebench.bench.run;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Any engine under any workload: the benchmark behind {@code run}. Each fork opens the engine in a
 * fresh directory of the run folder, loads the records (timed: the load result), runs the
 * workload, writes its results and removes its data. Throughput (all threads) is the primary
 * result; {@link LatencyProfiler} adds the percentiles.
 *
 * <p>{@code run} sets {@code config} to the run folder's {@code settings.json}; without it the
 * defaults apply (ycsb-a, 100k records) and results go to a temporary folder:
 * <pre>
 * java -jar bench/target/benchmarks.jar WorkloadBenchmark -p engine=rocksdb -t 2 -prof io.storebench.bench.run.LatencyProfiler
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WorkloadBenchmark {
    @Param("memory")
    public String engine;

    /** The run folder's {@code settings.json} (the parsed settings), or empty for the defaults. */
    @Param("")
    public String config;

    ForkMeasurement fork;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        fork = ForkMeasurement.start(engine, config, params.getThreads());
    }

    /** JMH runs this inside the last iteration; with the profiler, the fork finishes after that iteration is recorded. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (LatencyProfiler.active()) {
            fork.finishAfterLastIteration();
        } else {
            fork.finish();
        }
    }

    /** One thread's operation stream and executor. */
    @State(Scope.Thread)
    public static class Worker {
        OperationExecutor executor;

        @Setup(Level.Trial)
        public void setUp(WorkloadBenchmark benchmark, ThreadParams thread) {
            executor = benchmark.fork.executor(thread.getThreadIndex());
        }
    }

    @Benchmark
    public void operation(Worker worker) {
        worker.executor.executeOne();
    }
}
