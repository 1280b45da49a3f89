package io.storebench.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.workloads.distribution.DistributionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadRunTest {
    private static WorkloadSpec spec(OperationMix mix, DistributionSpec distribution) {
        return Preset.YCSB_A.spec().withRecordCount(1000).withMix(mix).withDistribution(distribution)
                .withValues(ValueSpec.constant(64));
    }

    private static List<String> trace(WorkloadRun run, int thread, int count) {
        OperationStream stream = run.stream(thread);
        List<String> operations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Operation operation = stream.next();
            operations.add(operation.label() + " " + Arrays.toString(stream.key()) + " "
                    + (stream.writes() ? Arrays.toString(Arrays.copyOf(stream.value(), stream.valueLength())) : "")
                    + stream.scanLength());
        }
        return operations;
    }

    @Test
    void theSameSeedAndThreadCountReplayTheSameOperations() {
        WorkloadSpec spec = Preset.YCSB_E.spec().withRecordCount(10_000);
        for (int thread = 0; thread < 4; thread++) {
            assertEquals(trace(new WorkloadRun(spec, 4), thread, 500), trace(new WorkloadRun(spec, 4), thread, 500));
        }
        assertEquals(new WorkloadRun(spec, 4).fingerprint(), new WorkloadRun(spec, 4).fingerprint());
    }

    @Test
    void threadsGetDifferentStreamsAndSeedsChangeTheFingerprint() {
        WorkloadSpec spec = Preset.YCSB_A.spec();
        assertNotEquals(trace(new WorkloadRun(spec, 2), 0, 50), trace(new WorkloadRun(spec, 2), 1, 50));
        String fingerprint = new WorkloadRun(spec, 2).fingerprint();
        assertEquals(16, fingerprint.length());
        assertNotEquals(fingerprint, new WorkloadRun(spec.withSeed(1), 2).fingerprint());
        assertNotEquals(fingerprint, new WorkloadRun(spec, 3).fingerprint());
        assertNotEquals(fingerprint, new WorkloadRun(spec.withMix(new OperationMix(0.6, 0.4, 0, 0, 0, 0)), 2)
                .fingerprint());
    }

    @Test
    void insertsAreStripedSoThreadsNeverWriteTheSameNewKey() {
        WorkloadSpec spec = spec(new OperationMix(0, 0, 1, 0, 0, 0), DistributionSpec.uniform());
        WorkloadRun run = new WorkloadRun(spec, 3);
        Set<Long> ordinals = new HashSet<>();
        for (int thread = 0; thread < 3; thread++) {
            OperationStream stream = run.stream(thread);
            for (int i = 0; i < 100; i++) {
                assertEquals(Operation.INSERT, stream.next());
                assertTrue(ordinals.add(stream.ordinal()), "duplicate insert " + stream.ordinal());
                assertEquals(1000 + thread + 3L * i, stream.ordinal());
            }
        }
    }

    @Test
    void readsChooseOnlyRecordsWhoseInsertHasCompleted() {
        WorkloadSpec spec = spec(new OperationMix(0.5, 0, 0.5, 0, 0, 0), DistributionSpec.uniform());
        WorkloadRun run = new WorkloadRun(spec, 2);
        OperationStream fast = run.stream(0);
        OperationStream slow = run.stream(1);
        slow.next(); // thread 1 is stuck in its first operation, whatever it is
        for (int i = 0; i < 2000; i++) {
            long before = run.available();
            Operation operation = fast.next();
            if (operation == Operation.READ) {
                assertTrue(fast.ordinal() < before, "read " + fast.ordinal() + " of " + before + " available");
            }
        }
        // Thread 1 has completed no insert: the contiguous prefix ends at thread 0's first insert.
        assertTrue(run.available() <= 1001, "available " + run.available());
    }

    @Test
    void availableAdvancesThroughTheStripes() {
        WorkloadSpec spec = spec(new OperationMix(0, 0, 1, 0, 0, 0), DistributionSpec.uniform());
        WorkloadRun run = new WorkloadRun(spec, 2);
        assertEquals(1000, run.available());
        run.insertCompleted(0, 1);
        assertEquals(1001, run.available());
        run.insertCompleted(0, 3);
        assertEquals(1001, run.available());
        run.insertCompleted(1, 2);
        assertEquals(1005, run.available()); // 1000..1004 done: thread 0 did 1000, 1002, 1004; thread 1 did 1001, 1003
        run.insertCompleted(1, 3);
        assertEquals(1006, run.available());
    }

    @Test
    void latestFollowsTheNewestInserts() {
        WorkloadSpec spec = Preset.YCSB_D.spec().withRecordCount(1000).withValues(ValueSpec.constant(64));
        WorkloadRun run = new WorkloadRun(spec, 1);
        OperationStream stream = run.stream(0);
        int recent = 0;
        int reads = 0;
        for (int i = 0; i < 20_000; i++) {
            long available = run.available();
            if (stream.next() == Operation.READ) {
                reads++;
                if (stream.ordinal() >= available - 100) {
                    recent++;
                }
            }
        }
        assertTrue(run.available() > 1500, "inserts grew the key space: " + run.available());
        assertTrue(recent > reads / 2, recent + " of " + reads + " reads hit the newest 100 records");
    }

    @Test
    void writesCarryValuesThatVerifyForTheirKey() {
        WorkloadRun run = new WorkloadRun(Preset.YCSB_F.spec(), 1);
        OperationStream stream = run.stream(0);
        int writes = 0;
        for (int i = 0; i < 1000; i++) {
            stream.next();
            if (stream.writes()) {
                writes++;
                assertEquals(1000, stream.valueLength());
                assertTrue(ValueCheck.verify(stream.key(), stream.value(), stream.valueLength()));
            }
        }
        assertTrue(writes > 400, "read-modify-writes: " + writes);
    }

    @Test
    void keySpacesBeyondTwoToThe31Work() {
        WorkloadSpec spec = spec(new OperationMix(1, 0, 0, 0, 0, 0), DistributionSpec.uniform())
                .withRecordCount(10_000_000_000L).withKeys(KeySpec.binary(8));
        OperationStream stream = new WorkloadRun(spec, 1).stream(0);
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            stream.next();
            max = Math.max(max, stream.ordinal());
            assertTrue(stream.ordinal() < 10_000_000_000L);
        }
        assertTrue(max > 1L << 33, "the top of the space is reached: " + max);
        byte[] expected = KeySpec.binary(8).keyOf(stream.ordinal());
        assertArrayEquals(expected, stream.key());
    }

    @Test
    void badThreadCountsAndRecordCountsNameTheRange() {
        assertEquals("threads 0 is out of range; allowed: 1..1024",
                assertThrows(IllegalArgumentException.class, () -> new WorkloadRun(Preset.YCSB_A.spec(), 0))
                        .getMessage());
        assertEquals("record count 0 is out of range; allowed: 1..1000000000000",
                assertThrows(IllegalArgumentException.class, () -> Preset.YCSB_A.spec().withRecordCount(0))
                        .getMessage());
    }
}
