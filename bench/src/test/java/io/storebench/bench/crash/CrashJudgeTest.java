package io.storebench.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.DataDirectory;
import io.storebench.engine.Durability;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checker on real stores (RocksDB, LMDB and SQLite files, opened and reopened in this JVM):
 * a store that holds exactly what was acknowledged passes, and each kind of violation is found when
 * the store and the acknowledgements disagree: writes acknowledged but not in the store (lost), a
 * batch half applied (torn), a damaged value (corrupt), a value or key never written (unissued).
 */
class CrashJudgeTest {
    private static final long SEED = 42;
    private static final int KEYS = 64;
    private static final int WRITTEN = 400;

    @TempDir
    Path temp;

    private CrashChild.Target target(String engine) {
        return target(engine, engine);
    }

    private CrashChild.Target target(String engine, String folder) {
        return new CrashChild.Target(engine, Durability.BUFFERED, temp.resolve(folder), SEED, KEYS);
    }

    /** Applies ops {@code 0..count-1} of the stream, as the writer does, and closes the store. */
    private static void write(CrashChild.Target target, long count) {
        try (KeyValueStore store = target.open()) {
            WriteStream stream = new WriteStream(SEED, KEYS);
            WriteBatch batch = new WriteBatch();
            for (long i = 0; i < count; i++) {
                CrashChild.apply(store, stream.next(), SEED, batch);
            }
        }
    }

    private static String describe(Findings f) {
        return f.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "lmdb", "sqlite"})
    void aStoreHoldingWhatWasAcknowledgedPasses(String engine) {
        CrashChild.Target target = target(engine);
        write(target, WRITTEN);
        // op WRITTEN is "in flight" and absent: allowed
        Findings findings = CrashChild.verify(target, WRITTEN);
        assertFalse(findings.violated(), describe(findings));
        assertEquals(WRITTEN, findings.acknowledged());
        assertTrue(findings.writesChecked() > WRITTEN, describe(findings)); // batches count each entry
        // every prefix is consistent too: op k in flight, applied (the store holds ops 0..k)
        write(target(engine, "prefix"), 1);
        Findings inFlightApplied = CrashChild.verify(target(engine, "prefix"), 0);
        assertFalse(inFlightApplied.violated(), describe(inFlightApplied));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "lmdb", "sqlite"})
    void acknowledgementsOfWritesTheStoreDoesNotHoldAreLost(String engine) {
        CrashChild.Target target = target(engine);
        write(target, WRITTEN);
        Findings findings = CrashChild.verify(target, WRITTEN + 30);
        assertTrue(findings.lost() > 0, describe(findings));
        assertTrue(findings.violated());
        assertTrue(findings.examples().stream().anyMatch(line -> line.contains("lost")), describe(findings));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "sqlite"})
    void aHalfAppliedBatchIsTorn(String engine) {
        CrashChild.Target target = target(engine);
        WriteStream stream = new WriteStream(SEED, KEYS);
        WriteStream.Op batch = stream.next();
        while (batch.kind() != WriteStream.Kind.BATCH || batch.deletes()[0] || batch.deletes()[1]) {
            batch = stream.next();
        }
        write(target, batch.seq());
        try (KeyValueStore store = target.open()) { // only the batch's first put
            store.put(WriteStream.key(batch.keys()[0]), Values.of(SEED, batch.keys()[0], batch.seq()));
        }
        Findings inFlight = CrashChild.verify(target, batch.seq());
        assertEquals(1, inFlight.tornBatches(), describe(inFlight));
        assertEquals(0, inFlight.lost(), describe(inFlight));
        assertTrue(inFlight.inFlightBatch());
        Findings acknowledged = CrashChild.verify(target, batch.seq() + 1);
        // at least that batch: a later batch in flight may look torn through the keys that lost its writes
        assertTrue(acknowledged.tornBatches() >= 1, describe(acknowledged));
        assertTrue(acknowledged.lost() > 0, describe(acknowledged));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "lmdb"})
    void aBatchInFlightIsWholeOrAbsentNotTornByAKeyAbsentEitherWay(String engine) {
        // a batch that deletes a key already absent and puts another: applied or not, it is not torn
        WriteStream.Op batch = batchDeletingAnAbsentKey();
        CrashChild.Target before = target(engine, "before");
        write(before, batch.seq());
        Findings notApplied = CrashChild.verify(before, batch.seq());
        assertFalse(notApplied.violated(), describe(notApplied));
        assertTrue(notApplied.inFlightBatch());
        CrashChild.Target after = target(engine, "after");
        write(after, batch.seq() + 1);
        Findings applied = CrashChild.verify(after, batch.seq());
        assertFalse(applied.violated(), describe(applied));
    }

    /** The first batch with a put and a delete of a key that is absent just before it. */
    private static WriteStream.Op batchDeletingAnAbsentKey() {
        WriteStream stream = new WriteStream(SEED, KEYS);
        boolean[] present = new boolean[KEYS];
        for (;;) {
            WriteStream.Op op = stream.next();
            boolean deletesAbsent = false;
            boolean puts = false;
            for (int i = 0; i < op.size(); i++) {
                deletesAbsent |= op.deletes()[i] && !present[op.keys()[i]];
                puts |= !op.deletes()[i];
            }
            if (op.kind() == WriteStream.Kind.BATCH && deletesAbsent && puts) {
                return op;
            }
            for (int i = 0; i < op.size(); i++) {
                present[op.keys()[i]] = !op.deletes()[i];
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "lmdb"})
    void aDamagedValueIsCorrupt(String engine) {
        CrashChild.Target target = target(engine);
        write(target, WRITTEN);
        int key = 5;
        byte[] value = Values.of(SEED, key, 7);
        value[Values.HEADER] ^= 1; // one payload bit
        try (KeyValueStore store = target.open()) {
            store.put(WriteStream.key(key), value);
        }
        Findings findings = CrashChild.verify(target, WRITTEN);
        assertEquals(1, findings.corrupt(), describe(findings));
        assertTrue(findings.examples().get(0).contains("checksum fails"), describe(findings));
        // a whole value under the wrong key is corrupt too, not an old version
        try (KeyValueStore store = target.open()) {
            store.put(WriteStream.key(key), Values.of(SEED, key + 1, 7));
        }
        assertEquals(1, CrashChild.verify(target, WRITTEN).corrupt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "sqlite"})
    void aValueOrKeyNeverWrittenIsUnissued(String engine) {
        CrashChild.Target target = target(engine);
        write(target, WRITTEN);
        try (KeyValueStore store = target.open()) { // a later op's value, and a key outside the stream
            store.put(WriteStream.key(3), Values.of(SEED, 3, WRITTEN + 100));
            store.put("zzz".getBytes(StandardCharsets.US_ASCII), new byte[] {1});
        }
        Findings findings = CrashChild.verify(target, WRITTEN);
        assertEquals(2, findings.unissued(), describe(findings));
        assertTrue(findings.examples().stream().anyMatch(line -> line.contains("never issued")), describe(findings));
        assertTrue(findings.examples().stream().anyMatch(line -> line.contains("zzz")), describe(findings));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb"})
    void aStoreThatDoesNotOpenIsAFailedOpen(String engine) throws Exception {
        CrashChild.Target target = target(engine);
        write(target, 10);
        // a data directory that is a file cannot be opened
        DataDirectory.delete(target.directory());
        Files.writeString(target.directory(), "not a store");
        Findings findings = CrashChild.verify(target, 10);
        assertTrue(findings.openFailed(), describe(findings));
        assertFalse(findings.openError().isBlank());
    }
}
