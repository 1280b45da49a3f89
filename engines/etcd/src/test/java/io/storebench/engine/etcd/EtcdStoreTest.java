package io.storebench.engine.etcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.EngineStats;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Metric;
import io.storebench.engine.ServerDeath;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The etcd engine against real etcd processes: the managed cluster's life, endpoints, failures, statistics. */
class EtcdStoreTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    @BeforeAll
    static void etcdIsInstalled() {
        EtcdTesting.requireEtcd();
    }

    private KeyValueStore open(Durability durability, Map<String, String> options) {
        return registry.open("etcd", EngineConfig.of(temp.resolve("data")).withDurability(durability)
                .withOptions(options));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theManagedMemberIsStoppedAndItsDataRemovedAtCloseLeavingNoProcess() {
        Path members = temp.resolve("data").resolve(ManagedEtcd.MEMBERS_FOLDER);
        List<ProcessHandle> running;
        try (KeyValueStore store = open(Durability.STRICT, Map.of())) {
            store.put(bytes("k"), bytes("v"));
            running = EtcdTesting.etcdDescendants();
            assertEquals(1, running.size(), "one member while open: " + running);
            assertTrue(Files.isDirectory(members.resolve("m0")), "member data under the data directory");
        }
        for (ProcessHandle process : running) {
            assertFalse(process.isAlive(), "member " + process.pid() + " still alive after close");
        }
        assertEquals(List.of(), EtcdTesting.etcdDescendants());
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList(),
                "no child process at all (the watchdog included)");
        assertFalse(Files.exists(members), "member data removed");
    }

    /**
     * keep-data: the member is stopped at close but its data stays (nor does the watchdog remove
     * it), and the next store's member, on new ports, starts on it and finds what was written.
     */
    @Test
    void withKeepDataTheMemberStartsAgainOnTheDataItLeft() {
        Path member = temp.resolve("data").resolve(ManagedEtcd.MEMBERS_FOLDER).resolve("m0");
        Map<String, String> keep = Map.of("keep-data", "true");
        try (KeyValueStore store = open(Durability.BUFFERED, keep)) {
            store.put(bytes("k"), bytes("kept"));
        }
        assertEquals(List.of(), EtcdTesting.etcdDescendants());
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList(),
                "no child process at all (the watchdog included)");
        assertTrue(Files.isDirectory(member), "member data kept at close");
        try (KeyValueStore store = open(Durability.BUFFERED, keep)) {
            ValueBuffer value = new ValueBuffer(16);
            assertTrue(store.get(bytes("k"), value), "the key written before the restart");
            assertEquals("kept", new String(value.array(), 0, value.length(), StandardCharsets.UTF_8));
        }
        assertTrue(Files.isDirectory(member), "member data kept after the second close");
    }

    /**
     * A member killed from outside while the store is open is a death the store reports (how, when,
     * its pid); the store stopping its members at close is none.
     */
    @Test
    void aMemberKilledWhileTheStoreIsOpenIsReportedAsDeadAndClosingIsNoDeath() throws Exception {
        KeyValueStore store = open(Durability.BUFFERED, Map.of("request-timeout-ms", "300"));
        try (store) {
            store.put(bytes("k"), bytes("v"));
            assertEquals(List.of(), store.serverDeaths(), "every member lives");
            ProcessHandle member = EtcdTesting.etcdDescendants().get(0);
            long before = System.currentTimeMillis();
            assertTrue(member.destroyForcibly(), "SIGKILL sent");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.serverDeaths().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<ServerDeath> deaths = store.serverDeaths();
            assertEquals(1, deaths.size(), deaths.toString());
            ServerDeath death = deaths.get(0);
            assertEquals("managed member m0", death.server());
            assertEquals(member.pid(), death.pid());
            assertEquals(137, death.exitCode());
            assertEquals("SIGKILL", death.signal());
            assertEquals("killed by SIGKILL (exit code 137)", death.how());
            assertTrue(death.epochMillis() >= before && death.epochMillis() < before + 10_000, death.toString());
            assertThrows(StoreException.class, () -> store.put(bytes("k"), bytes("v2")), "the server is gone");
        }
        assertEquals(1, store.serverDeaths().size(), "closing adds no death: " + store.serverDeaths());
        assertEquals(List.of(), EtcdTesting.etcdDescendants());
        assertFalse(Files.exists(temp.resolve("data").resolve(ManagedEtcd.MEMBERS_FOLDER)), "member data removed");
    }

    /** The server's version comes from the server (jetcd's maintenance status): the one its binary prints. */
    @Test
    void theStoreNamesTheServerVersionItReached() throws Exception {
        Process version = new ProcessBuilder(EtcdTesting.requireEtcd().toString(), "--version").redirectErrorStream(true)
                .start();
        String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(version.waitFor(10, TimeUnit.SECONDS));
        String expected = printed.lines().filter(l -> l.startsWith("etcd Version:")).findFirst().orElseThrow()
                .substring("etcd Version:".length()).trim();
        try (KeyValueStore store = open(Durability.BUFFERED, Map.of())) {
            assertEquals(Map.of("etcd-server", expected), store.versions());
        }
        assertTrue(new EtcdEngine().versions().get("jetcd").matches("\\d+\\.\\d+\\.\\d+.*"), "jetcd's version");
    }

    @Test
    void bufferedIsUnsafeNoFsyncAndStrictIsEtcdsDefault() {
        for (Durability durability : List.of(Durability.STRICT, Durability.BUFFERED)) {
            try (KeyValueStore store = open(durability, Map.of())) {
                List<String> arguments = Arrays.asList(((EtcdStore) store).server().members().get(0).process().info()
                        .arguments().orElseThrow());
                assertEquals(durability == Durability.BUFFERED, arguments.contains("--unsafe-no-fsync"),
                        durability + ": " + arguments);
                assertTrue(arguments.containsAll(List.of("--auto-compaction-mode", "revision")), arguments.toString());
            }
        }
    }

    @Test
    void threeMembersAreARealClusterThatSurvivesOneLossAndFailsFastWithoutQuorum() {
        Map<String, String> options = Map.of("members", "3", "request-timeout-ms", "3000");
        try (KeyValueStore store = open(Durability.BUFFERED, options)) {
            ManagedEtcd server = ((EtcdStore) store).server();
            assertEquals(3, server.liveProcesses().size());
            assertEquals(3, EtcdTesting.etcdDescendants().size());
            store.put(bytes("before"), bytes("3"));

            int leader = server.leaderIndex();
            assertTrue(leader >= 0, "a leader");
            int follower = (leader + 1) % 3; // losing the leader is EtcdFailoverTest's case
            server.kill(follower);
            store.put(bytes("after-one-loss"), bytes("2 of 3"));
            assertArrayEquals(bytes("3"), read(store, "before"));

            server.kill(leader);
            long start = System.nanoTime();
            StoreException e = assertThrows(StoreException.class, () -> store.put(bytes("no-quorum"), bytes("x")));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 5_000, "failed after " + millis + " ms, not within the 3000 ms deadline");
            assertTrue(e.getMessage().startsWith("etcd: put "), e.getMessage());
        }
        assertEquals(List.of(), EtcdTesting.etcdDescendants());
    }

    @Test
    void aKilledSingleMemberMakesEveryOperationFailFast() {
        // 300 ms is below jetcd's default retry delay (500 ms), which it used to refuse at open.
        try (KeyValueStore store = open(Durability.BUFFERED, Map.of("request-timeout-ms", "300"))) {
            store.put(bytes("k"), bytes("v"));
            ((EtcdStore) store).server().kill(0);
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                assertThrows(StoreException.class, () -> store.put(bytes("k"), bytes("v2")));
                assertThrows(StoreException.class, () -> store.get(bytes("k"), new ValueBuffer(4)));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(millis < 3_000, "two failed calls took " + millis + " ms with a 300 ms deadline");
            }
        }
    }

    @Test
    void withEndpointsItStartsNothingAndTheDataOutlivesTheStore() {
        try (ManagedEtcd cluster = ManagedEtcd.start(ManagedEtcd.Settings.defaults(temp.resolve("cluster"))
                .withUnsafeNoFsync(true))) {
            Map<String, String> options = Map.of("endpoints", cluster.endpoints(), "key-prefix", "run-1/",
                    "reads", "serializable", "connections", "3");
            try (KeyValueStore store = open(Durability.STRICT, options)) {
                assertEquals(1, EtcdTesting.etcdDescendants().size(), "only the test's own member");
                assertEquals(null, ((EtcdStore) store).server());
                store.put(bytes("kept"), bytes("yes"));
            }
            try (KeyValueStore again = open(Durability.STRICT, options);
                    KeyValueStore otherPrefix = open(Durability.STRICT, Map.of("endpoints", cluster.endpoints(),
                            "key-prefix", "run-2/"))) {
                assertArrayEquals(bytes("yes"), read(again, "kept"));
                assertEquals(null, read(otherPrefix, "kept"), "another key prefix sees nothing of run-1");
            }
            assertTrue(cluster.liveProcesses().size() == 1, "closing the store left the cluster running");
        }
    }

    @Test
    void unreachableEndpointsFailClearlyWithinTheConnectTimeout() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // free once closed: nothing listens there
        }
        Map<String, String> options = Map.of("endpoints", "127.0.0.1:" + port, "connect-timeout-ms", "1500");
        long start = System.nanoTime();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> open(Durability.STRICT, options));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 4_000, "took " + millis + " ms with connect-timeout-ms=1500");
        assertTrue(e.getMessage().contains("127.0.0.1:" + port) && e.getMessage().contains("connect-timeout-ms=1500"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void statsReadTheMembersWalBytesFsyncP99AndDiskUsage() {
        try (KeyValueStore store = open(Durability.STRICT, Map.of())) {
            EngineStats before = store.stats();
            byte[] value = new byte[1000];
            for (int i = 0; i < 50; i++) {
                store.put(bytes("stats-" + i), value);
            }
            EngineStats after = store.stats();
            EngineStats delta = after.since(before);
            long walBytes = delta.get(Metric.LOG_BYTES_WRITTEN).orElseThrow().value();
            assertTrue(walBytes >= 50 * 1000, "the WAL holds at least the values: " + walBytes);
            assertTrue(walBytes < 50 * 1000 * 4, "and not wildly more: " + walBytes);
            long fsyncP99 = after.get(Metric.LOG_SYNC_P99_NANOS).orElseThrow().value();
            assertTrue(fsyncP99 > 0 && fsyncP99 < 8_192_000_000L, "fsync p99 " + fsyncP99 + " ns");
            assertTrue(after.get(Metric.BYTES_ON_DISK).orElseThrow().value() > 50 * 1000);
            assertTrue(delta.get(Metric.ENGINE_BYTES_WRITTEN).orElseThrow().proxy());
            assertTrue(delta.get(Metric.ENGINE_BYTES_WRITTEN).orElseThrow().value() >= walBytes,
                    "the members' write calls include their WAL");
            EngineStats idle = store.stats();
            assertFalse(idle.get(Metric.LOG_SYNC_P99_NANOS).isPresent(), "no fsync since the previous snapshot: "
                    + idle);
            store.close();
            assertEquals(store.stats().get(Metric.LOG_BYTES_WRITTEN), store.stats().get(Metric.LOG_BYTES_WRITTEN),
                    "stats after close are the last values read");
        }
    }

    @Test
    void aJvmThatHaltsLeavesNoMemberAndNoDataBehind() throws Exception {
        Path directory = temp.resolve("halted");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HaltingMain.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
        List<Long> pids;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            String pidLine = null;
            StringBuilder output = new StringBuilder();
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("members ")) {
                    pidLine = line;
                }
            }
            assertTrue(pidLine != null, "the child printed its members' pids: " + output);
            pids = Arrays.stream(pidLine.substring(8).split(" ")).map(Long::valueOf).toList();
        }
        assertEquals(HaltingMain.EXIT, child.waitFor());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<Long, Boolean> alive = new HashMap<>();
        do {
            Thread.sleep(100);
            pids.forEach(pid -> alive.put(pid, ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        } while ((alive.containsValue(true) || Files.exists(directory.resolve(ManagedEtcd.MEMBERS_FOLDER)))
                && System.nanoTime() < deadline);
        assertFalse(alive.containsValue(true), "members alive after their JVM halted: " + alive);
        assertFalse(Files.exists(directory.resolve(ManagedEtcd.MEMBERS_FOLDER)), "data left after the JVM halted");
    }

    private static byte[] read(KeyValueStore store, String key) {
        ValueBuffer buffer = new ValueBuffer(8);
        return store.get(bytes(key), buffer) ? buffer.toByteArray() : null;
    }
}
