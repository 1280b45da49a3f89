package io.storebench.bench;

import io.storebench.workloads.KeySpec;
import io.storebench.workloads.Operation;
import io.storebench.workloads.OperationStream;
import io.storebench.workloads.Preset;
import io.storebench.workloads.ValueSpec;
import io.storebench.workloads.WorkloadRun;
import io.storebench.workloads.WorkloadSpec;
import io.storebench.workloads.distribution.DistributionKind;
import io.storebench.workloads.distribution.DistributionSpec;
import io.storebench.workloads.distribution.KeyDistribution;
import java.util.HashMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import site.ycsb.ByteIterator;
import site.ycsb.RandomByteIterator;
import site.ycsb.Utils;
import site.ycsb.generator.DiscreteGenerator;
import site.ycsb.generator.ScrambledZipfianGenerator;

/**
 * What choosing one operation costs, ours beside YCSB 0.17.0's own generators, one thread,
 * 10^9 records (workload A's mix: 50 % reads, 50 % updates).
 *
 * <ul>
 *   <li>{@code storebenchNextOperation}: operation type, key (16-byte binary) and, for an
 *       update, a 100-byte value with its check header, from {@link OperationStream#next()}, for
 *       each {@code distribution}.</li>
 *   <li>{@code ycsbNextOperation}: what YCSB's CoreWorkload does for the same: a
 *       {@link DiscreteGenerator} for the type, its {@link ScrambledZipfianGenerator} for the key
 *       number, {@code "user" + Utils.hash(n)} for the key, and for an update a field map with a
 *       100-byte {@link RandomByteIterator} that a binding turns into bytes.</li>
 *   <li>{@code storebenchKey}: the key number alone, for each {@code distribution}; beside
 *       {@code ycsbScrambledZipfianKey}, YCSB's, which {@code ycsb-zipfian} reproduces.</li>
 * </ul>
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar WorkloadGeneratorBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WorkloadGeneratorBenchmark {
    static final long RECORDS = 1_000_000_000L;

    /** Our stream over 10^9 records for one distribution. */
    @State(Scope.Thread)
    public static class Ours {
        @Param({"zipfian", "scrambled-zipfian", "ycsb-zipfian", "uniform"})
        public String distribution;

        OperationStream stream;
        KeyDistribution keys;
        final SplittableRandom random = new SplittableRandom(1);

        @Setup
        public void setUp() {
            DistributionSpec spec = DistributionSpec.defaults(DistributionKind.parse(distribution));
            WorkloadSpec workload = Preset.YCSB_A.spec().withRecordCount(RECORDS).withKeys(KeySpec.binary(16))
                    .withValues(ValueSpec.constant(100)).withDistribution(spec);
            stream = new WorkloadRun(workload, 1).stream(0);
            keys = spec.create(RECORDS);
        }
    }

    /** YCSB's generators as its CoreWorkload sets them up for workload A. */
    @State(Scope.Thread)
    public static class Ycsb {
        DiscreteGenerator operations;
        ScrambledZipfianGenerator keys;

        @Setup
        public void setUp() {
            operations = new DiscreteGenerator();
            operations.addValue(0.5, "READ");
            operations.addValue(0.5, "UPDATE");
            keys = new ScrambledZipfianGenerator(0, RECORDS - 1);
        }
    }

    @Benchmark
    public Operation storebenchNextOperation(Ours ours) {
        return ours.stream.next();
    }

    @Benchmark
    public void ycsbNextOperation(Ycsb ycsb, Blackhole blackhole) {
        String operation = ycsb.operations.nextValue();
        String key = "user" + Utils.hash(ycsb.keys.nextValue());
        blackhole.consume(key);
        if (operation.equals("UPDATE")) {
            HashMap<String, ByteIterator> values = new HashMap<>();
            values.put("field0", new RandomByteIterator(100));
            blackhole.consume(values.get("field0").toArray());
        }
    }

    @Benchmark
    public long storebenchKey(Ours ours) {
        return ours.keys.next(ours.random, RECORDS);
    }

    @Benchmark
    public long ycsbScrambledZipfianKey(Ycsb ycsb) {
        return ycsb.keys.nextValue();
    }
}
