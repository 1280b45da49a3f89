package io.storebench.engine.sql;

import java.util.Map;

/**
 * A server's cumulative counters read when a store opened, by name ({@code blks_hit},
 * {@code Innodb_os_log_written}, the WAL position): the store reports each counter since then, so
 * that the first iteration does not carry the server's history before the run.
 */
record ServerCounters(Map<String, Long> atOpen) {
    static final ServerCounters NONE = new ServerCounters(Map.of());

    ServerCounters {
        atOpen = Map.copyOf(atOpen);
    }

    /** {@code now} less the value at open (0 when it was not read then). */
    long since(String name, long now) {
        return now - atOpen.getOrDefault(name, 0L);
    }
}
