package io.storebench.bench.run;

import io.storebench.stats.model.ResourceCost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@link ResourceCost} of a span from the process's counters over it ({@link ProcessUsage}). */
final class ResourceCosts {
    /** What the process figures cover. */
    static final String SCOPE = "the whole fork JVM, the harness's own threads included";

    private ResourceCosts() {
    }

    /** The cost of {@code usage}, a change over {@code nanos} in which {@code operations} succeeded; null if nothing was read. */
    static ResourceCost of(ProcessUsage usage, long nanos, long operations) {
        if (usage.cpuNanos() < 0 && usage.readBytes() < 0 && usage.peakRssBytes() < 0) {
            return null;
        }
        Map<String, String> sources = new LinkedHashMap<>();
        Double cpu = perOperation(usage.cpuNanos(), operations, "cpuNanosPerOperation",
                "OperatingSystemMXBean.getProcessCpuTime (user + system, all threads)", sources);
        Double system = perOperation(usage.systemCpuNanos(), operations, "systemCpuNanosPerOperation",
                "/proc/self/stat stime (ticks of 10 ms)", sources);
        Double read = perOperation(usage.readBytes(), operations, "readBytesPerOperation",
                "/proc/self/io read_bytes", sources);
        Double write = perOperation(usage.writeBytes(), operations, "writeBytesPerOperation",
                "/proc/self/io write_bytes (pages dirtied, counted when dirtied, written back later)", sources);
        Long peak = null;
        if (usage.peakRssBytes() >= 0) {
            peak = usage.peakRssBytes();
            sources.put("peakRssBytes", "/proc/self/status VmHWM at the span's end");
        }
        String devices = "/proc/diskstats of the data directory's device (every process's I/O on it)";
        Double deviceRead = perOperation(usage.deviceReadBytes(), operations, "deviceReadBytesPerOperation",
                devices + " sectors read x 512", sources);
        Double deviceWrite = perOperation(usage.deviceWriteBytes(), operations, "deviceWriteBytesPerOperation",
                devices + " sectors written x 512", sources);
        Double busy = null;
        if (usage.deviceBusyNanos() >= 0 && nanos > 0) {
            busy = usage.deviceBusyNanos() / (double) nanos;
            sources.put("deviceBusyFraction", devices + " io_ticks / the span's time");
        }
        return new ResourceCost(cpu, system, read, write, peak, deviceRead, deviceWrite, busy,
                usage.device() == null ? null : deviceName(usage.device()), SCOPE, sources);
    }

    private static Double perOperation(long total, long operations, String field, String source,
            Map<String, String> sources) {
        if (total < 0 || operations <= 0) {
            return null;
        }
        sources.put(field, source + " / operations that succeeded");
        return total / (double) operations;
    }

    /** {@code vda (254:0)}: the kernel's name of the block device {@code major:minor}. */
    static String deviceName(String device) {
        try {
            return Path.of("/sys/dev/block", device).toRealPath().getFileName() + " (" + device + ")";
        } catch (IOException | RuntimeException e) {
            return device;
        }
    }
}
