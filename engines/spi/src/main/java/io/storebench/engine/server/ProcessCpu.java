package io.storebench.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The CPU time of a server process and its children, from Linux's {@code /proc/PID/stat}: user
 * and system time of the process, of its children that have ended and been waited for, and of
 * its descendants alive now (PostgreSQL's backends). In clock ticks of 10 ms (USER_HZ, 100 on
 * Linux), so a figure moves in steps of 10 ms.
 */
public final class ProcessCpu {
    /** Where the figure comes from, for a reading's source. */
    public static final String SOURCE = "/proc/PID/stat utime+stime+cutime+cstime of the server process,"
            + " plus utime+stime of its live descendants";
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** The CPU nanoseconds of {@code process} and its descendants, empty when /proc cannot be read. */
    public static OptionalLong nanos(ProcessHandle process) {
        OptionalLong own = ticks(process.pid(), true);
        if (own.isEmpty()) {
            return own;
        }
        long[] total = {own.getAsLong()};
        process.descendants().forEach(child -> ticks(child.pid(), false).ifPresent(t -> total[0] += t));
        return OptionalLong.of(total[0] * NANOS_PER_TICK);
    }

    private static OptionalLong ticks(long pid, boolean withEndedChildren) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        // after the command name in parentheses: state is field 3; utime, stime, cutime, cstime are 14..17
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        try {
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withEndedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return OptionalLong.of(ticks);
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
