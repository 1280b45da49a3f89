package io.storebench.bench.run;

import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code run} checks before any fork starts, so that a run that cannot succeed is one line
 * and exit 2 instead of a failed fork per engine: room for the data where the engines keep it (on
 * the disk of the run folder, or on the forks' heap), and each remote engine opened once.
 */
final class Preflight {
    /** Room the run needs on the results disk, as a multiple of the user data: engine overheads and LSM garbage. */
    static final int DISK_HEADROOM = 4;
    /** Room beyond the data on the disk and on the heap: the harness's own files and objects. */
    static final long MARGIN_BYTES = 64L << 20;
    /** The share of the forks' heap that data held there may fill; the rest is the garbage collector's room. */
    static final double HEAP_SHARE = 0.75;

    private Preflight() {
    }

    /**
     * Every check.
     *
     * @throws ConfigurationException naming what is wrong
     * @throws IOException if the free space of the folder's disk cannot be read
     */
    static void check(RunSettings settings, RunFolder folder, EngineRegistry registry) throws IOException {
        checkDiskSpace(settings, folder.directory(), registry);
        checkHeap(settings, registry, ForkHeap::maxBytes);
        checkRemoteEngines(settings, folder.directory(), registry);
    }

    /**
     * Opens and closes each remote engine once, so that an unreachable cluster (or a managed
     * server that cannot start) is refused within the engine's connect timeout.
     */
    static void checkRemoteEngines(RunSettings settings, Path runDirectory, EngineRegistry registry) {
        for (String engine : settings.engines()) {
            if (!registry.provider(engine).capabilities().contains(Capability.REMOTE)) {
                continue;
            }
            Path data = runDirectory.resolve("data").resolve("preflight-" + engine);
            try (KeyValueStore store = registry.open(engine, settings.engineConfig(engine, data, registry))) {
                store.stats(); // the first request: the cluster answers
            } catch (ConfigurationException e) {
                throw e;
            } catch (RuntimeException e) { // a StoreException, or whatever the client library throws
                throw new ConfigurationException(engine + " cannot be reached: " + e.getMessage());
            } finally {
                DataDirectory.delete(runDirectory.resolve("data"));
            }
        }
    }

    /**
     * Refuses a run whose data cannot fit on the disk of the run folder, before anything is loaded;
     * only engines that keep their data in files there count (not the baselines). Each engine's
     * forks run one at a time and remove their data, so the largest one is what must fit.
     */
    static void checkDiskSpace(RunSettings settings, Path runDirectory, EngineRegistry registry) throws IOException {
        if (settings.engines().stream().noneMatch(engine -> registry.provider(engine).usesDataDirectory())) {
            return;
        }
        long data = saturatedProduct(settings.userBytes(), DISK_HEADROOM);
        long needed = saturatedSum(data, MARGIN_BYTES);
        long free = Files.getFileStore(runDirectory).getUsableSpace();
        if (free < needed) {
            throw new ConfigurationException(String.format(Locale.ROOT, "too little free disk for the data set: %,d"
                    + " records x %,d bytes x %d (engine overhead) = %s, + %s (margin) = %s needed; %s free at %s",
                    settings.workload().recordCount(), recordBytes(settings), DISK_HEADROOM, mib(data),
                    mib(MARGIN_BYTES), mib(needed), mib(free), runDirectory));
        }
    }

    /** The forks' maximum heap for {@code --jvm-args}: {@link ForkHeap#maxBytes}, or a fixed size in tests. */
    interface HeapSize {
        long maxBytes(List<String> jvmArgs);
    }

    /**
     * Refuses a run whose records cannot fit on the forks' heap, for an engine that keeps them there
     * ({@link EngineProvider#heapBytesPerRecord}: the {@code memory} baseline), before anything is
     * loaded: the records may fill {@link #HEAP_SHARE} of the heap, less {@link #MARGIN_BYTES} for
     * the harness.
     */
    static void checkHeap(RunSettings settings, EngineRegistry registry, HeapSize heapSize) {
        long heap = -1;
        for (String engine : settings.engines()) {
            int keySize = settings.workload().keys().size();
            int valueSize = settings.workload().values().size().max();
            long perRecord = registry.provider(engine).heapBytesPerRecord(keySize, valueSize);
            if (perRecord == 0) {
                continue;
            }
            long data = saturatedProduct(settings.workload().recordCount(), perRecord);
            long needed = saturatedSum((long) Math.min(Long.MAX_VALUE, Math.ceil(data / HEAP_SHARE)), MARGIN_BYTES);
            heap = heap < 0 ? heapSize.maxBytes(settings.jvmArgs()) : heap;
            if (heap < needed) {
                throw new ConfigurationException(String.format(Locale.ROOT, "too little heap for engine '%s', which"
                        + " keeps its data on the fork's heap: %,d records x %,d bytes (key %,d + value %,d + %,d of"
                        + " its own) = %s, / %.2f (room for the garbage collector) + %s (margin) = %s needed; the"
                        + " forks' heap is %s (raise it with --jvm-args \"-Xmx%dg\", or lower --records or"
                        + " --value-size)", engine, settings.workload().recordCount(), perRecord, keySize, valueSize,
                        perRecord - keySize - valueSize, mib(data), HEAP_SHARE, mib(MARGIN_BYTES), mib(needed),
                        mib(heap), Math.max(1, needed / (1L << 30) + (needed % (1L << 30) == 0 ? 0 : 1))));
            }
        }
    }

    private static int recordBytes(RunSettings settings) {
        return settings.workload().keys().size() + settings.workload().values().size().max();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (double) (1L << 20));
    }

    private static long saturatedProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
