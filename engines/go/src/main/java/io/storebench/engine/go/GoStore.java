package io.storebench.engine.go;

import com.sun.jna.Pointer;
import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.PerThread;
import io.storebench.engine.Reading;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A store of one of the Go engines, a handle into the Go library: every call is one crossing of the
 * boundary (JNA direct mapping, then cgo) into the engine's own call. Reads copy the value into the
 * caller's {@link ValueBuffer} (grow and retry when it is larger); a scan fills a per-thread buffer
 * in Go and resumes after its last key when the buffer is full; a batch is encoded into a
 * per-thread buffer and crosses once.
 */
final class GoStore extends AbstractKeyValueStore {
    private static final int SCAN_BUFFER_BYTES = 64 << 10;

    private final long handle;
    private final int maxKeySize;
    private final PerThread<Scratch> scratch = new PerThread<>(Scratch::new, s -> { });
    private volatile EngineStats lastStats = EngineStats.empty();

    /** The per-thread arrays a call passes to Go: never shared between threads. */
    private static final class Scratch {
        final int[] length = new int[1];
        final int[] scanOut = new int[3];
        byte[] scan = new byte[SCAN_BUFFER_BYTES];
        final BatchEncoder batch = new BatchEncoder();
    }

    GoStore(String engine, long handle, int maxKeySize) {
        super(engine);
        this.handle = handle;
        this.maxKeySize = maxKeySize;
    }

    @Override
    public int maxKeySize() {
        return maxKeySize;
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        int[] length = scratch.get().length;
        byte[] buffer = into.array();
        GoLibrary.check(GoLibrary.sb_get(handle, key, key.length, buffer, buffer.length, length), engine(), "get");
        while (length[0] > buffer.length) {
            buffer = into.ensureCapacity(length[0]);
            GoLibrary.check(GoLibrary.sb_get(handle, key, key.length, buffer, buffer.length, length), engine(), "get");
        }
        if (length[0] < 0) {
            return false;
        }
        into.setLength(length[0]);
        return true;
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        GoLibrary.check(GoLibrary.sb_put(handle, key, key.length, value, valueLength), engine(), "put");
    }

    @Override
    protected void doDelete(byte[] key) {
        GoLibrary.check(GoLibrary.sb_delete(handle, key, key.length), engine(), "delete");
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        Scratch s = scratch.get();
        byte[] start = startKey;
        int visited = 0;
        while (visited < limit) {
            int[] out = s.scanOut;
            GoLibrary.check(GoLibrary.sb_scan(handle, start, start.length, limit - visited, s.scan, s.scan.length, out),
                    engine(), "scan");
            int count = out[0];
            boolean full = out[1] != 0;
            if (count == 0 && full) {
                s.scan = new byte[Math.max(out[2], s.scan.length * 2)]; // the next entry alone is larger
                continue;
            }
            byte[] last = visit(s.scan, count, visitor);
            visited += count;
            if (!full || count == 0) {
                break;
            }
            start = Arrays.copyOf(last, last.length + 1); // the smallest key after the last one visited
        }
        return visited;
    }

    /** Visits {@code count} entries encoded as [klen u32 LE][key][vlen u32 LE][value]; returns the last key. */
    private static byte[] visit(byte[] buffer, int count, ScanVisitor visitor) {
        ByteBuffer entries = ByteBuffer.wrap(buffer).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int position = 0;
        int lastKey = 0;
        int lastKeyLength = 0;
        for (int i = 0; i < count; i++) {
            int keyLength = entries.getInt(position);
            lastKey = position + 4;
            lastKeyLength = keyLength;
            int valueLength = entries.getInt(lastKey + keyLength);
            int value = lastKey + keyLength + 4;
            visitor.visit(ByteBuffer.wrap(buffer, lastKey, keyLength).slice().asReadOnlyBuffer(),
                    ByteBuffer.wrap(buffer, value, valueLength).slice().asReadOnlyBuffer());
            position = value + valueLength;
        }
        return Arrays.copyOfRange(buffer, lastKey, lastKey + lastKeyLength);
    }

    @Override
    protected void doWrite(WriteBatch batch) {
        BatchEncoder encoder = scratch.get().batch;
        encoder.encode(batch);
        GoLibrary.check(GoLibrary.sb_write(handle, encoder.array(), encoder.length()), engine(), "write");
    }

    @Override
    protected void addStats(EngineStats.Builder stats, boolean closed) {
        if (!closed) {
            lastStats = readStats();
        }
        lastStats.readings().forEach(stats::put);
    }

    /** The engine's and the Go runtime's readings: lines "label TAB value TAB engine|proxy TAB source". */
    private EngineStats readStats() {
        long[] text = new long[1];
        GoLibrary.check(GoLibrary.sb_stats(handle, text), engine(), "stats");
        EngineStats.Builder builder = EngineStats.builder();
        for (String line : GoLibrary.take(new Pointer(text[0])).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", 4);
            Metric metric = Metric.valueOf(fields[0].toUpperCase(Locale.ROOT).replace('-', '_'));
            long value = Long.parseLong(fields[1]);
            builder.put(metric, new Reading(value, fields[3], "proxy".equals(fields[2])));
        }
        return builder.build();
    }

    @Override
    protected void doClose() {
        try {
            lastStats = readStats(); // the final counters stay readable after close
        } finally {
            scratch.close();
            GoLibrary.check(GoLibrary.sb_close(handle), engine(), "close");
        }
    }
}
