package io.storebench.bench.analysis;

import static io.storebench.bench.analysis.AnalysisCommandsTest.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.compare.GateSettings;
import io.storebench.stats.compare.KeyMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command lines of {@code gate}, {@code compare} and {@code report} on picocli: help generated
 * from the options, the typed parsers of the judging options, and the one line (with its
 * {@code storebench COMMAND:} prefix) and exit code of each kind of bad input.
 */
class AnalysisCommandLineTest {
    @Test
    void helpIsGeneratedFromTheOptions() {
        AnalysisCommandsTest.Outcome gate = call(GateCommand::run, "--help");
        assertEquals(0, gate.exit());
        assertTrue(gate.out().contains("\nUsage: storebench gate "), gate.out());
        for (String option : List.of("--baseline DIR", "--candidate DIR", "--metric M[,M]", "--floor P", "--alpha A",
                "--allow-cross-host", "--strict", "--out DIR")) {
            assertTrue(gate.out().contains(option), option + " in " + gate.out());
        }
        assertTrue(gate.out().contains("0%..99% [5%]"), "format escapes resolved: " + gate.out());
        AnalysisCommandsTest.Outcome compare = call(CompareCommand::run, "-h");
        assertTrue(compare.out().contains("[RUN...]") && compare.out().contains("--markdown"), compare.out());
        assertTrue(compare.out().contains("Exit codes: 0 shown, 2 bad input"), compare.out());
        AnalysisCommandsTest.Outcome report = call(ReportCommand::run, "--help");
        assertTrue(report.out().contains("[DIR]") && report.out().contains("--metric M"), report.out());
        assertTrue(report.out().contains("Exit codes: 0 written, 1 the report could not be written"), report.out());
    }

    @Test
    void badInputIsOnePrefixedLineWithTheCommandsExitCode() {
        AnalysisCommandsTest.Outcome missing = call(GateCommand::run, "--candidate", "x");
        assertEquals(3, missing.exit());
        assertEquals("storebench gate: --baseline DIR is required (gate --help)\n", missing.err());
        AnalysisCommandsTest.Outcome unknown = call(CompareCommand::run, "a", "b", "--bogus");
        assertEquals(2, unknown.exit());
        assertEquals("storebench compare: unknown option '--bogus'; known: --alpha, --baseline, --floor, --help, --markdown,"
                + " --metric\n", unknown.err());
        AnalysisCommandsTest.Outcome stray = call(ReportCommand::run, "a", "b");
        assertEquals(2, stray.exit());
        assertEquals("storebench report: unexpected argument 'b'; options start with --\n", stray.err());
        AnalysisCommandsTest.Outcome noValue = call(GateCommand::run, "--baseline", "a", "--candidate", "b",
                "--floor");
        assertEquals(3, noValue.exit());
        assertEquals(1, noValue.err().lines().count(), noValue.err());
        assertEquals("storebench gate: --floor needs a value\n", noValue.err());
        AnalysisCommandsTest.Outcome twice = call(ReportCommand::run, "a", "--metric", "p99", "--metric", "p50");
        assertEquals(2, twice.exit());
        assertEquals("storebench report: --metric is given twice\n", twice.err());
    }

    @Test
    void anOptionBeforeAnotherNeedsAValueAndAFlagTakesNone() {
        assertOneLine(3, "storebench gate: --floor needs a value", call(GateCommand::run, "--baseline", "a",
                "--candidate", "b", "--floor", "--out", "c"));
        assertOneLine(3, "storebench gate: --metric needs a value", call(GateCommand::run, "--baseline", "a",
                "--candidate", "b", "--metric", "--floor", "5"));
        assertOneLine(3, "storebench gate: --floor -5% is out of range; allowed: 0%..99%", call(GateCommand::run,
                "--baseline", "a", "--candidate", "b", "--floor", "-5%"));
        assertOneLine(3, "storebench gate: --strict takes no value", call(GateCommand::run, "--baseline", "a",
                "--candidate", "b", "--strict=true"));
        assertOneLine(3, "storebench gate: --allow-cross-host takes no value", call(GateCommand::run, "--baseline",
                "a", "--candidate", "b", "--allow-cross-host=false"));
        assertOneLine(2, "storebench compare: --metric needs a value", call(CompareCommand::run, "a", "b", "--metric",
                "--markdown"));
        assertOneLine(2, "storebench compare: --markdown takes no value", call(CompareCommand::run, "a", "b",
                "--markdown=true"));
        assertOneLine(2, "storebench report: --metric needs a value", call(ReportCommand::run, "a", "--metric",
                "--bogus"));
    }

    private static void assertOneLine(int exit, String line, AnalysisCommandsTest.Outcome outcome) {
        assertEquals(exit, outcome.exit(), outcome.err());
        assertEquals(line + "\n", outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void theJudgingOptionsParseOnceIntoGateSettings() {
        GateOptions options = new GateOptions();
        GateSettings defaults = options.settings("p99", false, false);
        assertEquals(List.of(KeyMetric.P99), defaults.metrics());
        assertEquals(GateSettings.DEFAULT_FLOOR, defaults.floor());
        assertEquals(GateSettings.DEFAULT_ALPHA, defaults.alpha());
        options.floor = "10%";
        options.alpha = "0.01";
        GateSettings given = options.settings("p99,throughput,p99.9,p99", true, true);
        assertEquals(List.of(KeyMetric.P99, KeyMetric.THROUGHPUT, KeyMetric.P999), given.metrics());
        assertEquals(0.10, given.floor(), 1e-12);
        assertEquals(0.01, given.alpha(), 1e-12);
        assertTrue(given.allowCrossHost() && given.strict());
        assertEquals(0.05, GateOptions.floor("5"), 1e-12);
        assertEquals("--floor '5x%' is not a percentage; allowed: 0%..99%, e.g. 5%",
                assertThrows(IllegalArgumentException.class, () -> GateOptions.floor("5x%")).getMessage());
        assertEquals("--alpha 0 is out of range; allowed: 0 < alpha < 1, e.g. 0.05",
                assertThrows(IllegalArgumentException.class, () -> GateOptions.alpha("0")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GateOptions.metrics("p95")).getMessage()
                .startsWith("--metric: unknown metric 'p95'"));
    }
}
