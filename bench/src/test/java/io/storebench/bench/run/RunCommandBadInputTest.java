package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.EngineRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input to {@code run}: one line naming the problem, exit code 2, nothing run and nothing left behind. */
class RunCommandBadInputTest {
    @TempDir
    Path temp;

    private void assertBad(String expected, String... args) {
        Path out = temp.resolve("run-" + Math.abs(String.join(" ", args).hashCode()));
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--out")) {
            all.add("--out");
            all.add(out.toString());
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = RunCommand.run(all, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("storebench run: "), err);
        assertFalse(Files.exists(out), "nothing written for bad input: " + out);
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unreachableEtcdEndpointsAreOneLineWithinTheConnectTimeout() {
        long start = System.nanoTime();
        // Port 1 on loopback: nothing listens there, so the cluster cannot be reached.
        assertBad("etcd", "--engines", "etcd", "--engine-options",
                "etcd.endpoints=127.0.0.1:1,etcd.connect-timeout-ms=1000");
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertTrue(seconds < 30, "gave up after " + seconds + " s, not within the connect timeout");
    }

    @Test
    void unknownEngineWorkloadProfileAndOption() {
        assertBad("unknown engine 'leveldb'; known engines: "
                + String.join(", ", EngineRegistry.discover().names()), "--engines", "rocksdb,leveldb");
        assertBad("unknown workload 'ycsb-z'; presets: ycsb-a, ycsb-b, ycsb-c, ycsb-d, ycsb-e, ycsb-f", "--workload",
                "ycsb-z");
        assertBad("unknown profile 'fast'; allowed: smoke, quick, ci, thorough", "--profile", "fast");
        assertBad("unknown option '--thread'; known: --cache-mb, --data-cache, --delete, --distribution, --durability,"
                + " --engine-options, --engines, --forks, --help, --hot-ops, --hot-set, --inject-tail, --insert,"
                + " --iteration-time, --iterations, --jfr, --jvm-args, --key-size, --operations, --out, --prof, --profile, --rate,"
                + " --read, --records, --rmw, --scan, --seed, --theta, --threads, --time, --update, --value-size,"
                + " --warmup-iterations, --warmup-time, --workload", "--thread", "2");
        assertBad("unknown option 'leveldb.x' for engine", "--engine-options", "rocksdb.leveldb.x=1");
    }

    @Test
    void badEngineFlags() {
        assertBad("unknown option '--etcd-endpoint'; etcd has: --etcd-endpoints, --etcd-members", "--engines", "etcd",
                "--etcd-endpoint", "h:2379");
        assertBad("--etcd-members needs a value", "--engines", "etcd", "--etcd-members");
        assertBad("option 'members' of engine 'etcd': '4' is not allowed; allowed: 1|3|5|7", "--engines", "etcd", "--etcd-members", "4");
        assertBad("--etcd-members is an option of engine 'etcd', which is not in --engines rocksdb", "--engines",
                "rocksdb", "--etcd-members", "3");
        assertBad("etcd.members is given twice: as --etcd-members and in --engine-options", "--engines", "etcd",
                "--etcd-members", "3", "--engine-options", "etcd.members=5");
        assertBad("--etcd-members is given twice", "--engines", "etcd", "--etcd-members", "3", "--etcd-members", "5");
        assertBad("--etcd-members needs a value", "--engines", "etcd", "--etcd-members", "--threads", "2");
        assertBad("unknown option '--etcd-bogus'; etcd has: --etcd-endpoints", "--engines", "etcd", "--etcd-bogus=1");
    }

    @Test
    void anOptionWithoutItsValueAndAFlagWithOne() {
        assertBad("storebench run: --threads needs a value", "--threads", "--forks", "1");
        assertBad("storebench run: --records needs a value", "--records", "--bogus");
        assertBad("storebench run: --seed needs a value", "--seed");
        assertBad("storebench run: --inject-tail '-x' is not FRACTION:DELAY", "--inject-tail", "-x");
        assertBad("storebench run: --jfr takes no value", "--jfr=yes");
        assertBad("storebench run: --jfr takes no value", "--jfr=false");
        assertBad("storebench run: --jfr takes no value", "--jfr=true");
        assertBad("storebench run: --forks is given twice", "--forks", "1", "--forks", "2");
        assertBad("storebench run: unexpected argument 'stray'; options start with --", "stray");
        assertBad("storebench run: unexpected argument '-x'; options start with --", "-x");
    }

    @Test
    void malformedNumbersAndDurations() {
        assertBad("--records 'lots' is not a whole number; allowed: 1..1000000000000", "--records", "lots");
        assertBad("--threads 0 is out of range; allowed: 1..1024", "--threads", "0");
        assertBad("--iteration-time '2 sec' is not a duration", "--iteration-time", "2 sec");
        assertBad("--warmup-time 10us is out of range; allowed: 1ms or more", "--warmup-time", "10us");
        assertBad("--inject-tail '0.5' is not FRACTION:DELAY", "--inject-tail", "0.5");
        assertBad("--inject-tail fraction 2.0 is out of range; allowed: (0, 1]", "--inject-tail", "2:10ms");
        assertBad("--jvm-args: 'Xmx1g' is not a JVM flag; flags begin with -", "--jvm-args", "-Xss1m Xmx1g");
        assertBad("--jvm-args '-Xmx1g \"-Da=b' has an unclosed quote", "--jvm-args", "-Xmx1g \"-Da=b");
    }

    @Test
    void proportionsRateAndDurability() {
        assertBad("operation proportions sum to 0.9, not 1", "--read", "0.5", "--update", "0.4");
        String slowest = "allowed: 2 or more operations per second (each of the 2 threads runs one operation every"
                + " 2 / rate seconds, which must fit in the shortest iteration, 1 s)";
        assertBad("--rate 0 is out of range; " + slowest, "--rate", "0");
        assertBad("--rate -1 is out of range; " + slowest, "--rate", "-1");
        assertBad("--rate 'fast' is not a number; " + slowest, "--rate", "fast");
        assertBad("engine 'rocksdb' cannot honour durability 'none'", "--durability", "none");
        assertBad("engine 'memory' cannot honour durability 'strict'; it supports: none", "--engines", "memory",
                "--durability", "strict");
        assertBad("engine 'null' cannot honour durability 'buffered'; it supports: none", "--engines", "rocksdb,null",
                "--durability", "buffered");
        assertBad("give --operations or --time/--iteration-time/--warmup-time, not both", "--operations", "1000",
                "--time", "1s");
        assertBad("give --operations or --time/--iteration-time/--warmup-time, not both", "--operations", "1000",
                "--warmup-time", "1s");
        assertBad("--prof bogus cannot be used", "--prof", "bogus");
        assertBad("1000000000000 records of 16777239 bytes are too large a data set", "--records", "1000000000000",
                "--value-size", "16777216");
        assertBad("keys of 600 bytes are too long for lmdb; allowed: 1..511 (--key-size)", "--engines", "lmdb",
                "--key-size", "600");
    }

    /** A rate or an injected delay that cannot finish within an iteration would hold the fork until JMH's timeout. */
    @Test
    void ratesAndDelaysThatCannotFinishInAnIteration() {
        assertBad("--rate 0.000001 is out of range; allowed: 2 or more operations per second", "--rate", "0.000001");
        assertBad("--rate 1.99 is out of range; allowed: 2 or more operations per second", "--rate", "1.99");
        assertBad("--rate 3 is out of range; allowed: 4 or more operations per second (each of the 2 threads runs one"
                + " operation every 2 / rate seconds, which must fit in the shortest iteration, 500 ms)", "--rate", "3",
                "--warmup-time", "500ms");
        assertBad("--rate 5 is out of range; allowed: 8 or more operations per second", "--rate", "5", "--threads",
                "8");
        // --operations 100000 over 3 iterations and 2 threads: 16,666 operations per thread per iteration.
        assertBad("--rate 50 is out of range; allowed: 55.6 or more operations per second (each of the 2 threads runs"
                + " 16,666 operations per iteration, one every 2 / rate seconds, and an iteration must end within"
                + " JMH's 600 s timeout)", "--rate", "50", "--operations", "100000");
        assertBad("--inject-tail 0.5:999999m: the delay is out of range; allowed: 1us to 1 s (a delayed operation must"
                + " end within the shortest iteration, 1 s, and JMH's 600 s timeout)", "--inject-tail", "0.5:999999m");
        assertBad("--inject-tail 0.5:2s: the delay is out of range; allowed: 1us to 1 s", "--inject-tail", "0.5:2s");
        assertBad("--inject-tail 0.5:11m: the delay is out of range; allowed: 1us to 600 s", "--inject-tail",
                "0.5:11m", "--iteration-time", "20m", "--warmup-iterations", "0");
        // 1,000 operations per thread, half of them delayed: 500 delays of at most 1.2 s each.
        assertBad("--inject-tail 0.5:2s: the delay is out of range; allowed: 1us to 1.20 s (each of the 2 threads"
                + " delays about 500 of its 1,000 operations per iteration, and its delays must end within JMH's 600 s"
                + " timeout)", "--inject-tail", "0.5:2s", "--operations", "6000");
    }

    @Test
    void theSlowestRateAndLongestDelayThatFitAreAccepted() {
        EngineRegistry registry = EngineRegistry.discover();
        assertEquals(2, RunCommand.settings(List.of("--rate", "2"), registry).rate());
        assertEquals(1_000_000_000L, RunCommand.settings(List.of("--inject-tail", "0.5:1s"), registry).tail()
                .delayNanos());
        assertEquals(55.6, RunCommand.settings(List.of("--rate", "55.6", "--operations", "100000"), registry).rate());
        RunSettings none = RunCommand.settings(List.of("--engines", "memory", "--durability", "none"), registry);
        assertEquals(io.storebench.engine.Durability.NONE, none.durability());
        RunSettings byDefault = RunCommand.settings(List.of("--engines", "memory"), registry);
        assertEquals(io.storebench.engine.Durability.NONE, byDefault.engineConfig("memory", temp, registry)
                .durability(), "a baseline runs with none when no durability is asked for");
    }

    @Test
    void anOutFolderThatCannotBeWrittenOrHoldsARun() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        assertBad("is a file", "--out", file.toString());
        Path used = Files.createDirectories(temp.resolve("used"));
        Files.writeString(used.resolve("run.json"), "{}");
        assertBad("already holds a run", "--out", used.toString());
        Path full = Files.createDirectories(temp.resolve("full"));
        Files.writeString(full.resolve("precious.txt"), "keep me");
        assertBad("is not empty", "--out", full.toString());
        assertEquals("keep me", Files.readString(full.resolve("precious.txt")));
    }

    @Test
    void tooLittleDiskForTheDataSet() {
        assertBad("too little free disk for the data set", "--records", "1000000000000");
    }

    @Test
    void tooLittleHeapForTheMemoryEnginesData() {
        // 100,000 records x 1,092 bytes = 104.1 MiB, / 0.75 + 64 MiB = 202.9 MiB: more than a 64 MiB heap.
        assertBad("too little heap for engine 'memory', which keeps its data on the fork's heap: 100,000 records x"
                + " 1,092 bytes (key 23 + value 1,000 + 69 of its own) = 104.1 MiB, / 0.75 (room for the garbage"
                + " collector) + 64.0 MiB (margin) = 202.9 MiB needed; the forks' heap is 64.0 MiB", "--engines",
                "memory", "--records", "100000", "--jvm-args", "-Xmx64m");
    }
}
