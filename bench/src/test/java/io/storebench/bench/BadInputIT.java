package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the real benchmarks.jar (issue #15): one line on standard error naming the value
 * and what is allowed, exit 2, nothing run, nothing written; never a stack trace, never JMH's
 * timeout.
 */
class BadInputIT {
    @TempDir
    Path temp;

    /** Runs the jar and checks the refusal: exit 2, one line beginning with {@code prefix} and holding {@code expected}. */
    private BenchmarksJar.Result refused(String prefix, String expected, String... args) throws Exception {
        long start = System.nanoTime();
        BenchmarksJar.Result result = BenchmarksJar.run(temp, args);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String what = String.join(" ", args) + ": " + result.err() + result.out();
        assertEquals(2, result.exitCode(), what);
        assertEquals(1, result.err().lines().count(), what);
        assertTrue(result.err().startsWith(prefix), what);
        assertTrue(result.err().contains(expected), "expected '" + expected + "' in " + what);
        assertFalse(result.err().contains("Exception"), what);
        assertTrue(seconds < 60, what + " took " + seconds + " s");
        assertEquals(0, runFolders(), "bad input writes no run: " + what);
        return result;
    }

    /** Run folders under {@code results/} (a check that comes after the folder is made leaves {@code results/} itself). */
    private long runFolders() throws Exception {
        Path results = temp.resolve("results");
        if (!Files.exists(results)) {
            return 0;
        }
        try (var folders = Files.list(results)) {
            return folders.count();
        }
    }

    @Test
    void exitCodesAreTheReadmes() throws Exception {
        refused("storebench list: ", "unknown option '--bogus'; known: --help", "list", "--bogus");
        refused("storebench list: ", "unexpected argument 'rocksdb'; options start with --", "list", "rocksdb");
        refused("storebench: ", "JMH's command line: z is not a recognized option", "-zz");
        refused("storebench: ", "unknown command 'runn'; commands: run, list, inspect, gate, ab, calibrate, compare,"
                + " report, history, crashcheck, doctor, help; anything else goes to JMH's command line, where 'runn' selects no benchmark",
                "runn", "--engines", "memory");
        refused("storebench run: ", "--rate -1 is out of range; allowed: 2 or more operations per second", "run",
                "--engines", "memory", "--rate", "-1");
        refused("storebench run: ", "--rate 0 is out of range; allowed: 2 or more operations per second", "run",
                "--engines", "memory", "--rate", "0");
    }

    @Test
    void whatCannotFinishInAnIterationIsRefusedAtOnce() throws Exception {
        refused("storebench run: ", "--rate 0.000001 is out of range; allowed: 2 or more operations per second", "run",
                "--engines", "memory", "--rate", "0.000001");
        refused("storebench run: ", "--inject-tail 0.5:999999m: the delay is out of range; allowed: 1us to 1 s", "run",
                "--engines", "memory", "--inject-tail", "0.5:999999m");
    }

    @Test
    void aWorkloadFileWithFieldsTooLargeIsOneLineInRunAndInspect() throws Exception {
        Path file = Files.writeString(temp.resolve("huge-fields"), "fieldcount=100000\nfieldlength=100000\n");
        String expected = "fieldcount=100000 x fieldlength=100000 is 10000000000 bytes per record, out of range;"
                + " allowed: up to 16777216 bytes";
        refused("storebench run: ", expected, "run", "--engines", "memory", "--workload", file.toString());
        refused("inspect: ", expected, "inspect", "--workload", file.toString());
    }

    @Test
    void workloadFilesAndDurabilitiesThatWouldRunWithSomethingElse() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty"), "");
        refused("storebench run: ", "workload file " + empty + ": sets no property", "run", "--engines", "memory",
                "--workload", empty.toString());
        Path readOnly = Files.writeString(temp.resolve("reads"), "readproportion=1\n");
        refused("storebench run: ", "sum to 1.05, not 1: read 1.0, update 0.05, insert 0.0, scan 0.0, rmw 0.0, delete"
                + " 0.0; updateproportion=0.05 added as YCSB's default, since the file does not set it", "run",
                "--engines", "memory", "--workload", readOnly.toString());
        refused("storebench run: ", "engine 'memory' cannot honour durability 'strict'; it supports: none", "run",
                "--engines", "memory", "--durability", "strict");
    }

    /** The memory engine keeps its records on the fork's heap: they are checked against it, not against the disk. */
    @Test
    void theMemoryEnginesRecordsAreCheckedAgainstTheForksHeap() throws Exception {
        // 1,000,000 records x 16,092 bytes = 15,346.5 MiB: more than the default heap here (a quarter of 24 GiB).
        refused("storebench run: ", "too little heap for engine 'memory', which keeps its data on the fork's heap:"
                + " 1,000,000 records x 16,092 bytes (key 23 + value 16,000 + 69 of its own) = 15,346.5 MiB", "run",
                "--engines", "memory", "--records", "1000000", "--value-size", "16000");
        refused("storebench run: ", "the forks' heap is 64.0 MiB", "run", "--engines", "memory", "--records",
                "100000", "--jvm-args", "-Xmx64m");
    }
}
