package io.storebench.engine.lmdb;

import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineStats;
import io.storebench.engine.PerThread;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.ScratchBuffer;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.DirectBufferProxy;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.GetOp;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * An LMDB environment behind the SPI. See {@link LmdbEngine} for the configuration.
 *
 * <p>Buffers are Agrona {@link DirectBuffer}s ({@link DirectBufferProxy#PROXY_DB}), which need no
 * {@code --add-opens}. Each thread keeps one read transaction, {@code reset} between reads and
 * {@code renew}ed for the next, so no snapshot is held between operations. LMDB has a single
 * writer: writers take a Java lock first, and the wait for it is part of the measured call, as it
 * is the engine's real behaviour. Puts reserve the value's space in the map and copy into it
 * once ({@code MDB_RESERVE}). The environment is opened with {@code MDB_NOTLS}, so read
 * transactions are not tied to OS threads' local storage.
 */
final class LmdbStore extends AbstractKeyValueStore {
    /** LMDB must never open one environment twice in one process (lmdbjava#75). */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final long mapBytes;
    private final Env<DirectBuffer> env;
    private final Dbi<DirectBuffer> dbi;
    private final int maxKeySize;
    private final ReentrantLock writer = new ReentrantLock();
    private final PerThread<ThreadState> threads;

    /** What one thread reuses: its read transaction, a direct key buffer, scan scratch. */
    private final class ThreadState {
        final Txn<DirectBuffer> read;
        final ByteBuffer keyMemory = ByteBuffer.allocateDirect(maxKeySize);
        final UnsafeBuffer key = new UnsafeBuffer(keyMemory);
        final ScratchBuffer scanKey = new ScratchBuffer(64);
        final ScratchBuffer scanValue = new ScratchBuffer(1024);

        ThreadState() {
            read = env.txnRead();
            read.reset();
        }

        DirectBuffer key(byte[] bytes) {
            key.wrap(keyMemory, 0, bytes.length);
            key.putBytes(0, bytes);
            return key;
        }
    }

    private LmdbStore(Path directory, long mapBytes, Env<DirectBuffer> env) {
        super(LmdbEngine.NAME);
        this.directory = directory;
        this.mapBytes = mapBytes;
        this.env = env;
        this.maxKeySize = env.getMaxKeySize();
        this.dbi = env.openDbi("kv", DbiFlags.MDB_CREATE);
        this.threads = new PerThread<>(ThreadState::new, state -> state.read.close());
    }

    static LmdbStore open(Path directory, Durability durability, long mapBytes, int maxReaders) {
        Path key = canonical(directory);
        if (!OPEN.add(key)) {
            throw new ConfigurationException("lmdb: environment " + directory + " is already open in this process;"
                    + " LMDB allows one open per process (close the other store first)");
        }
        try {
            List<EnvFlags> flags = new ArrayList<>(List.of(EnvFlags.MDB_NOTLS));
            if (durability == Durability.BUFFERED) {
                flags.add(EnvFlags.MDB_NOSYNC);
            }
            Env<DirectBuffer> env = Env.create(DirectBufferProxy.PROXY_DB)
                    .setMapSize(mapBytes)
                    .setMaxReaders(maxReaders)
                    .setMaxDbs(1)
                    .open(directory.toFile(), flags.toArray(EnvFlags[]::new));
            try {
                return new LmdbStore(key, mapBytes, env);
            } catch (RuntimeException e) {
                env.close();
                throw e;
            }
        } catch (LmdbException e) {
            OPEN.remove(key);
            throw new StoreException("lmdb: cannot open " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            OPEN.remove(key);
            throw e;
        }
    }

    private static Path canonical(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    @Override
    public int maxKeySize() {
        return maxKeySize;
    }

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        ThreadState state = threads.get();
        Txn<DirectBuffer> txn = state.read;
        try {
            txn.renew();
            try {
                DirectBuffer value = dbi.get(txn, state.key(key));
                if (value == null) {
                    return false;
                }
                int length = value.capacity();
                value.getBytes(0, into.ensureCapacity(length), 0, length); // copy before the txn ends
                into.setLength(length);
                return true;
            } finally {
                txn.reset();
            }
        } catch (LmdbException e) {
            throw failure("get", e);
        }
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        DirectBuffer keyBuffer = threads.get().key(key);
        writer.lock();
        try (Txn<DirectBuffer> txn = env.txnWrite()) {
            reserveAndCopy(txn, keyBuffer, value, valueLength);
            txn.commit();
        } catch (LmdbException e) {
            throw failure("put", e);
        } finally {
            writer.unlock();
        }
    }

    private void reserveAndCopy(Txn<DirectBuffer> txn, DirectBuffer key, byte[] value, int valueLength) {
        MutableDirectBuffer slot = (MutableDirectBuffer) dbi.reserve(txn, key, valueLength);
        slot.putBytes(0, value, 0, valueLength);
    }

    @Override
    protected void doDelete(byte[] key) {
        DirectBuffer keyBuffer = threads.get().key(key);
        writer.lock();
        try (Txn<DirectBuffer> txn = env.txnWrite()) {
            dbi.delete(txn, keyBuffer);
            txn.commit();
        } catch (LmdbException e) {
            throw failure("delete", e);
        } finally {
            writer.unlock();
        }
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        ThreadState state = threads.get();
        Txn<DirectBuffer> txn = state.read;
        int visited = 0;
        try {
            txn.renew();
            try (Cursor<DirectBuffer> cursor = dbi.openCursor(txn)) {
                boolean found = cursor.get(state.key(startKey), GetOp.MDB_SET_RANGE);
                while (found && visited < limit) {
                    visitor.visit(copy(cursor.key(), state.scanKey), copy(cursor.val(), state.scanValue));
                    visited++;
                    found = visited < limit && cursor.next();
                }
            } finally {
                txn.reset();
            }
        } catch (LmdbException e) {
            throw failure("scan", e);
        }
        return visited;
    }

    private static ByteBuffer copy(DirectBuffer source, ScratchBuffer target) {
        int length = source.capacity();
        source.getBytes(0, target.array(length), 0, length);
        return target.view(length);
    }

    @Override
    protected void doWrite(WriteBatch batch) {
        ThreadState state = threads.get();
        writer.lock();
        try (Txn<DirectBuffer> txn = env.txnWrite()) {
            for (int i = 0; i < batch.size(); i++) {
                DirectBuffer key = state.key(batch.key(i));
                if (batch.kind(i) == WriteBatch.Kind.PUT) {
                    reserveAndCopy(txn, key, batch.value(i), batch.valueLength(i));
                } else {
                    dbi.delete(txn, key);
                }
            }
            txn.commit(); // an exception before this aborts the whole batch
        } catch (LmdbException e) {
            throw failure("write", e);
        } finally {
            writer.unlock();
        }
    }

    @Override
    protected void addStats(EngineStats.Builder stats, boolean closed) {
        stats.processWritesAsEngineWrites().diskUsage(directory);
    }

    @Override
    protected void doClose() {
        try {
            threads.close();
        } finally {
            try {
                env.close();
            } finally {
                OPEN.remove(directory);
            }
        }
    }

    private StoreException failure(String operation, LmdbException e) {
        String message = e instanceof Env.MapFullException
                ? "map full at " + (mapBytes >> 20) + " MiB; raise the lmdb option " + LmdbEngine.MAP_SIZE_MB
                : e.getMessage();
        return new StoreException("lmdb: " + operation + " failed: " + message, e);
    }
}
