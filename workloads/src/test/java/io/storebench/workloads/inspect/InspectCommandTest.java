package io.storebench.workloads.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.workloads.Preset;
import io.storebench.workloads.WorkloadOverrides;
import io.storebench.workloads.WorkloadSpec;
import io.storebench.workloads.distribution.DistributionKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path temp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = InspectCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trueZipfMatchesTheReferenceSharesAndFits() throws IOException {
        SkewReport report = SkewAnalysis.analyze(new WorkloadOverrides("ycsb-c", 100_000L, DistributionKind.ZIPFIAN,
                0.99, null, null, 7L).resolve(), 2_000_000);
        // ../shared/REFERENCE.md section 3: 10^5 keys, θ 0.99: 0.078, 0.605, 0.800.
        assertEquals(0.078, report.observed().hottestItem(), 0.002);
        assertEquals(0.605, report.observed().topOnePercent(), 0.003);
        assertEquals(0.800, report.observed().topTenPercent(), 0.003);
        assertEquals(report.theory().topTenPercent(), report.observed().topTenPercent(), 0.002);
        assertTrue(report.fit().pValue() > 1e-4, report.fit().toString());
        assertEquals(report.expectedDistinctKeys(), report.distinctKeys(), report.expectedDistinctKeys() * 0.01);
        assertEquals(1.0, report.drawnMix().get(io.storebench.workloads.Operation.READ));
    }

    @Test
    void theGoodnessOfFitCatchesAWrongExponent() throws IOException {
        // Draw with θ = 1.2 but judge against θ = 0.99: the p-value must collapse.
        WorkloadSpec drawn = new WorkloadOverrides("ycsb-c", 10_000L, DistributionKind.ZIPFIAN, 1.2, null, null, 1L)
                .resolve();
        WorkloadSpec claimed = drawn.withDistribution(drawn.distribution().withTheta(0.99));
        long[] ranks = new long[200_000];
        var stream = new io.storebench.workloads.WorkloadRun(drawn, 1).stream(0);
        for (int i = 0; i < ranks.length; i++) {
            stream.next();
            ranks[i] = stream.ordinal();
        }
        java.util.Arrays.sort(ranks);
        double p = io.storebench.workloads.distribution.ChiSquare.testSortedRanks(ranks,
                claimed.distribution().popularity(10_000)).pValue();
        assertTrue(p < 1e-6, "p = " + p);
    }

    @Test
    void ycsbZipfianReportsSharesButNoPValue() {
        Result result = run("--workload", "ycsb-a", "--records", "1000", "--samples", "200000");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("ycsb-zipfian(theta=0.99)"), result.out());
        assertTrue(result.out().contains("goodness of fit: not available"), result.out());
        assertTrue(result.out().contains("fingerprint "), result.out());
        SkewReport report = SkewAnalysis.analyze(Preset.YCSB_A.spec().withRecordCount(1000), 1_000_000);
        assertNull(report.fit());
        assertEquals(0.039, report.observed().hottestItem(), 0.002); // REFERENCE: YCSB's hottest key 3.9 %
        assertEquals(0.297, report.observed().topTenPercent(), 0.004);
    }

    @Test
    void jsonHasEveryFigure() {
        Result result = run("--workload", "ycsb-b", "--records", "5000", "--distribution", "hotspot", "--hot-set",
                "0.1", "--hot-ops", "0.9", "--samples", "100000", "--json", "--seed", "3");
        assertEquals(0, result.code(), result.err());
        String json = result.out().trim();
        assertTrue(json.startsWith("{\"workload\":\"ycsb-b\",\"distribution\":\"hotspot(hot-set=0.1, hot-ops=0.9)\""),
                json);
        for (String field : List.of("\"records\":5000", "\"seed\":3", "\"samples\":100000", "\"mix\":{\"read\":",
                "\"update\":", "\"distinct\":{\"observed\":", "\"top10Percent\":{\"observed\":", "\"theory\":0.9",
                "\"goodnessOfFit\":{\"chiSquare\":", "\"fingerprint\":\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        assertEquals(json.chars().filter(c -> c == '{').count(), json.chars().filter(c -> c == '}').count());
        assertTrue(result.err().isEmpty(), "no progress line with --json: " + result.err());
    }

    @Test
    void aYcsbFileCanBeInspected() throws IOException {
        Path file = Files.writeString(temp.resolve("myworkload"),
                "recordcount=2000\nreadproportion=0.9\nupdateproportion=0.1\nrequestdistribution=uniform\n");
        Result result = run("--workload", file.toString(), "--samples", "50000");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("workload myworkload, 2,000 records, distribution uniform"), result.out());
    }

    @Test
    void aYcsbFileThatCannotBeRunIsOneLineAndExitCodeTwo() throws IOException {
        Path huge = Files.writeString(temp.resolve("huge"), "fieldcount=100000\nfieldlength=100000\n");
        assertBad("inspect: workload file " + huge + ": fieldcount=100000 x fieldlength=100000 is 10000000000 bytes"
                + " per record, out of range; allowed: up to 16777216 bytes", "--workload", huge.toString());
        Path empty = Files.writeString(temp.resolve("empty"), "");
        assertBad("inspect: workload file " + empty + ": sets no property", "--workload", empty.toString());
    }

    @Test
    void helpExitsZero() {
        Result result = run("--help");
        assertEquals(0, result.code());
        assertTrue(result.out().contains("--distribution NAME") && result.out().contains("Exit codes"));
    }

    @Test
    void everyBadInputIsOneLineAndExitCodeTwo() {
        assertBad("inspect: unknown option '--thetta'; known: --distribution, --help, --hot-ops, --hot-set, --json,"
                + " --records, --samples, --seed, --theta, --workload", "--thetta", "1");
        assertBad("inspect: --records 'many' is not a whole number; allowed: 1..1000000000000", "--records", "many");
        assertBad("inspect: --samples 0 is out of range; allowed: 1..50000000", "--samples", "0");
        assertBad("inspect: theta 0.0 is out of range; allowed: > 0", "--distribution", "zipfian", "--theta", "0");
        assertBad("inspect: unknown distribution 'pareto'", "--distribution", "pareto");
        assertBad("inspect: unknown workload 'ycsb-z'; presets: ycsb-a", "--workload", "ycsb-z");
        assertBad("inspect: --hot-ops 1.5 is out of range; allowed: 0.0..1.0", "--hot-ops", "1.5");
        assertBad("inspect: --seed needs a value", "--seed");
        assertBad("inspect: unexpected argument 'ycsb-a'; options start with --", "ycsb-a");
    }

    @Test
    void valuesMayBeAttachedAndTheHelpIsGeneratedFromTheOptions() {
        Result attached = run("--records=50", "--samples=1e3", "--json");
        assertEquals(0, attached.code(), attached.err());
        assertTrue(attached.out().contains("\"records\":50,") && attached.out().contains("\"samples\":1000,"),
                attached.out());
        Result help = run("--help");
        for (String option : List.of("--workload NAME|FILE", "--records N", "--theta T", "--hot-set F", "--hot-ops F",
                "--seed S", "--samples N", "--json", "--help", "--version", "ycsb-f", "scrambled-zipfian")) {
            assertTrue(help.out().contains(option), option + " in " + help.out());
        }
        assertTrue(help.err().isEmpty(), help.err());
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("StoreBench "), version.out());
    }

    @Test
    void repeatedAndMissingValuesAreOneLineToo() {
        assertBad("inspect: --seed is given twice", "--seed", "1", "--seed", "2");
        assertBad("inspect: --samples needs a value", "--samples", "--json");
        assertBad("inspect: --seed needs a value", "--seed", "--bogus");
        assertBad("inspect: --json takes no value", "--json=true", "--samples", "10");
        assertBad("inspect: --json takes no value", "--json=false", "--samples", "10");
        assertBad("inspect: --theta 'abc' is not a number", "--theta", "abc");
        assertBad("inspect: --seed '9223372036854775808' is not a whole number", "--seed", "9223372036854775808");
        assertBad("inspect: unknown workload 'no/such/file'", "--workload", "no/such/file");
    }

    private static void assertBad(String expectedStart, String... args) {
        Result result = run(args);
        assertEquals(2, result.code(), result.out());
        assertTrue(result.err().startsWith(expectedStart), "expected '" + expectedStart + "', got '" + result.err() + "'");
        assertEquals(1, result.err().lines().count(), "one line: " + result.err());
        assertTrue(result.out().isEmpty());
    }
}
