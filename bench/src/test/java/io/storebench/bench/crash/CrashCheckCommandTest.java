package io.storebench.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.etcd.EtcdTesting;
import io.storebench.engine.sql.SqlTesting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crashcheck} end to end: writer processes killed with SIGKILL on real RocksDB, LMDB and
 * SQLite files, and real etcd, PostgreSQL and MariaDB servers killed under their writers and
 * restarted on their data, verified by fresh processes; and its refusals, one line each with exit 2.
 */
class CrashCheckCommandTest {
    @TempDir
    Path temp;

    record Output(int exit, String out, String err) {
    }

    private static Output crashcheck(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CrashCheckCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void killedWritersLoseNoAcknowledgedWriteOnTheEmbeddedEngines() throws Exception {
        Path folder = temp.resolve("check");
        Output output = crashcheck("--engines", "rocksdb,lmdb,sqlite", "--durability", "buffered,strict", "--trials",
                "2", "--max-delay-ms", "800", "--seed", "7", "--out", folder.toString());
        assertEquals(0, output.exit(), output.out() + output.err());
        assertTrue(output.out().contains("crashcheck: rocksdb buffered trial 1/2: killed"), output.out());
        assertTrue(output.out().contains("not an OS crash"), output.out());
        CrashCheckFile file = JsonFiles.read(folder.resolve("crashcheck.json"), CrashCheckFile.class);
        assertEquals(6, file.summaries().size());
        long acknowledged = 0;
        for (CrashSummary summary : file.summaries()) {
            assertEquals(2, summary.trials(), summary.toString());
            assertEquals(0, summary.lost(), summary.toString());
            assertEquals(0, summary.tornBatches(), summary.toString());
            assertEquals(0, summary.corrupt(), summary.toString());
            assertEquals(0, summary.unissued(), summary.toString());
            assertEquals(0, summary.failedOpens(), summary.toString());
            assertEquals(CrashSummary.Verdict.PASS, summary.verdict());
            acknowledged += summary.writesChecked();
        }
        assertTrue(acknowledged > 1000, "writes were acknowledged before the kills: " + acknowledged);
        assertEquals(12, file.trials().size());
        for (CrashCheckFile.Trial trial : file.trials()) {
            assertEquals(trial.engine().equals("lmdb"), trial.kill().during() == Background.NOT_WATCHED,
                    trial.toString());
        }
        assertEquals(0, file.exitCode());
        assertTrue(Files.notExists(folder.resolve("trials")), "passing trials' data is removed");
    }

    /**
     * The remote engines' managed servers killed (SIGKILL to the server's process tree) and
     * restarted on the same data: nothing acknowledged is lost under the profiles that promise it
     * for a server crash (etcd and MariaDB under buffered; PostgreSQL under strict: its buffered,
     * synchronous_commit=off, does lose the last commits, which crashcheck reports and fails), and
     * no server process or data is left behind.
     */
    @Test
    void killedServersLoseNoAcknowledgedWriteOnTheRemoteEngines() throws Exception {
        EtcdTesting.requireEtcd();
        SqlTesting.requirePostgres();
        SqlTesting.requireMariaDb();
        Path folder = temp.resolve("remote");
        for (String[] cell : new String[][] {{"etcd", "buffered"}, {"mysql", "buffered"}, {"postgres", "strict"}}) {
            Path out = folder.resolve(cell[0]);
            Output output = crashcheck("--engines", cell[0], "--durability", cell[1], "--trials", "2",
                    "--max-delay-ms", "600", "--seed", "11", "--out", out.toString());
            assertEquals(0, output.exit(), output.out() + output.err());
            assertTrue(output.out().contains("crashcheck: " + cell[0] + " " + cell[1] + " trial 2/2: killed"),
                    output.out());
            assertTrue(output.out().contains("(the server: " + (cell[0].equals("mysql") ? "mariadbd" : cell[0])
                    + " (pid "), output.out());
            CrashCheckFile file = JsonFiles.read(out.resolve("crashcheck.json"), CrashCheckFile.class);
            CrashSummary summary = file.summaries().get(0);
            assertEquals(2, summary.trials(), summary.toString());
            assertEquals(0, summary.lost() + summary.tornBatches() + summary.corrupt() + summary.unissued()
                    + summary.failedOpens(), summary.toString());
            assertTrue(summary.writesChecked() > 0, "writes were acknowledged before the kills: " + summary);
            assertEquals(CrashSummary.Verdict.PASS, summary.verdict());
            assertTrue(Files.notExists(out.resolve("trials")), "passing trials' data is removed: " + out);
        }
        assertEquals(List.of(), serverProcessesUnder(folder), "no server process is left");
    }

    /**
     * The etcd, postgres and mariadbd processes whose command line names a path under
     * {@code folder}, or whose working directory is there (PostgreSQL's backends, whose command
     * lines say only what they do, and mariadbd work in their data directory).
     */
    private static List<String> serverProcessesUnder(Path folder) {
        String path = folder.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> ServerKill.SERVER_PROGRAMS
                .contains(Path.of(c).getFileName().toString())).orElse(false)).filter(p -> {
                    String line = p.info().commandLine().orElse("");
                    String cwd;
                    try {
                        cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).toString();
                    } catch (IOException | UnsupportedOperationException e) {
                        cwd = "";
                    }
                    return line.contains(path) || cwd.startsWith(path);
                }).map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    @Test
    void killsAimedAtBackgroundIoLandDuringFlushesOrCompactionsOnRocksDbAndLoseNothing() throws Exception {
        Path folder = temp.resolve("aimed");
        Output output = crashcheck("--engines", "rocksdb", "--trials", "3", "--aim", "background", "--max-delay-ms",
                "400", "--seed", "11", "--out", folder.toString());
        assertEquals(0, output.exit(), output.out() + output.err());
        assertTrue(output.out().contains("aim background; small memtables"), output.out());
        assertTrue(output.out().contains("kills during background I/O"), output.out());
        CrashCheckFile file = JsonFiles.read(folder.resolve("crashcheck.json"), CrashCheckFile.class);
        assertEquals("background", file.settings().aim());
        assertEquals(Map.of("write-buffer-mb", "1"), file.settings().engineOptions().get("rocksdb"));
        CrashSummary summary = file.summaries().get(0);
        assertEquals(3, summary.aimedKills(), summary.toString());
        assertTrue(summary.killsDuringBackground() >= 1, "a kill aimed at table-file writes of 1 MiB memtables"
                + " lands during one: " + output.out());
        assertEquals(0, summary.lost(), summary.toString());
        assertEquals(0, summary.tornBatches(), summary.toString());
        assertEquals(0, summary.corrupt(), summary.toString());
        assertEquals(0, summary.unissued(), summary.toString());
        assertEquals(0, summary.failedOpens(), summary.toString());
        for (CrashCheckFile.Trial trial : file.trials()) {
            assertTrue(trial.kill().aimed(), trial.toString());
            assertTrue(output.out().contains("trial " + trial.trial() + "/3: killed " + trial.killedAfterMillis()
                    + " ms after open (aimed)"), output.out());
            if (trial.kill().during().seen()) {
                assertTrue(trial.kill().evidence().matches(".*\\d+\\.sst (appeared|grew|was written).*"),
                        trial.kill().evidence());
                assertTrue(output.out().contains("landed during: " + trial.kill().during().label() + " ("),
                        output.out());
            }
        }
    }

    @Test
    void badInputIsOneLineAndExit2() throws Exception {
        Path aFile = Files.writeString(temp.resolve("a-file"), "x");
        Path notEmpty = Files.createDirectories(temp.resolve("full"));
        Files.writeString(notEmpty.resolve("x"), "x");
        String[][] cases = {
            {"--trials", "0"}, {"allowed: 1..100000"},
            {"--trials", "many"}, {"'many' is not a whole number"},
            {"--max-delay-ms", "0"}, {"allowed: 1..600000"},
            {"--keys", "5"}, {"allowed: 32..1000000"},
            {"--engines", "nosuch"}, {"known engines"},
            {"--engines", "memory"}, {"not persistent"},
            {"--engines", "rocksdb,rocksdb"}, {"twice"},
            {"--engines", "rocksdb,"}, {"empty item"},
            {"--durability", "none"}, {"cannot honour durability 'none'"},
            {"--durability", "fast"}, {"unknown durability profile 'fast'"},
            {"--out", aFile.toString()}, {"is a file"},
            {"--out", notEmpty.toString()}, {"is not empty"},
            {"--aim", "sideways"}, {"allowed: background|random|mixed"},
            {"--memtables", "tiny"}, {"allowed: small|default"},
            {"--bogus"}, {"--bogus"},
        };
        for (int i = 0; i < cases.length; i += 2) {
            Output output = crashcheck(cases[i]);
            assertEquals(2, output.exit(), String.join(" ", cases[i]) + ": " + output.err());
            assertEquals(1, output.err().lines().count(), output.err());
            assertTrue(output.err().startsWith("storebench crashcheck: "), output.err());
            assertTrue(output.err().contains(cases[i + 1][0]), String.join(" ", cases[i]) + ": " + output.err());
            assertEquals("", output.out());
        }
    }
}
