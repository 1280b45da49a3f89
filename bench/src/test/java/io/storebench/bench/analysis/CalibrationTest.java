package io.storebench.bench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ab and gate say from a calibration file, for a committed run: this host's noise, another
 * host's or another configuration's file, a floor below the noise, a broken file.
 */
class CalibrationTest {
    @TempDir
    Path temp;

    private static RunRecord run() throws Exception {
        return RunReader.read(Path.of("..", "results", "2026-12-01-typed-run"));
    }

    private static RunRecord onHost(RunRecord run, String cpu) {
        Map<String, Object> environment = new LinkedHashMap<>(run.environment());
        environment.put("cpuModel", cpu);
        return new RunRecord(run.schema(), run.runId(), run.createdAt(), run.command(), run.options(), run.settings(),
                environment, run.engines(), run.complete(), run.missing());
    }

    private Path file(Calibration.Configuration configuration) throws Exception {
        RunRecord run = run();
        Calibration calibration = new Calibration(Calibration.SCHEMA, "2026-12-02T18:00Z",
                Calibration.host(run.environment()), configuration, List.of("--engines", "memory"), 20, 8,
                List.of("p99"), 0.05, 0.05, 1, 0.05, 0.0013, 0.2487, List.of(new Calibration.KeyNoise(
                        "memory/ycsb-c/read/p99", "ns", 0.04, 3.0, 1000, 1100, 0.062)), 0.07);
        Path file = temp.resolve("calibration.json");
        JsonFiles.write(file, calibration);
        return file;
    }

    @Test
    void thisHostsNoiseIsPrintedAndAFloorBelowItWarned() throws Exception {
        Path file = file(Calibration.Configuration.of(run()));
        List<String> notes = Calibration.notes(file, run(), 0.05);
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("noise measured on this host (calibrate, 2026-12-02T18:00Z, 20 paired A/A"
                + " experiments of 8 pairs, --engines memory): false-positive rate 1/20 = 5.0% [95% CI 0.1%, 24.9%];"
                + " smallest change detectable at 80% power: memory/ycsb-c/read/p99 6.2%; suggested --floor 7%"),
                notes.get(0));
        assertEquals("--floor 5.0% is below the 7% calibrate suggests for this host: smaller changes are inside its"
                + " noise", notes.get(1));
        assertEquals(1, Calibration.notes(file, run(), 0.07).size());
    }

    @Test
    void anotherHostsOrAnotherConfigurationsFileIsNotUsed() throws Exception {
        Path file = file(Calibration.Configuration.of(run()));
        List<String> host = Calibration.notes(file, onHost(run(), "Xeon"), 0.05);
        assertEquals(1, host.size());
        assertTrue(host.get(0).contains("was measured on another host (cpuModel '" + run().environment()
                .get("cpuModel") + "' vs 'Xeon'); not used"), host.get(0));
        Path other = file(new Calibration.Configuration(List.of("rocksdb"), "ycsb-a", "ci", 2));
        List<String> configuration = Calibration.notes(other, run(), 0.05);
        assertEquals(1, configuration.size());
        assertTrue(configuration.get(0).contains("measured rocksdb on ycsb-a, 2 thread(s), profile ci; this run is ")
                && configuration.get(0).endsWith("its noise is not this run's; not used (calibrate this configuration)"),
                configuration.get(0));
    }

    @Test
    void noFileSaysNothingAndABrokenOneSaysSo() throws Exception {
        assertEquals(List.of(), Calibration.notes(temp.resolve("none.json"), run(), 0.05));
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\"schema\":");
        assertTrue(Calibration.notes(broken, run(), 0.05).get(0).contains("is not a valid calibration.json"));
        Path partial = Files.writeString(temp.resolve("partial.json"), "{\"schema\":\"" + Calibration.SCHEMA + "\"}");
        assertTrue(Calibration.notes(partial, run(), 0.05).get(0).contains("are needed); not used"));
        Path twice = Files.writeString(temp.resolve("twice.json"), "{\"schema\":\"a\",\"schema\":\"b\"}");
        assertTrue(Calibration.notes(twice, run(), 0.05).get(0).contains("is not a valid calibration.json"));
    }
}
