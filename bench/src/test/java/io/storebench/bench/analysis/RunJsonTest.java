package io.storebench.bench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.model.BoundaryCost;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.GcPressure;
import io.storebench.stats.model.LatencySummary;
import io.storebench.stats.model.LoadResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run.json} across versions: every run committed under {@code results/} (schemas
 * {@code storebench.run/1} and {@code /2}) still reads and reports: those written before the GC,
 * engine-specific and boundary fields without them, those written since with them, and the SQL
 * engines' runs with their retries, checkpoints (PostgreSQL) and server CPU, which no other run has;
 * and the new fields keep their names and values through JSON.
 */
class RunJsonTest {
    static Stream<Path> committedRuns() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("..", "results"))) {
            return files.filter(f -> f.getFileName().toString().equals("run.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("committedRuns")
    void aCommittedRunStillReadsAndReports(Path file) throws Exception {
        RunRecord record = RunReader.read(file);
        List<ForkResult> forks = record.engines().stream().flatMap(e -> e.forks().stream()).toList();
        String md = RunReport.build(file.getParent(), record, RunReport.DEFAULT_RANKING).markdown();
        assertEquals(forks.stream().map(ForkResult::engineMetrics).anyMatch(Objects::nonNull),
                md.contains("## Engine metrics"), md);
        boolean sql = false;
        for (EngineRun engine : record.engines()) {
            assertNull(engine.saturation(), "written before saturation was recorded: not known");
            // the SQL engines' runs (results/2026-12-02-sql-*) have them; every other run, older or not, has none
            boolean retrying = engine.engine().equals("postgres") || engine.engine().equals("mysql");
            sql |= retrying;
            for (ForkResult fork : engine.forks()) {
                fork.operations().forEach(o -> assertEquals(retrying, o.retries() != null, "retries: " + fork.forkId()));
                if (fork.engineMetrics() != null) {
                    assertEquals(retrying, fork.engineMetrics().serverCpuNanosPerOperation() != null, fork.forkId());
                    assertEquals(engine.engine().equals("postgres"), fork.engineMetrics().checkpoints() != null,
                            fork.forkId());
                }
            }
        }
        assertEquals(sql, md.contains("| retries |") && md.contains("checkpoints |"), "a column where there is data");
        if (forks.stream().anyMatch(fork -> fork.load() != null && fork.load().userBytes() != null)) {
            assertAMeasuredRunHasItsGcAndBoundary(record, forks, md);
            return;
        }
        for (ForkResult fork : forks) {
            EngineMetrics metrics = fork.engineMetrics();
            if (metrics != null) {
                assertNull(metrics.jvmGc(), fork.forkId());
                assertNull(metrics.goGc(), fork.forkId());
                assertNull(metrics.spaceAmplification(), fork.forkId());
                assertNull(metrics.compactionBytesWritten(), fork.forkId());
                assertTrue(metrics.sources() != null, fork.forkId());
            }
            if (fork.load() != null) {
                assertNull(fork.load().userBytes(), fork.forkId());
            }
            assertNull(fork.boundary(), "no boundary was measured then: " + fork.forkId());
        }
        assertFalse(md.contains("## GC pressure"), "nothing measured GC then");
        assertFalse(md.contains("Engine-specific readings"), md);
        assertFalse(md.contains("## Language boundary"), md);
        assertFalse(ComparisonTable.text(record).contains("boundary"), "no line beneath the table");
    }

    /**
     * A run made since GC pressure and the boundary are measured (the committed Go engine runs):
     * every fork has the JVM's GC, a Go engine's forks the Go runtime's and the boundary, and the
     * report shows both.
     */
    private static void assertAMeasuredRunHasItsGcAndBoundary(RunRecord record, List<ForkResult> forks, String md) {
        for (ForkResult fork : forks) {
            assertTrue(fork.engineMetrics() != null && fork.engineMetrics().jvmGc() != null, fork.forkId());
            boolean go = record.engines().stream().filter(e -> e.engine().equals(fork.engine()))
                    .anyMatch(e -> e.profile() != null && e.profile().clientPath().contains("Go library"));
            boolean baseline = fork.engine().endsWith("null") || fork.engine().equals("memory");
            assertEquals(go, fork.engineMetrics().goGc() != null, fork.forkId());
            assertEquals(go && !baseline, fork.boundary() != null, fork.forkId());
        }
        assertTrue(md.contains("## GC pressure"), md);
        assertEquals(forks.stream().anyMatch(fork -> fork.boundary() != null), md.contains("## Language boundary"), md);
    }

    @Test
    void anOldRunsSpaceAmplificationIsComputedFromItsSettingsAsItsCommittedReportHasIt() throws Exception {
        Path folder = Path.of("..", "results", "2026-12-01-typed-run");
        String md = RunReport.build(folder, RunReader.read(folder), RunReport.DEFAULT_RANKING).markdown();
        String committed = Files.readString(folder.resolve("report.md"));
        for (String row : List.of("| rocksdb | — | 0.00 B/s | — | 20.0 MiB | 1.03x |",
                "| lmdb | — | — | — | 39.9 MiB | 2.04x |")) {
            assertTrue(committed.contains(row), "the committed report has " + row);
            assertTrue(md.contains(row), md);
        }
        assertTrue(md.contains("the loaded user data from the settings (20,460,000 bytes)"), md);
    }

    @Test
    void theBoundaryCostKeepsItsNamesAndValuesThroughJsonAndIsNullWhenAbsent() throws IOException {
        BoundaryCost cost = new BoundaryCost("go-null", "in process: JNI then cgo", 142.5, 128.0, 157.0, 163.0, 20.5,
                171.25, "alternating blocks");
        ForkResult fork = new ForkResult("badger", "badger-1", 1, "buffered", "f", true, 0, null, 10, List.of(10.0),
                List.of(), null, 0, 0, 0, null, List.of(), Map.of(), cost);
        String json = JsonFiles.MAPPER.writeValueAsString(fork);
        JsonNode boundary = JsonFiles.MAPPER.readTree(json).get("boundary");
        assertEquals(List.of("baseline", "crossing", "callNanos", "callNanosLow", "callNanosHigh", "baselineCallNanos",
                "nullCallNanos", "observedNanosPerOperation", "method"), iterable(boundary.fieldNames()));
        assertEquals("go-null", boundary.get("baseline").asText());
        assertEquals(142.5, boundary.get("callNanos").asDouble());
        assertEquals(171.25, boundary.get("observedNanosPerOperation").asDouble());
        assertEquals(fork, JsonFiles.MAPPER.readValue(json, ForkResult.class));

        BoundaryCost unobserved = new BoundaryCost("go-null", "c", 1, null, null, 2, 1, null, "m");
        JsonNode written = JsonFiles.MAPPER.readTree(JsonFiles.MAPPER.writeValueAsString(unobserved));
        assertTrue(written.get("callNanosLow").isNull() && written.get("observedNanosPerOperation").isNull(),
                "not measured is null, never 0: " + written);
        ForkResult withoutBoundary = new ForkResult("rocksdb", "rocksdb-1", 1, "buffered", "f", true, 0, null, 10,
                List.of(10.0), List.of(), null, 0, 0, 0, null, List.of(), Map.of(), null);
        String old = JsonFiles.MAPPER.writeValueAsString(withoutBoundary).replace("\"boundary\" : null", "\"x\" : 0");
        assertFalse(old.contains("boundary"), old);
        assertNull(JsonFiles.MAPPER.readValue(old, ForkResult.class).boundary(), "a file without the field reads");
    }

    @Test
    void theSaturationKeepsItsNamesAndValuesThroughJsonAndIsNullWhenAbsent() throws IOException {
        ForkResult fork = new ForkResult("rocksdb", "rocksdb-1", 2, "buffered", "f", false, 20_000, null, 11_731,
                List.of(11_731.0), List.of(new OperationResult("read", new LatencySummary(351_930, 1e8, 111_000_000L,
                        1, 2, 3, 4), 11_731, 0, 0, 0, null, null)), null, 351_824, 0, 0, null, List.of(), Map.of(), null);
        EngineRun engine = new EngineRun("rocksdb", "d", List.of(), "buffered", null, Map.of(), List.of(fork),
                List.of(), io.storebench.stats.model.SaturationRule.of(List.of(fork)));
        String json = JsonFiles.MAPPER.writeValueAsString(engine);
        JsonNode saturation = JsonFiles.MAPPER.readTree(json).get("saturation");
        assertEquals(List.of("targetRate", "achievedRate", "achievedShare", "operations", "lateOperations",
                "lateShare", "saturated", "why", "forks"), iterable(saturation.fieldNames()));
        assertTrue(saturation.get("saturated").asBoolean());
        assertEquals(20_000, saturation.get("targetRate").asDouble());
        assertEquals("rocksdb-1", saturation.get("forks").get(0).get("forkId").asText());
        assertEquals(engine, JsonFiles.MAPPER.readValue(json, EngineRun.class));
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                JsonFiles.MAPPER.readTree(json);
        tree.remove("saturation");
        String old = JsonFiles.MAPPER.writeValueAsString(tree);
        assertFalse(old.contains("saturation"), old);
        assertNull(JsonFiles.MAPPER.readValue(old, EngineRun.class).saturation(), "a file without the field reads");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void theNewFieldsKeepTheirNamesAndValuesThroughJson() throws IOException {
        EngineMetrics metrics = EngineMetrics.builder().bytesOnDisk(3_000L, "du").spaceAmplification(2.0, "du / load")
                .compactionBytesWritten(1L, "c").writeStalls(2L, "w").lsmBytes(3L, "l").valueLogBytes(4L, "v")
                .valueLogGcRuns(5L, "g").valueLogBytesReclaimed(6L, "r").pagesAllocated(7L, "p").freePages(8L, "f")
                .checkpoints(17L, "pg_stat_bgwriter").notReported("serverCpuNanosPerOperation", "an existing server")
                .goGc(new GcPressure(GcPressure.GO, 9, 10L, 11L, 12L, 13.5, "the engine's Go runtime",
                        Map.of("cycles", "/gc/cycles/total:gc-cycles")))
                .jvmGc(new GcPressure(GcPressure.JVM, 14, 15L, null, 16L, null, "the whole fork JVM", Map.of()))
                .build();
        OperationResult update = new OperationResult("update", new LatencySummary(10, 1, 1, 1, 1, 1, 1), 10, 0, 0, 0,
                18L, null);
        ForkResult fork = new ForkResult("badger", "badger-1", 1, "buffered", "f", true, 0,
                new LoadResult(10, 1, 10, 1, 1, 0, 1_500L, 1), 10, List.of(10.0), List.of(update), metrics, 0, 0, 0,
                null, List.of(), Map.of(), null);
        String json = JsonFiles.MAPPER.writeValueAsString(fork);
        JsonNode tree = JsonFiles.MAPPER.readTree(json);
        JsonNode written = tree.get("engineMetrics");
        for (String field : List.of("spaceAmplification", "compactionBytesWritten", "writeStalls", "lsmBytes",
                "valueLogBytes", "valueLogGcRuns", "valueLogBytesReclaimed", "pagesAllocated", "freePages",
                "checkpoints")) {
            assertTrue(written.get(field).isNumber(), field + " in " + written);
        }
        assertTrue(written.get("serverCpuNanosPerOperation").isNull(), "not reported is null: " + written);
        assertEquals("not reported: an existing server",
                written.get("sources").get("serverCpuNanosPerOperation").asText());
        assertEquals(18, tree.get("operations").get(0).get("retries").asLong());
        assertEquals("go", written.get("goGc").get("runtime").asText());
        assertEquals(13.5, written.get("goGc").get("allocatedBytesPerOperation").asDouble());
        assertEquals(11, written.get("goGc").get("pauseP99Nanos").asLong());
        assertTrue(written.get("jvmGc").get("pauseP99Nanos").isNull(), "not measured is null, never 0");
        assertEquals("/gc/cycles/total:gc-cycles", written.get("goGc").get("sources").get("cycles").asText());
        assertEquals("the whole fork JVM", written.get("jvmGc").get("scope").asText());
        assertEquals(1_500, tree.get("load").get("userBytes").asLong());
        assertEquals(fork, JsonFiles.MAPPER.readValue(json, ForkResult.class));
    }
}
