package io.storebench.engine;

/**
 * A key-value store opened by an {@link EngineProvider}: the one interface every engine adapter
 * implements and the benchmarks drive. This Javadoc is the whole contract; the contract test kit
 * ({@code KeyValueStoreContract}) checks it for every adapter.
 *
 * <h2>Lifecycle</h2>
 * A store is opened by {@link EngineRegistry#open(String, EngineConfig)}, used, and closed once by
 * its owner with {@link #close()}. {@code close} must be called only after every thread has
 * finished its calls (it is not a way to interrupt them); it releases every native and file
 * resource of the store, per-thread ones included. Closing twice is harmless. Any other call
 * after {@code close} throws {@link StoreClosedException} before touching the engine.
 *
 * <h2>Threads</h2>
 * One store instance is shared by all benchmark threads and every method may be called from any
 * number of threads at once. Per-thread resources (a SQLite connection, an LMDB read
 * transaction, a reusable buffer) are the adapter's business: it creates them on a thread's
 * first call and releases them on {@code close}. Timing is never done inside an adapter: the
 * harness times each call from outside, so a lock an adapter waits on (LMDB's single writer) is
 * counted as engine time, as it is the engine's real behaviour.
 *
 * <h2>Keys and values</h2>
 * Keys are 1 or more bytes of any content (0x00 and 0xFF included), ordered as unsigned bytes,
 * up to {@link #maxKeySize()}; values are 0 or more bytes. The store never keeps a reference to
 * a caller's array after the call returns: callers reuse their arrays freely.
 *
 * <h2>Exceptions</h2>
 * <ul>
 *   <li>{@link ConfigurationException} (an {@link IllegalArgumentException}): the caller's input
 *       cannot be stored, e.g. a key longer than {@link #maxKeySize()}; the message names the size
 *       and the limit. Nothing was written.</li>
 *   <li>{@link StoreException}: the engine failed to do what it accepted (I/O error, map full,
 *       busy beyond its timeout, a server that did not answer in time). The harness counts it as
 *       an error of that operation type. After a failed batch on an engine with
 *       {@link Capability#ATOMIC_BATCH}, none of the batch was applied.</li>
 *   <li>{@link StoreClosedException}: a call after {@link #close()}.</li>
 * </ul>
 */
public interface KeyValueStore extends AutoCloseable {

    /** The engine name this store was opened under (e.g. {@code rocksdb}). */
    String engine();

    /**
     * Reads {@code key} into {@code into}, growing it if needed.
     *
     * @return {@code true} and {@code into} holds the value, or {@code false} when the key is
     *     absent and {@code into} is unchanged
     */
    boolean get(byte[] key, ValueBuffer into);

    /** Writes the first {@code valueLength} bytes of {@code value} under {@code key}, replacing any value. */
    void put(byte[] key, byte[] value, int valueLength);

    /** Writes all of {@code value} under {@code key}. */
    default void put(byte[] key, byte[] value) {
        put(key, value, value.length);
    }

    /**
     * Reads {@code key} into {@code into} (as {@link #get}) and then writes the first
     * {@code valueLength} bytes of {@code value} under it: YCSB's read-modify-write. A transactional
     * engine does both in one transaction (the SQL engines: {@code SELECT ... FOR UPDATE}, then the
     * write, one commit); the default is the two calls.
     *
     * @return whether the key was present before the write
     */
    default boolean readModifyWrite(byte[] key, ValueBuffer into, byte[] value, int valueLength) {
        boolean present = get(key, into);
        put(key, value, valueLength);
        return present;
    }

    /** Removes {@code key}; removing an absent key is not an error. */
    void delete(byte[] key);

    /**
     * Visits up to {@code limit} entries with keys at or after {@code startKey}, in unsigned
     * lexicographic key order (engines with {@link Capability#ORDERED_SCAN}). With
     * {@link Capability#ATOMIC_BATCH} a scan never sees part of a batch. The {@code null} baseline
     * visits nothing.
     *
     * @return the number of entries visited
     */
    int scan(byte[] startKey, int limit, ScanVisitor visitor);

    /** Applies every entry of {@code batch} in order: atomically with {@link Capability#ATOMIC_BATCH}. */
    void write(WriteBatch batch);

    /**
     * A snapshot of the engine's internal counters (cumulative since open) and gauges. Cheap
     * enough to call once per iteration, not per operation. Works after close too, returning the
     * last values.
     */
    EngineStats stats();

    /** The longest key this engine stores, in bytes. */
    int maxKeySize();

    /**
     * How many records the harness's load phase writes at once, as one {@link #write(WriteBatch)}:
     * 1 (a put each, the default) or the engine's batch size, for an engine that loads in batches
     * as its users do (the SQL engines' {@code batch-rows}, as YCSB's {@code db.batchsize}).
     */
    default int loadBatchRows() {
        return 1;
    }

    /**
     * What this store learned it runs once open, beyond {@link EngineProvider#versions()}: for a
     * remote engine the server's version ({@code "etcd-server" -> "3.4.30"}), name to version.
     * Empty when there is nothing to add. Answered from what {@code open} learned; no call to the
     * engine.
     */
    default java.util.Map<String, String> versions() {
        return java.util.Map.of();
    }

    /**
     * The server processes this store started (a managed etcd member, PostgreSQL, MariaDB) that
     * ended while it was open without the store stopping them: killed, crashed, or exited. Cumulative
     * since open, in the order they ended; empty for an embedded engine, a store on an existing server
     * and a store whose servers all live. Cheap: the harness asks after every iteration and says each
     * new one. Works after close too.
     */
    default java.util.List<ServerDeath> serverDeaths() {
        return java.util.List.of();
    }

    /** Releases every resource of the store. Idempotent. See the lifecycle section above. */
    @Override
    void close();

    /** Checks a value argument: non-null and a length within the array. */
    static void checkValue(byte[] value, int valueLength) {
        if (value == null) {
            throw new IllegalArgumentException("value is null; use an empty array for an empty value");
        }
        if (valueLength < 0 || valueLength > value.length) {
            throw new IllegalArgumentException(
                    "value length " + valueLength + " outside the array's 0.." + value.length);
        }
    }
}
