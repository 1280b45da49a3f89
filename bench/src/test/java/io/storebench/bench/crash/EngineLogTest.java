package io.storebench.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the engines' own logs say was unfinished at a kill, read from lines captured from real
 * logs of killed crashcheck writers (RocksDB's LOG, goleveldb's LOG, 2026-12-08), cut where the
 * kill could have come.
 */
class EngineLogTest {
    private static final String FLUSH_10_STARTED = "2026/12/08-03:54:33.557069 140367852730048 EVENT_LOG_v1"
            + " {\"time_micros\": 1796702073557062, \"job\": 10, \"event\": \"flush_started\", \"num_memtables\": 1,"
            + " \"total_num_input_entries\": 554, \"num_deletes\": 104}";
    private static final String COMPACTION_11_STARTED = "2026/12/08-03:54:33.564501 140368739825344 EVENT_LOG_v1"
            + " {\"time_micros\": 1796702073564494, \"job\": 11, \"event\": \"compaction_started\", \"cf_name\":"
            + " \"default\", \"compaction_reason\": \"LevelL0FilesNum\"}";
    private static final String FLUSH_10_FINISHED = "2026/12/08-03:54:33.566490 140367852730048 (Original Log Time"
            + " 2026/12/08-03:54:33.564175) EVENT_LOG_v1 {\"time_micros\": 1796702073564171, \"job\": 10, \"event\":"
            + " \"flush_finished\", \"output_compression\": \"NoCompression\"}";
    private static final String COMPACTION_11_FINISHED = "2026/12/08-03:54:33.591923 140368739825344 (Original Log"
            + " Time 2026/12/08-03:54:33.591876) EVENT_LOG_v1 {\"time_micros\": 1796702073591865, \"job\": 11,"
            + " \"event\": \"compaction_finished\", \"compaction_time_micros\": 18546}";

    @Test
    void rocksDbJobsStartedAndNotFinishedAreUnfinished() {
        EngineLog.Unfinished both = EngineLog.rocksdb(List.of(FLUSH_10_STARTED, COMPACTION_11_STARTED));
        assertEquals(Background.FLUSH_AND_COMPACTION, both.background());
        assertEquals("LOG: flush job 10 started, not finished; LOG: compaction job 11 started, not finished",
                both.evidence());
        assertFalse(both.unbuffered(), "RocksDB's logger buffers its lines");
        assertEquals(Background.COMPACTION, EngineLog.rocksdb(List.of(FLUSH_10_STARTED, COMPACTION_11_STARTED,
                FLUSH_10_FINISHED)).background());
        assertNull(EngineLog.rocksdb(List.of(FLUSH_10_STARTED, COMPACTION_11_STARTED, FLUSH_10_FINISHED,
                COMPACTION_11_FINISHED)).background());
    }

    @Test
    void goLevelDbFlushesAndCompactionsWithoutTheirCommitAreUnfinished() {
        List<String> log = List.of(
                "03:54:40.578838 memdb@flush N·605 S·1016KiB",
                "03:54:40.592521 memdb@flush created L0@9 N·605 S·1015KiB \"cra..002,v1899\":\"cra..999,v2027\"",
                "03:54:40.595086 memdb@flush committed F·1 T·16.226594ms",
                "03:54:40.595365 table@compaction L0·4 -> L1·0 S·3MiB Q·3043",
                "03:54:40.612278 table@build created L1@10 N·758 S·1MiB \"cra..000,v345\":\"cra..999,v2027\"",
                "03:54:40.614709 memdb@flush N·677 S·1022KiB",
                "03:54:40.617283 table@compaction committed F-3 S-2MiB Ke·0 D·1608 T·21.878383ms",
                "03:54:40.628671 memdb@flush created L0@12 N·677 S·1020KiB \"cra..000,v2603\":\"cra..999,v3025\"",
                "03:54:40.630377 memdb@flush committed F·1 T·9.727682ms");
        assertNull(EngineLog.goleveldb(log.subList(0, 3)).background(), "a committed flush is over");
        assertEquals(Background.FLUSH, EngineLog.goleveldb(log.subList(0, 2)).background());
        assertEquals(Background.COMPACTION, EngineLog.goleveldb(log.subList(0, 5)).background());
        EngineLog.Unfinished both = EngineLog.goleveldb(log.subList(0, 6));
        assertEquals(Background.FLUSH_AND_COMPACTION, both.background());
        assertTrue(both.unbuffered(), "goleveldb writes each line to the file as it logs it");
        assertEquals(Background.FLUSH, EngineLog.goleveldb(log.subList(0, 7)).background());
        assertNull(EngineLog.goleveldb(log).background());
    }
}
