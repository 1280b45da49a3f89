package io.storebench.bench;

import io.storebench.workloads.distribution.DistributionSpec;
import io.storebench.workloads.distribution.KeyDistribution;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import site.ycsb.generator.ZipfianGenerator;

/**
 * Setting up a Zipf distribution: ours (rejection-inversion, O(1)) over 10^10 items, beside
 * YCSB's {@link ZipfianGenerator} (a ζ(n) sum, O(n)) over 10^6 and 10^7 items; at 10^8 YCSB
 * takes over a minute, at 10^10 hours.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar ZipfianSetupBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class ZipfianSetupBenchmark {

    @Benchmark
    public KeyDistribution storebenchZipfian1e10() {
        return DistributionSpec.zipfian(0.99).create(10_000_000_000L);
    }

    @Benchmark
    public ZipfianGenerator ycsbZipfian1e6() {
        return new ZipfianGenerator(1_000_000L);
    }

    @Benchmark
    public ZipfianGenerator ycsbZipfian1e7() {
        return new ZipfianGenerator(10_000_000L);
    }
}
