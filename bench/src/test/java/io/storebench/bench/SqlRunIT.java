package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.sql.SqlTesting;
import io.storebench.engine.sql.SqlTesting.Kind;
import io.storebench.stats.model.EngineMetrics;
import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} of the SQL engines through the real jar: a smoke run of {@code postgres} and
 * {@code mysql} on their managed servers beside {@code rocksdb}, with the servers' counters in the
 * results and the report and no server left behind; runs against an existing PostgreSQL and MariaDB
 * whose user needs a password, which comes from the environment and is written nowhere; and a given
 * server that cannot be used (wrong password, closed port, something else listening, silence) is
 * one line and exit 2, before any fork.
 *
 * <p>A test that starts a server skips without PostgreSQL or MariaDB installed, and fails under
 * {@code STOREBENCH_CI=1}; the unusable servers need neither, only the driver in the jar.
 */
class SqlRunIT {
    private static final String PASSWORD = "s3cret-pw-123";
    private static final String TABLE = "storebench_kv";
    private static final int RECORDS = 1000;

    @TempDir
    Path temp;

    @Test
    void smokeRunOfBothManagedServersBesideRocksDbReportsTheirCountersAndLeavesNoServer() throws Exception {
        SqlTesting.requirePostgres();
        SqlTesting.requireMariaDb();
        Path out = temp.resolve("smoke");
        List<String> engines = List.of("postgres", "mysql", "rocksdb");
        BenchmarksJar.Running run = BenchmarksJar.start(temp, Map.of(), "run", "--engines", String.join(",", engines),
                "--records", "2000", "--profile", "smoke", "--forks", "1", "--warmup-time", "500ms", "--iteration-time",
                "500ms", "--out", out.toString());
        // Each managed server, seen while its fork measures: the processes that must be gone at the end.
        List<Seen> servers = new ArrayList<>();
        run.awaitOutput("storebench: loaded postgres", Duration.ofMinutes(2));
        servers.addAll(serverProcesses(out, "postgres"));
        run.awaitOutput("storebench: loaded mysql", Duration.ofMinutes(2));
        servers.addAll(serverProcesses(out, "mariadbd"));
        BenchmarksJar.Result result = run.finish();
        assertEquals(0, result.exitCode(), result.err() + result.out());
        assertTrue(servers.stream().anyMatch(p -> p.program().equals("postgres"))
                && servers.stream().anyMatch(p -> p.program().equals("mariadbd")),
                "both managed servers ran under the run folder: " + servers);

        RunRecord record = JsonFiles.read(out.resolve("run.json"), RunRecord.class);
        assertTrue(record.complete(), record.missing().toString());
        assertEquals(engines, record.engines().stream().map(EngineRun::engine).toList());
        for (EngineRun engine : record.engines()) {
            assertEquals(1, engine.forks().size(), engine.engine() + ": its one fork finished");
            ForkResult fork = engine.forks().get(0);
            assertEquals(0, fork.load().errors(), engine.engine());
            assertTrue(fork.throughput() > 0, engine.engine());
            for (OperationResult operation : fork.operations()) {
                assertTrue(operation.latency().count() > 0, engine.engine() + " " + operation.operation());
                assertEquals(0, operation.errors(), engine.engine() + " " + operation.operation());
                assertEquals(0, operation.integrityFailures(), engine.engine() + " " + operation.operation());
                assertEquals(!engine.engine().equals("rocksdb"), operation.retries() != null,
                        engine.engine() + " " + operation.operation() + ": a SQL store's retries, 0 or more; none for"
                                + " rocksdb, which does not retry");
            }
        }
        assertServerCounters(record, "postgres", "pg_stat_database", "pg_current_wal_lsn");
        assertServerCounters(record, "mysql", "Innodb_buffer_pool", "Innodb_os_log_written");
        assertTrue(record.engines().get(0).versions().get("postgres-server").startsWith("PostgreSQL 15"),
                record.engines().get(0).versions().toString());
        assertTrue(record.engines().get(1).versions().get("mysql-server").contains("MariaDB"),
                record.engines().get(1).versions().toString());

        // Nothing of the servers outlives the run: not a process, not a folder.
        for (Seen server : servers) {
            assertFalse(server.process().isAlive(), "a server process outlived the run: " + server);
        }
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(out.toString())).map(SqlRunIT::describe)
                .toList();
        assertEquals(List.of(), left, "processes of the run folder outlived the run");
        try (Stream<Path> walk = Files.walk(out)) {
            List<Path> folders = walk.filter(p -> p.endsWith("postgres-server") || p.endsWith("mariadb-server")).toList();
            assertEquals(List.of(), folders, "server folders left in the run folder");
        }
        assertFalse(Files.exists(out.resolve("data")), "every fork removed its data");

        // report rebuilds the report: it ranks the three and shows both servers' hit ratio and log rate.
        Files.delete(out.resolve("report.md"));
        BenchmarksJar.Result report = BenchmarksJar.run(temp, "report", out.toString());
        assertEquals(0, report.exitCode(), report.err() + report.out());
        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.contains("## Engine selection: ycsb-a, ranked by throughput"), markdown);
        Set<String> ranks = new TreeSet<>();
        for (String engine : engines) {
            Matcher row = Pattern.compile("(?m)^\\| ([123]) \\| " + engine + " \\| 1 \\| ").matcher(markdown);
            assertTrue(row.find(), engine + " is ranked: " + markdown);
            ranks.add(row.group(1));
        }
        assertEquals(Set.of("1", "2", "3"), ranks, "one rank each: " + markdown);
        assertTrue(markdown.contains("| engine | cache hit ratio | log bytes/s |"), markdown);
        assertTrue(markdown.contains("| errors | integrity | retries |"), "the SQL stores retry: " + markdown);
        assertTrue(markdown.contains("checkpoints | server CPU/op |"), markdown);
        for (String engine : List.of("postgres", "mysql")) {
            assertTrue(Pattern.compile("(?m)^\\| " + engine + " \\| [01]\\.\\d{3} \\| [0-9.,]+ (B|KiB|MiB|GiB)/s \\|")
                    .matcher(markdown).find(), engine + "'s hit ratio and log bytes/s in the report: " + markdown);
        }
    }

    /** The engine's one fork has a hit ratio and a log rate, each from the server's own counter. */
    private static void assertServerCounters(RunRecord record, String engine, String hitSource, String logSource) {
        EngineMetrics metrics = record.engines().stream().filter(e -> e.engine().equals(engine)).findFirst()
                .orElseThrow().forks().get(0).engineMetrics();
        assertNotNull(metrics, engine);
        assertNotNull(metrics.cacheHitRatio(), engine + ": " + metrics.sources());
        assertTrue(metrics.cacheHitRatio() >= 0 && metrics.cacheHitRatio() <= 1, engine + " " + metrics.cacheHitRatio());
        assertNotNull(metrics.logBytesPerSecond(), engine + ": " + metrics.sources());
        assertTrue(metrics.logBytesPerSecond() > 0, engine + ": updates write the log");
        assertTrue(metrics.sources().get("cacheHitRatio").contains(hitSource), metrics.sources().toString());
        assertTrue(metrics.sources().get("logBytesPerSecond").contains(logSource), metrics.sources().toString());
        assertNotNull(metrics.serverCpuNanosPerOperation(), engine + ": " + metrics.sources());
        assertTrue(metrics.serverCpuNanosPerOperation() > 0, engine + ": the managed server worked");
        assertTrue(metrics.sources().get("serverCpuNanosPerOperation").startsWith("managed server"),
                metrics.sources().toString());
        assertEquals(engine.equals("postgres"), metrics.checkpoints() != null, engine + ": " + metrics.sources());
    }

    /** A server process seen during the run, with what it ran: a process that has ended no longer says. */
    private record Seen(ProcessHandle process, String program, String commandLine) {
        @Override
        public String toString() {
            return process.pid() + " " + commandLine;
        }
    }

    /**
     * The running processes of {@code program} whose command line names a path under {@code folder},
     * with their children (PostgreSQL's have rewritten their command lines).
     */
    private static List<Seen> serverProcesses(Path folder, String program) {
        List<Seen> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/" + program)
                && p.info().commandLine().orElse("").contains(folder.toString())).forEach(p -> {
                    found.add(new Seen(p, program, p.info().commandLine().orElse("?")));
                    p.descendants().forEach(child -> found.add(new Seen(child, program + " child",
                            child.info().commandLine().orElse("?"))));
                });
        return found;
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    // ---------------------------------------------------------------- existing servers

    @Test
    void anExistingPostgresTakesThePasswordFromTheEnvironmentAndRefusesAWrongOneInOneLine() throws Exception {
        try (SqlTesting.Server server = new SqlTesting.Server(Kind.POSTGRES, temp.resolve("server"), PASSWORD)) {
            Path out = temp.resolve("existing");
            String[] args = shortRun("postgres", out, "postgres.url=" + server.url() + ",postgres.user=" + server.user());
            BenchmarksJar.Result result = BenchmarksJar.start(temp, Map.of("STOREBENCH_POSTGRES_PASSWORD", PASSWORD),
                    args).finish();
            assertEquals(0, result.exitCode(), result.err() + result.out());
            assertRanOnTheServer(out, "postgres", "PostgreSQL 15");
            assertEquals(RECORDS, rows(server), "the run loaded its records into the given server");
            Secrets.assertNowhere(PASSWORD, out, result);

            // A wrong password: refused before any fork, in one line that shows no password.
            Path wrong = temp.resolve("existing-wrong");
            args[args.length - 1] = wrong.toString();
            BenchmarksJar.Result refused = BenchmarksJar.start(temp, Map.of("STOREBENCH_POSTGRES_PASSWORD",
                    "not-" + PASSWORD), args).finish();
            assertOneLineRefusal(refused, "password authentication failed");
            assertFalse(refused.err().contains(PASSWORD) || refused.out().contains(PASSWORD), refused.err());
            assertFalse(Files.exists(wrong), "a refused run leaves no folder");

            // None: the one line names the variable.
            BenchmarksJar.Result missing = BenchmarksJar.start(temp, Map.of(), args).finish();
            assertOneLineRefusal(missing, "STOREBENCH_POSTGRES_PASSWORD");
        }
    }

    @Test
    void anExistingMariaDbTakesThePasswordFromTheEnvironment() throws Exception {
        try (SqlTesting.Server server = new SqlTesting.Server(Kind.MARIADB, temp.resolve("server"), PASSWORD)) {
            Path out = temp.resolve("existing");
            String[] args = shortRun("mysql", out, "mysql.url=" + server.url() + ",mysql.user=" + server.user());
            BenchmarksJar.Result result = BenchmarksJar.start(temp, Map.of("STOREBENCH_MYSQL_PASSWORD", PASSWORD), args)
                    .finish();
            assertEquals(0, result.exitCode(), result.err() + result.out());
            assertRanOnTheServer(out, "mysql", "MariaDB");
            assertEquals(RECORDS, rows(server), "the run loaded its records into the given server");
            Secrets.assertNowhere(PASSWORD, out, result);
        }
    }

    /** The run's one fork worked on the given server and started none of its own. */
    private static void assertRanOnTheServer(Path out, String engine, String serverVersion) throws IOException {
        RunRecord record = JsonFiles.read(out.resolve("run.json"), RunRecord.class);
        assertTrue(record.complete(), record.missing().toString());
        ForkResult fork = record.engines().get(0).forks().get(0);
        assertEquals(0, fork.operations().stream().mapToLong(OperationResult::errors).sum(), "operations succeed");
        assertTrue(record.engines().get(0).versions().get(engine + "-server").contains(serverVersion),
                record.engines().get(0).versions().toString());
        EngineMetrics metrics = fork.engineMetrics();
        assertEquals(null, metrics.serverCpuNanosPerOperation(), "not this machine's process to read");
        assertTrue(metrics.sources().get("serverCpuNanosPerOperation").startsWith("not reported: an existing server"),
                metrics.sources().toString());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("- " + engine + " serverCpuNanosPerOperation: not reported: an existing server"),
                report);
    }

    /** The rows of the run's table on {@code server}, read as its user with the password. */
    private static long rows(SqlTesting.Server server) throws Exception {
        Properties login = new Properties();
        login.setProperty("user", server.user());
        login.setProperty("password", PASSWORD);
        try (Connection connection = DriverManager.getConnection(server.url(), login);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            count.next();
            return count.getLong(1);
        }
    }

    // ---------------------------------------------------------------- servers that cannot be used

    @Test
    void aClosedPortSomethingElseAndSilenceAreEachOneLineWithinTheConnectTimeout() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        assertRefusedQuickly(closed, "closed", "cannot connect to jdbc:postgresql://127.0.0.1:" + closed + "/postgres");

        // A web server's answer where PostgreSQL's is expected.
        try (Listener http = new Listener("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            assertRefusedQuickly(http.port(), "http", "cannot connect to jdbc:postgresql://127.0.0.1:" + http.port());
        }
        // A listener that accepts and never answers: only the connect timeout ends the wait, not the
        // 30 s request timeout.
        try (Listener silent = new Listener(null)) {
            assertRefusedQuickly(silent.port(), "silent", "connect-timeout-ms=2000");
        }
    }

    /** A run against {@code port} exits 2 with one line naming {@code expected}, long before a request timeout. */
    private void assertRefusedQuickly(int port, String name, String expected) throws Exception {
        long started = System.nanoTime();
        BenchmarksJar.Result result = BenchmarksJar.start(temp, Map.of(), shortRun("postgres", temp.resolve(name),
                "postgres.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres,postgres.connect-timeout-ms=2000"))
                .finish();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertOneLineRefusal(result, expected);
        // The bound is the JVM's start and the 2 s timeout with room for a slow machine, well under 30 s.
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, name + ": refused after " + took);
    }

    /** A loopback listener that accepts every connection, writes {@code answer} and closes, or holds it silent if null. */
    private static final class Listener implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Listener(byte[] answer) throws IOException {
            socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        if (answer == null) {
                            held.add(client);
                            continue;
                        }
                        try (client; OutputStream stream = client.getOutputStream()) {
                            stream.write(answer);
                        }
                    } catch (IOException closedOrReset) {
                        // closed by close(), or the client hung up first: next one
                    }
                }
            }, "sql-run-it-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            for (Socket client : held) {
                client.close();
            }
            acceptor.join(5_000);
        }
    }

    // ---------------------------------------------------------------- shared

    /** The shortest run: one fork, one 500 ms warm-up, two 500 ms measurements; {@code --out} last. */
    private static String[] shortRun(String engine, Path out, String engineOptions) {
        return new String[] {"run", "--engines", engine, "--engine-options", engineOptions, "--records",
            Integer.toString(RECORDS), "--threads", "2", "--forks", "1", "--warmup-iterations", "1", "--warmup-time",
            "500ms", "--iterations", "2", "--iteration-time", "500ms", "--out", out.toString()};
    }

    /** Exit 2 and one line on standard error, no stack trace, naming {@code expected}. */
    private static void assertOneLineRefusal(BenchmarksJar.Result result, String expected) {
        assertEquals(2, result.exitCode(), result.err() + result.out());
        assertEquals(1, result.err().lines().count(), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
        assertTrue(result.err().contains(expected), "'" + expected + "' in: " + result.err());
    }
}
