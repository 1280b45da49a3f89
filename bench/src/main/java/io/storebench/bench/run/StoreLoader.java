package io.storebench.bench.run;

import io.storebench.engine.KeyValueStore;
import io.storebench.engine.WriteBatch;
import io.storebench.stats.model.LoadResult;
import io.storebench.workloads.KeySpec;
import io.storebench.workloads.ValueGenerator;
import io.storebench.workloads.WorkloadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Loads a workload's records into a fresh store before a fork's first iteration, timed: the
 * fork's {@link LoadResult}. Thread {@code t} of {@code n} inserts the ordinals {@code t, t + n, ...},
 * each value drawn from its own seeded stream, so every fork starts from the same data set. The key
 * and value bytes it inserted are the denominator of the engines' space amplification.
 *
 * <p>A store that loads in batches ({@link KeyValueStore#loadBatchRows()} above 1) gets its records
 * {@code loadBatchRows} at a time as one {@link WriteBatch}, in the same order; the load's latency
 * percentiles are then per batch.
 */
final class StoreLoader {
    private StoreLoader() {
    }

    /**
     * Inserts {@code spec.recordCount()} records with {@code threads} threads.
     *
     * @throws IllegalStateException if any insert failed (a data set with holes is not a sample)
     */
    static LoadResult load(KeyValueStore store, String engine, WorkloadSpec spec, int threads) {
        long records = spec.recordCount();
        int batchRows = store.loadBatchRows();
        System.out.printf(Locale.ROOT, "storebench: loading %,d records into %s with %d threads%s...%n", records,
                engine, threads, batchRows > 1 ? ", " + batchRows + " per batch" : "");
        Recorder latency = new Recorder(ForkMeasurement.SIGNIFICANT_DIGITS);
        LongAdder failed = new LongAdder();
        LongAdder userBytes = new LongAdder();
        List<Thread> loaders = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<Error> fatal = new AtomicReference<>(); // an OutOfMemoryError: the fork fails with it
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread loader = new Thread(() -> {
                try {
                    KeySpec keys = spec.keys();
                    byte[] key = new byte[keys.size()];
                    SplittableRandom random = new SplittableRandom(spec.seed() ^ (0x9E3779B97F4A7C15L * (thread + 1)));
                    ValueGenerator values = new ValueGenerator(spec.values(), thread, random.split());
                    long inserted = 0;
                    WriteBatch batch = new WriteBatch();
                    long batchBytes = 0;
                    for (long ordinal = thread; ordinal < records; ordinal += threads) {
                        keys.encode(ordinal, key);
                        int length = values.fill(key, random);
                        if (batchRows > 1) {
                            batch.put(key.clone(), Arrays.copyOf(values.value(), length));
                            batchBytes += key.length + (long) length;
                            if (batch.size() == batchRows || ordinal + threads >= records) {
                                inserted += write(store, batch, batchBytes, latency, failed, failure);
                                batchBytes = 0;
                            }
                            continue;
                        }
                        long begin = System.nanoTime();
                        try {
                            store.put(key, values.value(), length);
                            inserted += key.length + (long) length;
                        } catch (RuntimeException e) {
                            failed.increment();
                            failure.compareAndSet(null, e);
                        }
                        latency.recordValue(System.nanoTime() - begin);
                    }
                    userBytes.add(inserted);
                } catch (Error e) {
                    fatal.compareAndSet(null, e); // a thread that dies silently would leave the data set with holes
                }
            }, "storebench-loader-" + t);
            loaders.add(loader);
            loader.start();
        }
        for (Thread loader : loaders) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading", e);
            }
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.sum() > 0) {
            throw new IllegalStateException(engine + ": " + failed.sum() + " of " + records
                    + " inserts of the load failed, the first: " + failure.get(), failure.get());
        }
        Histogram histogram = latency.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "storebench: loaded %s in %.2f s (%,.0f ops/s, %d errors)%n", engine, seconds,
                records / seconds, failed.sum());
        return new LoadResult(records, seconds, records / seconds, histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), failed.sum(), userBytes.sum(), batchRows);
    }

    /** Writes {@code batch} (of {@code bytes} key and value bytes), timed, and clears it; the bytes written. */
    private static long write(KeyValueStore store, WriteBatch batch, long bytes, Recorder latency, LongAdder failed,
            AtomicReference<RuntimeException> failure) {
        long begin = System.nanoTime();
        try {
            store.write(batch);
            return bytes;
        } catch (RuntimeException e) {
            failed.add(batch.size());
            failure.compareAndSet(null, e);
            return 0;
        } finally {
            latency.recordValue(System.nanoTime() - begin);
            batch.clear();
        }
    }
}
