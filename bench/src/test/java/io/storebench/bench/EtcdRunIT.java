package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcd.jetcd.Client;
import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.etcd.EtcdTesting;
import io.storebench.engine.etcd.ManagedEtcd;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.Unavailability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} against real etcd clusters through the real jar: the leader of a 3-member cluster is
 * killed during the measurement and the run finishes with the errors, the window of unavailability
 * and the latency spike in its results; and a run with authentication takes the password from
 * {@code $STOREBENCH_ETCD_PASSWORD} and leaves it in none of its files or output.
 */
class EtcdRunIT {
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime()) + "-secret";

    @TempDir
    Path temp;

    @BeforeAll
    static void etcdIsInstalled() {
        EtcdTesting.requireEtcd();
    }

    @Test
    void killingTheLeaderDuringARunIsReportedAsErrorsAWindowAndASpike() throws Exception {
        try (ManagedEtcd etcd = ManagedEtcd.start(ManagedEtcd.Settings.defaults(temp.resolve("cluster"))
                .withMembers(3).withUnsafeNoFsync(true))) {
            Path out = temp.resolve("leader-kill");
            // A request deadline well under etcd's 1 s election timeout: calls waiting for a new leader fail.
            BenchmarksJar.Running run = BenchmarksJar.start(temp, Map.of(), "run", "--engines", "etcd",
                    "--etcd-endpoints", etcd.endpoints(), "--etcd-request-timeout-ms", "400", "--etcd-connections", "3",
                    "--records", "2000", "--threads", "4", "--forks", "1", "--warmup-iterations", "1", "--warmup-time",
                    "1s", "--iterations", "8", "--iteration-time", "1s", "--out", out.toString());
            run.awaitOutput("Iteration   3:", Duration.ofMinutes(3));
            int leader = etcd.leaderIndex();
            assertTrue(leader >= 0, "the cluster has a leader before the kill");
            long killedAt = System.currentTimeMillis();
            etcd.kill(leader);
            BenchmarksJar.Result result = run.finish();
            assertEquals(0, result.exitCode(), "the run finishes: " + result.err() + result.out());
            assertTrue(result.out().contains("operations failed in 1 of 1 forks"), result.out());

            RunRecord record = JsonFiles.MAPPER.readValue(out.resolve("run.json").toFile(), RunRecord.class);
            assertTrue(record.complete());
            ForkResult fork = record.engines().get(0).forks().get(0);
            long errors = fork.operations().stream().mapToLong(OperationResult::errors).sum();
            assertTrue(errors > 0, "errors are counted: " + fork.operations());
            assertFalse(fork.unavailable().isEmpty(), "a window of unavailability is recorded");
            Unavailability longest = fork.unavailable().stream()
                    .max(java.util.Comparator.comparingLong(Unavailability::durationNanos)).orElseThrow();
            assertTrue(longest.durationNanos() >= 300_000_000L && longest.durationNanos() < 20_000_000_000L,
                    "the window lasts about one election, not forever: " + fork.unavailable());
            assertTrue(Math.abs(longest.startEpochMillis() - killedAt) < 3_000,
                    "the window opens at the kill (" + killedAt + "): " + fork.unavailable());

            // The spike in latency over time: the p99 of the interval with the kill stands far above the others.
            double[] p99s = intervalP99s(out.resolve("hdr").resolve(fork.forkId() + ".hlog"));
            double[] sorted = p99s.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            assertTrue(sorted[sorted.length - 1] > 10 * median, "a spike over the median p99 " + median + ": "
                    + Arrays.toString(p99s));

            String report = Files.readString(out.resolve("report.md"));
            assertTrue(report.contains("# Errors and unavailability"), report);
            assertTrue(report.contains(fork.forkId()), report);
            String html = Files.readString(out.resolve("report.html"));
            assertTrue(html.contains("class=\"band\""), "the window is shaded on the p99 timeline");
        }
    }

    /** The p99 of each measurement iteration, all operation types together, from a fork's interval log. */
    private static double[] intervalP99s(Path log) throws IOException {
        Map<Double, Histogram> byStart = new java.util.TreeMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            org.HdrHistogram.EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                Histogram histogram = (Histogram) next;
                byStart.computeIfAbsent(next.getStartTimeStamp() / 1000.0, s -> new Histogram(3)).add(histogram);
            }
        }
        return byStart.values().stream().mapToDouble(h -> h.getValueAtPercentile(99)).toArray();
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndIsWrittenNowhere() throws Exception {
        try (ManagedEtcd etcd = ManagedEtcd.start(ManagedEtcd.Settings.defaults(temp.resolve("auth-cluster"))
                .withUnsafeNoFsync(true))) {
            try (Client admin = Client.builder().endpoints(etcd.clientUrls().toArray(String[]::new)).build()) {
                EtcdTesting.enableAuth(admin, PASSWORD);
            }
            Path out = temp.resolve("auth");
            String[] args = {"run", "--engines", "etcd", "--etcd-endpoints", etcd.endpoints(), "--etcd-user", "bench",
                "--etcd-key-prefix", "bench/", "--records", "500", "--threads", "2", "--forks", "1",
                "--warmup-iterations", "1", "--warmup-time", "500ms", "--iterations", "2", "--iteration-time",
                "500ms", "--out", out.toString()};
            BenchmarksJar.Result result = BenchmarksJar.start(temp, Map.of("STOREBENCH_ETCD_PASSWORD", PASSWORD), args)
                    .finish();
            assertEquals(0, result.exitCode(), result.err() + result.out());
            RunRecord record = JsonFiles.MAPPER.readValue(out.resolve("run.json").toFile(), RunRecord.class);
            assertEquals(0, record.engines().get(0).forks().get(0).operations().stream()
                    .mapToLong(OperationResult::errors).sum(), "authenticated operations succeed");
            Secrets.assertNowhere(PASSWORD, out, result);

            // A wrong password: refused before any fork, in one line that shows neither password.
            Path wrong = temp.resolve("auth-wrong");
            args[args.length - 1] = wrong.toString();
            BenchmarksJar.Result refused = BenchmarksJar.start(temp, Map.of("STOREBENCH_ETCD_PASSWORD",
                    "not-" + PASSWORD), args).finish();
            assertEquals(2, refused.exitCode(), refused.err() + refused.out());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().contains("authentication failed"), refused.err());
            assertFalse((refused.err() + refused.out()).contains(PASSWORD), refused.err());

            // Without it: the one line names the variable.
            BenchmarksJar.Result missing = BenchmarksJar.start(temp, Map.of(), args).finish();
            assertEquals(2, missing.exitCode(), missing.err() + missing.out());
            assertTrue(missing.err().contains("STOREBENCH_ETCD_PASSWORD"), missing.err());
        }
    }
}
