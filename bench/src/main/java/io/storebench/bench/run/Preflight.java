package io.storebench.bench.run;

import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code run} checks before any fork starts, so that a run that cannot succeed is one line
 * and exit 2 instead of a failed fork per engine: room on the disk, and each remote engine
 * opened once.
 */
final class Preflight {
    /** Room the run needs on the results disk, as a multiple of the user data: engine overheads and LSM garbage. */
    static final int DISK_HEADROOM = 4;

    private Preflight() {
    }

    /**
     * Both checks.
     *
     * @throws ConfigurationException naming what is wrong
     * @throws IOException if the free space of the folder's disk cannot be read
     */
    static void check(RunSettings settings, RunFolder folder, EngineRegistry registry) throws IOException {
        checkDiskSpace(settings, folder.directory());
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

    /** Refuses a run whose data cannot fit on the disk of the run folder, before anything is loaded. */
    static void checkDiskSpace(RunSettings settings, Path runDirectory) throws IOException {
        long userBytes = settings.userBytes();
        long needed = userBytes > (Long.MAX_VALUE - (64L << 20)) / DISK_HEADROOM ? Long.MAX_VALUE
                : userBytes * DISK_HEADROOM + (64L << 20);
        long free = Files.getFileStore(runDirectory).getUsableSpace();
        if (free < needed) {
            throw new ConfigurationException(String.format(Locale.ROOT, "too little free disk for the data set: %,d MiB"
                    + " free at %s, about %,d MiB needed (%,d records x %d bytes x %d for engine overhead)",
                    free >> 20, runDirectory, needed >> 20, settings.workload().recordCount(),
                    settings.workload().keys().size() + settings.workload().values().size().max(), DISK_HEADROOM));
        }
    }
}
