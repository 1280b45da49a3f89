package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.etcd.EtcdTesting;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.OperationResult;
import io.storebench.stats.model.RunRecord;
import io.storebench.stats.model.ServerDeathRecord;
import io.storebench.stats.model.Unavailability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The managed etcd member of a run killed with SIGKILL in its second measurement iteration, through
 * the real jar: the fork says the member died and records it, the window that opens is reported as
 * open to the end of the fork (never as a closed "longest window"), the iterations after the death
 * have no throughput (every call failed, and a failed call is no throughput), the run ends
 * incomplete with exit 1, and no etcd process or data is left.
 */
class EtcdMemberDeathIT {
    @TempDir
    Path temp;

    @BeforeAll
    static void etcdIsInstalled() {
        EtcdTesting.requireEtcd();
    }

    /**
     * A request deadline of 3 s: a shorter one can run out on the first request of a cold JVM on a
     * loaded machine (the preflight's open), and every call after the death takes about this long.
     */
    @Test
    void aManagedMemberKilledDuringARunIsSaidRecordedAndItsWindowStaysOpen() throws Exception {
        Path out = temp.resolve("member-death");
        BenchmarksJar.Running run = BenchmarksJar.start(temp, Map.of(), "run", "--engines", "etcd", "--durability",
                "buffered", "--etcd-request-timeout-ms", "3000", "--records", "500", "--threads", "2", "--forks", "1",
                "--warmup-iterations", "1", "--warmup-time", "1s", "--iterations", "4", "--iteration-time", "1s",
                "--out", out.toString());
        run.awaitOutput("Iteration   2:", Duration.ofMinutes(3));
        Thread.sleep(300);
        List<ProcessHandle> members = run.process().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/etcd")).orElse(false)).toList();
        assertEquals(1, members.size(), "one managed member, a descendant of the run: " + members);
        ProcessHandle member = members.get(0);
        long killedAt = System.currentTimeMillis();
        assertTrue(member.destroyForcibly(), "SIGKILL sent to " + member.pid());
        BenchmarksJar.Result result = run.finish();
        String console = result.out() + result.err();

        assertEquals(1, result.exitCode(), "a run whose server died is incomplete: " + console);
        assertTrue(console.contains("storebench: etcd: managed member m0 (pid " + member.pid() + ") died "), console);
        assertTrue(console.contains("in measurement iteration 2: killed by SIGKILL (exit code 137)"), console);
        assertTrue(result.out().contains("INCOMPLETE: etcd: a server died in 1 of 1 forks"), result.out());
        assertTrue(result.out().contains("until the end of the fork"), result.out());
        assertFalse(result.out().contains("the longest window without a successful operation"),
                "no window closed, so none is called the longest: " + result.out());

        RunRecord record = JsonFiles.MAPPER.readValue(out.resolve("run.json").toFile(), RunRecord.class);
        assertFalse(record.complete());
        assertEquals(List.of("etcd: a server died in 1 of 1 forks"), record.missing());
        ForkResult fork = record.engines().get(0).forks().get(0);
        assertEquals(1, fork.serverDeaths().size(), fork.serverDeaths().toString());
        ServerDeathRecord death = fork.serverDeaths().get(0);
        assertEquals(member.pid(), death.pid());
        assertEquals("SIGKILL", death.signal());
        assertEquals(137, death.exitCode());
        assertEquals("measurement iteration 2", death.phase());
        assertTrue(Math.abs(death.epochMillis() - killedAt) < 2_000, killedAt + " vs " + death);

        Unavailability open = fork.openAtEnd();
        assertNotNull(open, "the window is open at the end of the fork: " + fork.unavailable());
        assertEquals(1, fork.unavailable().size(), "one window over the iterations: " + fork.unavailable());
        assertTrue(Math.abs(open.startEpochMillis() - killedAt) < 1_000, "it opens at the kill (" + killedAt + "): "
                + open);
        assertTrue(open.durationNanos() > 1_500_000_000L, "it lasts over iterations 3 and 4: " + open);

        List<Double> iterations = fork.iterationThroughputs();
        assertEquals(4, iterations.size());
        assertTrue(iterations.get(0) > 0, "before the kill operations went through: " + iterations);
        assertEquals(List.of(0.0, 0.0), iterations.subList(2, 4), "after it nothing succeeded, and a failed"
                + " call is no throughput: " + iterations);
        long errors = fork.errors();
        long calls = fork.operations().stream().mapToLong(o -> o.latency().count()).sum();
        assertTrue(errors > 0 && errors < calls, errors + " of " + calls);
        double succeededPerSecond = fork.operations().stream().mapToDouble(OperationResult::throughput).sum();
        assertEquals(fork.throughput(), succeededPerSecond, 1e-6 * fork.throughput(),
                "the fork's throughput is its operation types' throughputs of what succeeded");

        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| managed member m0 | " + member.pid() + " |"), report);
        assertTrue(report.contains("open for at least"), report);

        assertFalse(Files.exists(out.resolve("data")), "no data directory left");
        assertEquals(List.of(), ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(out.toString())).orElse(false))
                .map(ProcessHandle::pid).toList(), "no process of the run is left (etcd members, watchdog)");
    }
}
