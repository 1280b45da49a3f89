package io.storebench.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parent's watch of a store's folder, on real files written by another thread while the watch
 * polls, with a real process standing in for the writer (a {@code sleep}): an aimed kill comes at
 * the first table-file write after its delay, a write between the last poll and the kill is found
 * by the look after it, and an engine's log counts as it is written (goleveldb's unbuffered log on
 * its own, RocksDB's buffered log only beside a table-file write).
 */
class TableFileWatchTest {
    @TempDir
    Path folder;

    private Process writer;

    @BeforeEach
    void startAStandInWriter() throws Exception {
        writer = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void stopIt() throws Exception {
        TrialRunner.kill(writer);
    }

    @Test
    void anAimedKillComesAtTheFirstTableFileWriteAfterItsDelay() throws Exception {
        TableFileWatch watch = TableFileWatch.of("rocksdb", folder);
        Thread flush = new Thread(() -> {
            try {
                Thread.sleep(300);
                Files.write(folder.resolve("000007.sst"), new byte[4096]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long opened = System.nanoTime();
        flush.start();
        assertTrue(watch.awaitKill(opened, 50, true, writer), "the write was found");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
        flush.join();
        assertTrue(waited >= 290 && waited < 2_000, "the kill waited for the write, not for the delay: " + waited);
        KillMoment moment = watch.afterKill(true, true, System.nanoTime());
        assertEquals(Background.TABLE_FILE_WRITE, moment.during());
        assertTrue(moment.aimed());
        assertTrue(moment.evidence().startsWith("000007.sst appeared (4,096 bytes), seen "), moment.evidence());
    }

    @Test
    void aWriteBetweenTheLastPollAndTheKillIsFoundByTheLookAfterIt() throws Exception {
        Files.write(folder.resolve("000001.sst"), new byte[100]);
        TableFileWatch watch = TableFileWatch.of("pebble", folder);
        assertFalse(watch.awaitKill(System.nanoTime(), 20, false, writer), "a kill at the delay is not aimed");
        Files.write(folder.resolve("000001.sst"), new byte[300]);
        KillMoment moment = watch.afterKill(false, false, System.nanoTime());
        assertEquals(Background.TABLE_FILE_WRITE, moment.during());
        assertEquals("000001.sst grew from 100 to 300 bytes, seen just after the kill", moment.evidence());
    }

    @Test
    void nothingWrittenIsNothingObservedAndLmdbIsNotWatched() throws Exception {
        Files.write(folder.resolve("000001.sst"), new byte[100]);
        Files.write(folder.resolve("000002.log"), new byte[100]);
        TableFileWatch watch = TableFileWatch.of("badger", folder);
        watch.awaitKill(System.nanoTime(), 20, false, writer);
        Files.write(folder.resolve("000002.log"), new byte[200]);
        Files.delete(folder.resolve("000001.sst"));
        assertEquals(Background.NOTHING_OBSERVED, watch.afterKill(false, false, System.nanoTime()).during(),
                "a log file written and a table file removed are no table-file write");
        TableFileWatch lmdb = TableFileWatch.of("lmdb", folder);
        assertFalse(lmdb.watched());
        assertFalse(lmdb.awaitKill(System.nanoTime(), 10, true, writer), "an aimed kill on LMDB comes at the delay");
        KillMoment moment = lmdb.afterKill(true, false, System.nanoTime());
        assertEquals(Background.NOT_WATCHED, moment.during());
        assertEquals("lmdb: no table files to watch; killed at the delay", moment.evidence());
    }

    @Test
    void goLevelDbsLogCountsOnItsOwnAndRocksDbsOnlyBesideATableFileWrite() throws Exception {
        Path level = Files.createDirectories(folder.resolve("goleveldb"));
        Files.writeString(level.resolve("LOG"), "03:54:40.614709 memdb@flush N·677 S·1022KiB\n");
        TableFileWatch watch = TableFileWatch.of("goleveldb", level);
        watch.awaitKill(System.nanoTime(), 10, false, writer);
        KillMoment flush = watch.afterKill(false, false, System.nanoTime());
        assertEquals(Background.FLUSH, flush.during());
        assertEquals("LOG: memdb@flush started, not committed; no table-file write seen since the last poll before"
                + " the kill", flush.evidence());

        Path rocks = Files.createDirectories(folder.resolve("rocksdb"));
        Files.writeString(rocks.resolve("LOG"), "2026/12/08-03:54:33.557069 140367852730048 EVENT_LOG_v1"
                + " {\"time_micros\": 1796702073557062, \"job\": 10, \"event\": \"flush_started\"}\n");
        TableFileWatch rocksWatch = TableFileWatch.of("rocksdb", rocks);
        rocksWatch.awaitKill(System.nanoTime(), 10, false, writer);
        KillMoment alone = rocksWatch.afterKill(false, false, System.nanoTime());
        assertEquals(Background.NOTHING_OBSERVED, alone.during(), alone.evidence());
        assertTrue(alone.evidence().contains("(a buffered log, not counted without a table-file write)"),
                alone.evidence());
        TableFileWatch beside = TableFileWatch.of("rocksdb", rocks);
        beside.awaitKill(System.nanoTime(), 10, false, writer);
        Files.write(rocks.resolve("000012.sst"), new byte[10]);
        assertEquals(Background.FLUSH, beside.afterKill(false, false, System.nanoTime()).during());
    }

    @Test
    void anAimThatSeesNoWriteGivesUpAfterItsWindowAndSaysSo() throws Exception {
        TableFileWatch watch = TableFileWatch.of("rocksdb", folder);
        long opened = System.nanoTime();
        assertFalse(watch.awaitKill(opened, 10, true, writer));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
        assertTrue(waited >= TableFileWatch.AIM_WINDOW_MILLIS, "waited " + waited + " ms");
        KillMoment moment = watch.afterKill(true, false, System.nanoTime());
        assertEquals(Background.NOTHING_OBSERVED, moment.during());
        assertTrue(moment.evidence().endsWith("; aim missed: no table-file write in 5000 ms after the delay"),
                moment.evidence());
    }
}
