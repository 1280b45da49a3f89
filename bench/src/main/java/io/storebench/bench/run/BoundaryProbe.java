package io.storebench.bench.run;

import io.storebench.engine.DataDirectory;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.baseline.NullEngine;
import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.model.BoundaryCost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What an engine's language boundary costs per call, measured in each fork of an engine that has
 * one ({@link EngineProvider#boundaryBaseline()}, {@code go-null} for the Go engines): gets of one
 * fixed key on the boundary's baseline (which crosses the same boundary and does nothing there)
 * and on the {@code null} baseline (the harness's own cost), {@value #WARMUP_CALLS} of each to warm
 * up, then {@value #BLOCKS} blocks of {@value #BLOCK_CALLS} gets of each, alternating, one thread.
 * The boundary's cost is the mean over blocks of the difference of the two stores' mean time per
 * get, with its 95 % interval over blocks; alternating blocks let slow drifts of the machine fall
 * on both sides.
 *
 * <p>When: in {@link ForkMeasurement#finish()}, after the fork's measurement iterations and once
 * the engine's store is closed. Nothing measured follows it, and the engine's own background work
 * (compaction, value-log GC) has stopped and cannot disturb it. Before the load it would disturb
 * the measurement: its gets of two more stores would enter the JIT's profile of the adapters'
 * shared code (the stores' common {@code get}) before the measured path is compiled. It takes
 * about {@code 600,000} gets, well under a second (0.1 to 0.2 s at 150 to 250 ns per go-null get).
 * Both stores' gets go through one call site here, so each pays the same type check there; the
 * difference is not affected.
 */
final class BoundaryProbe {
    static final int WARMUP_CALLS = 50_000;
    static final int BLOCKS = 10;
    static final int BLOCK_CALLS = 20_000;
    private static final byte[] KEY = "user0000000000000001".getBytes(StandardCharsets.US_ASCII);
    private static final String METHOD = String.format(Locale.ROOT, "gets of one %d-byte key returning the"
            + " baselines' fixed value (100 bytes), on one thread: %,d of each to warm up, then %d blocks of %,d"
            + " of each, alternating; the cost is the mean over blocks of (baseline - null) mean time per get,"
            + " its interval the 95 %% t-interval over blocks; measured after the measurement iterations, the"
            + " engine's store closed", KEY.length, WARMUP_CALLS, BLOCKS, BLOCK_CALLS);
    /** Where the gets' results go, so that no get can be optimized away. */
    private static volatile long sink;

    private BoundaryProbe() {
    }

    /**
     * Both stores' mean time per get, over the blocks, and the difference per block.
     *
     * @param baselineNanos the boundary's baseline, mean time per get
     * @param nullNanos the {@code null} baseline, mean time per get
     * @param difference the mean and 95 % interval of the difference over blocks
     */
    record Timing(double baselineNanos, double nullNanos, ConfidenceInterval difference) {
    }

    /**
     * The boundary cost of {@code provider}'s boundary, which must have a
     * {@linkplain EngineProvider#boundaryBaseline() baseline}: opens it and the {@code null} baseline
     * with durability none and their default options, times them and closes them. The baselines use
     * no data directory; {@code scratch} is given as theirs and removed afterwards should one use it.
     *
     * @param observedNanosPerOperation the time outside the engine per operation in the fork, or null
     */
    static BoundaryCost measure(EngineRegistry registry, EngineProvider provider, Path scratch,
            Double observedNanosPerOperation) {
        String baseline = provider.boundaryBaseline().orElseThrow(() -> new IllegalArgumentException(
                provider.name() + " has no boundary baseline"));
        EngineConfig config = EngineConfig.of(scratch).withDurability(Durability.NONE);
        Timing timing;
        try (KeyValueStore crossing = registry.open(baseline, config);
                KeyValueStore harness = registry.open(NullEngine.NAME, config)) {
            timing = time(crossing, harness);
        } finally {
            DataDirectory.delete(scratch);
        }
        ConfidenceInterval difference = timing.difference();
        return new BoundaryCost(baseline, provider.profile().clientPath(), difference.mean(),
                finiteOrNull(difference.lower()), finiteOrNull(difference.upper()), timing.baselineNanos(),
                timing.nullNanos(), observedNanosPerOperation, METHOD);
    }

    /** Times gets of {@code baseline} against gets of {@code nullStore} in alternating blocks. */
    static Timing time(KeyValueStore baseline, KeyValueStore nullStore) {
        ValueBuffer value = new ValueBuffer(128);
        nanosPerGet(baseline, value, WARMUP_CALLS);
        nanosPerGet(nullStore, value, WARMUP_CALLS);
        double[] differences = new double[BLOCKS];
        double baselineSum = 0;
        double nullSum = 0;
        for (int block = 0; block < BLOCKS; block++) {
            double crossing = nanosPerGet(baseline, value, BLOCK_CALLS);
            double harness = nanosPerGet(nullStore, value, BLOCK_CALLS);
            differences[block] = crossing - harness;
            baselineSum += crossing;
            nullSum += harness;
        }
        return new Timing(baselineSum / BLOCKS, nullSum / BLOCKS, ConfidenceInterval.of95(differences));
    }

    private static double nanosPerGet(KeyValueStore store, ValueBuffer value, int calls) {
        long found = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (store.get(KEY, value)) {
                found++;
            }
        }
        long nanos = System.nanoTime() - start;
        sink = found + value.length();
        return nanos / (double) calls;
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * The fork's console line:
     * {@code boundary (go-null vs null): 142 ns per call [128, 156]; observed in this run: 171 ns per
     * operation outside the engine}.
     */
    static String line(BoundaryCost cost) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "boundary (%s vs %s): %.0f ns per call",
                cost.baseline(), NullEngine.NAME, cost.callNanos()));
        if (cost.callNanosLow() != null && cost.callNanosHigh() != null) {
            line.append(String.format(Locale.ROOT, " [%.0f, %.0f]", cost.callNanosLow(), cost.callNanosHigh()));
        }
        if (cost.observedNanosPerOperation() != null) {
            line.append(String.format(Locale.ROOT, "; observed in this run: %.0f ns per operation outside the engine",
                    cost.observedNanosPerOperation()));
        }
        return line.toString();
    }
}
