package io.storebench.bench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ab and gate say from a calibration file: this host's noise, another host's file, a floor below the noise. */
class CalibrationTest {
    @TempDir
    Path temp;

    private static Map<String, Object> environment(String cpu) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("cpuModel", cpu);
        environment.put("cores", 2);
        environment.put("memory", "24 GiB");
        environment.put("kernel", "Linux 6.1");
        environment.put("jvm", "OpenJDK 17");
        environment.put("dataFilesystem", "ext4");
        return environment;
    }

    private Path file() throws Exception {
        Calibration calibration = new Calibration(Calibration.SCHEMA, "2026-12-02T18:00Z",
                Calibration.host(environment("EPYC")), List.of("--engines", "memory"), 20, 8, List.of("p99"), 0.05,
                0.05, 1, 0.05, 0.0013, 0.2487, List.of(new Calibration.KeyNoise("memory/ycsb-c/read/p99", "ns", 0.04,
                        3.0, 1000, 1100, 0.062)), 0.07);
        Path file = temp.resolve("calibration.json");
        JsonFiles.write(file, calibration);
        return file;
    }

    @Test
    void thisHostsNoiseIsPrintedAndAFloorBelowItWarned() throws Exception {
        List<String> notes = Calibration.notes(file(), environment("EPYC"), 0.05);
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("noise measured on this host (calibrate, 2026-12-02T18:00Z, 20 A/A"
                + " experiments of 8 pairs, --engines memory): false-positive rate 1/20 = 5.0% [95% CI 0.1%, 24.9%];"
                + " smallest change detectable at 80% power: memory/ycsb-c/read/p99 6.2%; suggested --floor 7%"),
                notes.get(0));
        assertEquals("--floor 5.0% is below the 7% calibrate suggests for this host: smaller changes are inside its"
                + " noise", notes.get(1));
        assertEquals(1, Calibration.notes(file(), environment("EPYC"), 0.07).size());
    }

    @Test
    void anotherHostsFileIsNotUsed() throws Exception {
        List<String> notes = Calibration.notes(file(), environment("Xeon"), 0.05);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("was measured on another host (cpuModel 'EPYC' vs 'Xeon'); not used"),
                notes.get(0));
    }

    @Test
    void noFileSaysNothingAndABrokenOneSaysSo() throws Exception {
        assertEquals(List.of(), Calibration.notes(temp.resolve("none.json"), environment("EPYC"), 0.05));
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\"schema\":");
        assertTrue(Calibration.notes(broken, environment("EPYC"), 0.05).get(0).contains("is not a valid"
                + " calibration.json"));
    }
}
