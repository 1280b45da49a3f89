package io.storebench.engine.go;

import com.sun.jna.Pointer;
import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.PerThread;
import io.storebench.engine.Reading;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.SelfTimed;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A store of one of the Go engines, a handle into the Go library. Every operation is one crossing
 * ({@link GoCrossing}: JNI or JNA, then cgo) with primitives only: the key, value or batch goes
 * through this thread's {@link NativeBuffer}, and so does the result. Go times each engine call
 * and this store sums that time per thread ({@link SelfTimed}), so the harness records the
 * engine's time without the boundary's. A read copies the value into the caller's
 * {@link ValueBuffer} (grow and retry when it is larger); a scan resumes after its last key when
 * the buffer fills.
 */
class GoStore extends AbstractKeyValueStore {
    private static final int SCAN_BYTES = 64 << 10;
    private static final int HEADER = NativeBuffer.HEADER;

    private final long handle;
    private final int maxKeySize;
    private final Path directory;
    private final GoCrossing crossing = GoCrossing.selected();
    final PerThread<NativeBuffer> buffers = new PerThread<>(NativeBuffer::new, NativeBuffer::free);
    private volatile EngineStats lastStats = EngineStats.empty();

    /** @param directory the data directory, for its size when the engine does not report one; null for go-null */
    GoStore(String engine, long handle, int maxKeySize, Path directory) {
        super(engine);
        this.handle = handle;
        this.maxKeySize = maxKeySize;
        this.directory = directory;
    }

    @Override
    public int maxKeySize() {
        return maxKeySize;
    }

    /** A Go engine's store: its latencies are the engine's own time, measured inside Go. */
    static final class Timed extends GoStore implements SelfTimed {
        Timed(String engine, long handle, int maxKeySize, Path directory) {
            super(engine, handle, maxKeySize, directory);
        }

        @Override
        public EngineClock threadClock() {
            return buffers.get();
        }
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        NativeBuffer buffer = buffers.get().ensure((long) HEADER + key.length + into.capacity());
        while (true) {
            buffer.view().put(HEADER, key);
            buffer.finished(crossing.get(handle, buffer.start(), key.length, buffer.capacity()), engine(), "get");
            int length = buffer.first();
            if (length < 0) {
                return false;
            }
            int room = buffer.capacity() - HEADER - key.length;
            if (length <= room) {
                buffer.view().get(HEADER + key.length, into.ensureCapacity(length), 0, length);
                into.setLength(length);
                return true;
            }
            buffer.ensure((long) HEADER + key.length + length); // larger than the buffer: grow and read again
        }
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        NativeBuffer buffer = buffers.get().ensure((long) HEADER + key.length + valueLength);
        buffer.view().put(HEADER, key).put(HEADER + key.length, value, 0, valueLength);
        buffer.finished(crossing.put(handle, buffer.start(), key.length, valueLength), engine(), "put");
    }

    @Override
    protected void doDelete(byte[] key) {
        NativeBuffer buffer = buffers.get().ensure((long) HEADER + key.length);
        buffer.view().put(HEADER, key);
        buffer.finished(crossing.delete(handle, buffer.start(), key.length), engine(), "delete");
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        NativeBuffer buffer = buffers.get();
        byte[] start = startKey;
        int visited = 0;
        int room = SCAN_BYTES;
        while (visited < limit) {
            buffer.ensure((long) HEADER + start.length + room);
            buffer.view().put(HEADER, start);
            buffer.finished(crossing.scan(handle, buffer.start(), start.length, limit - visited, buffer.capacity()),
                    engine(), "scan");
            int count = buffer.first();
            int need = buffer.second();
            if (count == 0 && need > 0) {
                room = Math.max(need, 2 * room); // the next entry alone is larger than the buffer
                continue;
            }
            byte[] last = visit(buffer.view(), HEADER + start.length, count, visitor);
            visited += count;
            if (need == 0 || count == 0) {
                break;
            }
            start = Arrays.copyOf(last, last.length + 1); // the smallest key after the last one visited
        }
        return visited;
    }

    /** Visits {@code count} entries [klen u32 LE][key][vlen u32 LE][value] from {@code position}; returns the last key. */
    private static byte[] visit(ByteBuffer entries, int position, int count, ScanVisitor visitor) {
        int lastKey = 0;
        int lastKeyLength = 0;
        for (int i = 0; i < count; i++) {
            int keyLength = entries.getInt(position);
            lastKey = position + 4;
            lastKeyLength = keyLength;
            int valueLength = entries.getInt(lastKey + keyLength);
            int value = lastKey + keyLength + 4;
            visitor.visit(entries.slice(lastKey, keyLength).asReadOnlyBuffer(),
                    entries.slice(value, valueLength).asReadOnlyBuffer());
            position = value + valueLength;
        }
        byte[] last = new byte[lastKeyLength];
        entries.get(lastKey, last);
        return last;
    }

    @Override
    protected void doWrite(WriteBatch batch) {
        NativeBuffer buffer = buffers.get().ensure(HEADER + BatchEncoding.size(batch));
        int length = BatchEncoding.encode(batch, buffer.view(), HEADER);
        buffer.finished(crossing.write(handle, buffer.start(), length), engine(), "write");
    }

    @Override
    protected void addStats(EngineStats.Builder stats, boolean closed) {
        if (!closed) {
            lastStats = readStats();
        }
        lastStats.readings().forEach(stats::put);
    }

    /**
     * The engine's and the Go runtime's readings, lines "label TAB value TAB engine|proxy TAB
     * source"; where the engine reports none, the data directory's size and, as a proxy for its
     * bytes written, the process's ({@code /proc/self/io}, as for LMDB).
     */
    private EngineStats readStats() {
        long[] text = new long[1];
        GoLibrary.check(GoLibrary.sb_stats(handle, text), engine(), "stats");
        EngineStats.Builder builder = EngineStats.builder();
        if (directory != null) { // stand-ins, replaced below by the engine's own where it has them
            builder.diskUsage(directory).processWritesAsEngineWrites();
        }
        for (String line : GoLibrary.take(new Pointer(text[0])).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", 4);
            Metric metric = Metric.valueOf(fields[0].toUpperCase(Locale.ROOT).replace('-', '_'));
            builder.put(metric, new Reading(Long.parseLong(fields[1]), fields[3], "proxy".equals(fields[2])));
        }
        return builder.build();
    }

    @Override
    protected void doClose() {
        try {
            lastStats = readStats(); // the final counters stay readable after close
        } finally {
            buffers.close();
            GoLibrary.check(GoLibrary.sb_close(handle), engine(), "close");
        }
    }
}
