package io.storebench.engine.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader of a real 3-member cluster is killed while two threads write: the writers never
 * hang (no call outlives its deadline), the failures are StoreExceptions the harness counts, and
 * writes succeed again once the two survivors elect a new leader.
 */
class EtcdFailoverTest {
    private static final long DEADLINE_MS = 2_000;

    @TempDir
    Path temp;

    @BeforeAll
    static void etcdIsInstalled() {
        EtcdTesting.requireEtcd();
    }

    /** What one writer saw: each call's start and end (ns since the test began) and whether it failed. */
    private record Call(long start, long end, boolean failed) {
    }

    @Test
    void killingTheLeaderDuringWritesGivesCountedErrorsABoundedGapAndRecovery() throws Exception {
        Map<String, String> options = Map.of("members", "3", "request-timeout-ms", Long.toString(DEADLINE_MS),
                "connections", "2");
        try (KeyValueStore store = EngineRegistry.discover().open("etcd", EngineConfig.of(temp.resolve("data"))
                .withDurability(Durability.STRICT).withOptions(options))) {
            ManagedEtcd server = ((EtcdStore) store).server();
            long origin = System.nanoTime();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Future<List<Call>>> results = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                results.add(writers.submit(() -> {
                    List<Call> calls = new ArrayList<>();
                    for (int i = 0; running.get(); i++) {
                        long start = System.nanoTime() - origin;
                        boolean failed = false;
                        try {
                            store.put(("w" + writer + "-" + (i % 100)).getBytes(StandardCharsets.UTF_8), new byte[100]);
                        } catch (StoreException e) {
                            failed = true;
                        }
                        calls.add(new Call(start, System.nanoTime() - origin, failed));
                    }
                    return calls;
                }));
            }
            Thread.sleep(1_000);
            int leader = server.leaderIndex();
            assertTrue(leader >= 0, "a leader before the kill");
            long killedAt = System.nanoTime() - origin;
            server.kill(leader);
            Thread.sleep(3_500);
            running.set(false);
            List<Call> calls = new ArrayList<>();
            for (Future<List<Call>> result : results) {
                calls.addAll(result.get(DEADLINE_MS * 3, TimeUnit.MILLISECONDS)); // the writers end: nothing hangs
            }
            writers.shutdownNow();

            long longest = calls.stream().mapToLong(c -> c.end() - c.start()).max().orElseThrow();
            assertTrue(longest < TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS + 1_000),
                    "a call took " + longest / 1_000_000 + " ms, beyond the " + DEADLINE_MS + " ms deadline");
            long before = calls.stream().filter(c -> c.end() < killedAt && !c.failed()).count();
            long recovered = calls.stream().filter(c -> c.start() > killedAt && !c.failed()).count();
            long failed = calls.stream().filter(Call::failed).count();
            assertTrue(before > 0, "writes before the kill");
            assertTrue(recovered > 0, "writes succeed again after the new election");
            assertTrue(calls.stream().filter(c -> c.end() < killedAt).allMatch(c -> !c.failed()),
                    "no failure before the kill");
            // the window of unavailability: from the kill to the first success that started after it
            long firstSuccess = calls.stream().filter(c -> c.start() > killedAt && !c.failed())
                    .mapToLong(Call::end).min().orElseThrow();
            long windowMs = (firstSuccess - killedAt) / 1_000_000;
            assertTrue(windowMs < 5_000, "unavailable for " + windowMs + " ms");
            System.out.printf("etcd leader kill: %d writes before, %d failed, %d after; unavailable %d ms;"
                    + " longest call %d ms%n", before, failed, recovered, windowMs, longest / 1_000_000);
            assertEquals(2, server.liveProcesses().size());
        }
        assertEquals(List.of(), EtcdTesting.etcdDescendants());
    }
}
