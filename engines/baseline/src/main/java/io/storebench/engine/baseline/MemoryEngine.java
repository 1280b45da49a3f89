package io.storebench.engine.baseline;

import io.storebench.engine.Capability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.KeyValueStore;
import java.util.EnumSet;
import java.util.List;

/**
 * The {@code memory} baseline: a {@link java.util.concurrent.ConcurrentSkipListMap} on the heap.
 * The cost of a real sorted map with no I/O: what a benchmark measures beyond the {@code null}
 * baseline is data-structure work, and an engine measured against it shows its storage cost.
 * Batches are applied entry by entry (not atomic) and scans are weakly consistent.
 *
 * <p>Option {@value #EXTRA_LATENCY_NS}: a fixed amount of busy work added to each operation (a get,
 * put, delete, scan, read-modify-write or batch, load included), sized at open to take about that
 * many nanoseconds, and never less than one clock read ({@link BusyWork}), so that a gate's power can be measured on a known, real
 * effect: {@code ab --candidate-args "--memory-extra-latency-ns 100"} is a candidate about 100 ns
 * slower per operation. The effect a run got is in its latencies.
 */
public final class MemoryEngine extends BaselineEngine {
    public static final String NAME = "memory";
    public static final String EXTRA_LATENCY_NS = "extra-latency-ns";

    public MemoryEngine() {
        super(NAME, "baseline: concurrent sorted map on the heap, no I/O",
                EnumSet.of(Capability.RETAINS_DATA, Capability.ORDERED_SCAN),
                List.of(EngineOption.range(EXTRA_LATENCY_NS, "busy work added to each operation, sized to take"
                        + " about this many nanoseconds: a known slowdown for measuring a gate's power", 0, 0, 1_000_000_000)),
                "baseline: sorted map on the heap", "none: each operation on its own, batches not atomic");
    }

    /**
     * A {@code ConcurrentSkipListMap} entry with compressed references: its node (24 bytes), on
     * average half an index node (12 bytes: an index above one node in four, half of them a level
     * higher, and so on), and the key's and the value's arrays (a 16-byte header, rounded up to 8 bytes).
     */
    @Override
    public long heapBytesPerRecord(int keySize, int valueSize) {
        return 24 + 12 + array(keySize) + array(valueSize);
    }

    private static long array(int length) {
        return (16L + length + 7) / 8 * 8;
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        return new MemoryStore(options.longValue(EXTRA_LATENCY_NS));
    }
}
