package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.doctor.MountPoint;
import io.storebench.stats.model.ResourceCost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fork's CPU, I/O and memory, read from this JVM's real /proc files and its data device. */
class ProcessUsageTest {
    @TempDir
    Path temp;

    @Test
    void cpuAndDeviceWritesGrowWithWorkAndAreCostsPerOperation() throws Exception {
        String device = MountPoint.blockDevice(temp).orElse(null);
        ProcessUsage before = ProcessUsage.read(device);
        long sum = 0;
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end) {
            sum += new Random(sum).nextInt(); // about 0.3 s of CPU
        }
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(temp.resolve("f"))) {
            for (int i = 0; i < 16; i++) {
                out.write(block);
            }
        }
        try (var channel = java.nio.channels.FileChannel.open(temp.resolve("f"), java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true); // to the device now
        }
        ProcessUsage span = ProcessUsage.read(device).since(before);
        assertTrue(span.cpuNanos() >= 200_000_000L, "CPU of a 0.3 s busy loop: " + span + " " + sum);
        assertTrue(span.writeBytes() >= 16 << 20, "16 MiB written through the storage layer: " + span);
        assertTrue(span.peakRssBytes() > 16 << 20, span.toString());
        if (device != null) {
            assertTrue(span.deviceWriteBytes() >= 16 << 20, "16 MiB reached the device: " + span);
        }
        ResourceCost cost = ResourceCosts.of(span, 1_000_000_000L, 1000);
        assertEquals(span.cpuNanos() / 1000.0, cost.cpuNanosPerOperation(), 1e-9);
        assertEquals(span.writeBytes() / 1000.0, cost.writeBytesPerOperation(), 1e-9);
        assertEquals(ResourceCosts.SCOPE, cost.scope());
        assertTrue(cost.sources().get("cpuNanosPerOperation").contains("getProcessCpuTime"), cost.sources().toString());
        assertNull(ResourceCosts.of(ProcessUsage.NONE, 1, 1), "nothing read, no cost");
    }

    @Test
    void spansAddAndThePeakStaysALevel() {
        ProcessUsage a = new ProcessUsage(10, 1, 100, 200, 5_000, 7, 8, 9, "254:0");
        ProcessUsage b = new ProcessUsage(20, 2, 300, 400, 6_000, 1, 2, 3, "254:0");
        assertEquals(new ProcessUsage(30, 3, 400, 600, 6_000, 8, 10, 12, "254:0"), a.plus(b));
        assertEquals(new ProcessUsage(10, 1, 200, 200, 6_000, -6, -6, -6, "254:0"), b.since(a));
        assertEquals(-1, a.plus(ProcessUsage.NONE).cpuNanos(), "an unknown stays unknown");
    }

    @Test
    void theKernelsFormatsAreRead() {
        // /proc/PID/stat: the command may hold spaces and parentheses; stime is field 15.
        assertEquals(42, ProcessUsage.systemTicks("1234 (my (odd) cmd) S 1 1234 1234 0 -1 4194304 100 0 0 0 17 42 0 0"
                + " 20 0 30 0 100 1000000 200"));
        assertArrayEquals(new long[] {21258722, 63575400, 194004}, ProcessUsage.diskstats(
                " 253       0 vdb 1 2 3 4 5 6 7 8 9 10 11\n 254       0 vda 532853 33460 21258722 430436 2411357 295917"
                        + " 63575400 474373 0 194004 1006664 211252 97 298628808 31267 1061119 70586\n", "254:0"));
        assertNull(ProcessUsage.diskstats(" 7 0 loop0 1 2 3 4 5 6 7 8 9 10 11\n", "254:0"));
        assertEquals(8192, ProcessUsage.field("rchar: 1\nread_bytes: 8192\nwrite_bytes: 0\n", "read_bytes:"));
        assertEquals(-1, ProcessUsage.field("rchar: 1\n", "read_bytes:"));
    }
}
