package io.storebench.bench.run;

import io.storebench.bench.io.KernelFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the fork's process used, as counters read at a span's boundaries (or their change over a
 * span): its CPU time, the bytes it read and wrote through the storage layer, its peak resident
 * memory, and the data device's reads, writes and busy time. Every figure covers the whole fork
 * process, the harness's own threads included; the device's covers every process using it. A
 * value that cannot be read here is -1.
 *
 * @param cpuNanos CPU time of all the process's threads, user and system
 *     ({@code OperatingSystemMXBean.getProcessCpuTime})
 * @param systemCpuNanos the kernel's share of it, from {@code /proc/self/stat} stime (clock ticks of 10 ms)
 * @param readBytes {@code /proc/self/io} read_bytes: bytes the process caused to be fetched from storage
 * @param writeBytes {@code /proc/self/io} write_bytes: bytes the process caused to be sent to storage
 * @param peakRssBytes {@code /proc/self/status} VmHWM: the largest resident set since the process started (a level)
 * @param deviceReadBytes sectors read from the data device ({@code /proc/diskstats}) x 512
 * @param deviceWriteBytes sectors written to it x 512
 * @param deviceBusyNanos time the device had I/O in flight ({@code /proc/diskstats} io_ticks)
 * @param device the data device's {@code major:minor}, or null when the data has none
 */
record ProcessUsage(long cpuNanos, long systemCpuNanos, long readBytes, long writeBytes, long peakRssBytes,
        long deviceReadBytes, long deviceWriteBytes, long deviceBusyNanos, String device) {
    /** Nothing read: the spans of tests that give only engine and JVM stats. */
    static final ProcessUsage NONE = new ProcessUsage(-1, -1, -1, -1, -1, -1, -1, -1, null);
    /** USER_HZ: /proc reports CPU times in these ticks per second on Linux. */
    private static final long TICKS_PER_SECOND = 100;
    private static final long SECTOR_BYTES = 512;

    /** Reads the counters now, for the data device {@code device} ({@code major:minor}, or null when none). */
    static ProcessUsage read(String device) {
        long cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime();
        }
        long system = KernelFiles.read(Path.of("/proc/self/stat")).map(ProcessUsage::systemTicks)
                .map(ticks -> ticks * (1_000_000_000L / TICKS_PER_SECOND)).orElse(-1L);
        Optional<String> io = KernelFiles.read(Path.of("/proc/self/io"));
        long read = io.map(text -> field(text, "read_bytes:")).orElse(-1L);
        long write = io.map(text -> field(text, "write_bytes:")).orElse(-1L);
        long peak = KernelFiles.read(Path.of("/proc/self/status")).map(text -> field(text, "VmHWM:"))
                .map(kib -> kib < 0 ? -1 : kib * 1024).orElse(-1L);
        long[] disk = device == null ? null
                : KernelFiles.read(Path.of("/proc/diskstats")).map(text -> diskstats(text, device)).orElse(null);
        return new ProcessUsage(cpu, system, read, write, peak, disk == null ? -1 : disk[0] * SECTOR_BYTES,
                disk == null ? -1 : disk[1] * SECTOR_BYTES, disk == null ? -1 : disk[2] * 1_000_000L,
                disk == null ? null : device);
    }

    /** The change from {@code earlier} to this reading; the peak stays a level. */
    ProcessUsage since(ProcessUsage earlier) {
        return new ProcessUsage(minus(cpuNanos, earlier.cpuNanos), minus(systemCpuNanos, earlier.systemCpuNanos),
                minus(readBytes, earlier.readBytes), minus(writeBytes, earlier.writeBytes), peakRssBytes,
                minus(deviceReadBytes, earlier.deviceReadBytes), minus(deviceWriteBytes, earlier.deviceWriteBytes),
                minus(deviceBusyNanos, earlier.deviceBusyNanos), device);
    }

    /** This span followed by {@code later}: counters add, the peak is the larger. */
    ProcessUsage plus(ProcessUsage later) {
        return new ProcessUsage(add(cpuNanos, later.cpuNanos), add(systemCpuNanos, later.systemCpuNanos),
                add(readBytes, later.readBytes), add(writeBytes, later.writeBytes),
                Math.max(peakRssBytes, later.peakRssBytes), add(deviceReadBytes, later.deviceReadBytes),
                add(deviceWriteBytes, later.deviceWriteBytes), add(deviceBusyNanos, later.deviceBusyNanos),
                later.device);
    }

    /** Field 15 of {@code /proc/self/stat}, stime; the command name (field 2) may hold spaces, so count after its ')'. */
    static long systemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[15 - 3]); // fields[0] is field 3, the state
    }

    /** The number after {@code name} on its line, or -1. */
    static long field(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).replaceAll("[^0-9]", ""))).orElse(-1L);
    }

    /**
     * Sectors read, sectors written and io_ticks (ms) of {@code device} in {@code /proc/diskstats}
     * ({@code major minor name reads merged sectors ms writes merged sectors ms in-flight io_ticks ...}), or null.
     */
    static long[] diskstats(String text, String device) {
        String[] majorMinor = device.split(":");
        for (String line : text.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 13 && f[0].equals(majorMinor[0]) && f[1].equals(majorMinor[1])) {
                return new long[] {Long.parseLong(f[5]), Long.parseLong(f[9]), Long.parseLong(f[12])};
            }
        }
        return null;
    }

    private static long minus(long a, long b) {
        return a < 0 || b < 0 ? -1 : a - b;
    }

    private static long add(long a, long b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }
}
