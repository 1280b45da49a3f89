package io.storebench.bench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelFilesTest {
    /** JDK 17's Files.readString read "2" from this file where cat prints 20 (run.json recorded the "2"). */
    @Test
    void aSysctlFileReadsAsCatPrintsIt() throws Exception {
        for (String file : new String[] {"/proc/sys/vm/dirty_ratio", "/proc/sys/vm/dirty_expire_centisecs",
            "/proc/loadavg"}) {
            Process cat = new ProcessBuilder("cat", file).start();
            String printed = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, cat.waitFor());
            if (!file.equals("/proc/loadavg")) {
                assertEquals(Optional.of(printed), KernelFiles.read(Path.of(file)), file);
            } else {
                assertEquals(printed.split(" ").length, KernelFiles.read(Path.of(file)).orElseThrow().split(" ").length);
            }
        }
        assertEquals(Optional.empty(), KernelFiles.read(Path.of("/proc/no-such-file")));
    }
}
