package io.storebench.engine.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.EngineStats;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.Metric;
import io.storebench.engine.StoreClosedException;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@link KeyValueStore}, run unchanged against every engine registered on the test
 * class path, baselines included: {@link EveryEngine} runs each case once per engine found by
 * {@link EngineRegistry#discover()} and per setup of the engine's {@link ContractFixture}. An
 * engine module runs the kit by scanning this test-jar (surefire {@code dependenciesToScan}) and
 * listing its fixture in {@code META-INF/services/io.storebench.engine.contract.ContractFixture}:
 *
 * <pre>{@code
 * public final class RocksDbContractFixture implements ContractFixture {
 *     public String engine() { return "rocksdb"; }
 * }
 * }</pre>
 *
 * Cases that need a {@link Capability} the engine lacks are skipped by assumption, never deleted.
 * Every store is real: files in a temporary directory, or a real server for remote engines.
 */
@ExtendWith(EveryEngine.class)
public class KeyValueStoreContract {
    protected final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    protected Path temp;

    protected KeyValueStore store;

    private EngineCase engine;

    /** Engine-specific options for every store this case opens: the fixture's. */
    protected Map<String, String> options() {
        return engine.options();
    }

    protected final EngineProvider provider() {
        return registry.provider(engine.engine());
    }

    /** Buffered where the engine offers it, else the engine's first profile. */
    protected final Durability defaultDurability() {
        return provider().durabilities().contains(Durability.BUFFERED) ? Durability.BUFFERED
                : provider().durabilities().iterator().next();
    }

    protected EngineConfig config(Durability durability) {
        return new EngineConfig(temp.resolve("data"), durability, 8L << 20, 4, 16L << 20, options());
    }

    protected final KeyValueStore open(Durability durability) {
        return registry.open(engine.engine(), config(durability));
    }

    @BeforeEach
    void openStore(EngineCase engineCase) {
        engine = engineCase;
        store = open(defaultDurability());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected final void assume(Capability capability) {
        assumeTrue(provider().capabilities().contains(capability),
                () -> engine + " lacks " + capability.label() + ": case skipped");
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    protected final byte[] read(byte[] key) {
        ValueBuffer buffer = new ValueBuffer(4);
        return store.get(key, buffer) ? buffer.toByteArray() : null;
    }

    // ---------------------------------------------------------------- basic operations

    @TestTemplate
    void getAfterPut() {
        assume(Capability.RETAINS_DATA);
        store.put(bytes("alpha"), bytes("one"));
        assertArrayEquals(bytes("one"), read(bytes("alpha")));
    }

    @TestTemplate
    void overwriteReplacesTheValueWithALongerThenAShorterOne() {
        assume(Capability.RETAINS_DATA);
        store.put(bytes("k"), bytes("first"));
        store.put(bytes("k"), bytes("a much longer second value"));
        assertArrayEquals(bytes("a much longer second value"), read(bytes("k")));
        store.put(bytes("k"), bytes("3"));
        assertArrayEquals(bytes("3"), read(bytes("k")));
    }

    @TestTemplate
    void deleteRemovesTheKeyAndDeletingAnAbsentKeyIsNoError() {
        assume(Capability.RETAINS_DATA);
        store.put(bytes("gone"), bytes("soon"));
        store.delete(bytes("gone"));
        assertFalse(store.get(bytes("gone"), new ValueBuffer(8)));
        store.delete(bytes("never-there"));
    }

    @TestTemplate
    void readModifyWriteReturnsTheOldValueAndLeavesTheNewOne() {
        assume(Capability.RETAINS_DATA);
        ValueBuffer buffer = new ValueBuffer(2);
        assertFalse(store.readModifyWrite(bytes("rmw"), buffer, bytes("first-ignored"), 5));
        assertArrayEquals(bytes("first"), read(bytes("rmw")));
        assertTrue(store.readModifyWrite(bytes("rmw"), buffer, bytes("second"), 6));
        assertArrayEquals(bytes("first"), buffer.toByteArray());
        assertArrayEquals(bytes("second"), read(bytes("rmw")));
    }

    @TestTemplate
    void missingKeyReturnsFalseAndLeavesTheBufferAlone() {
        ValueBuffer buffer = new ValueBuffer(8);
        buffer.set(bytes("before"), 0, 6);
        boolean found = store.get(bytes("missing"), buffer);
        if (provider().capabilities().contains(Capability.RETAINS_DATA)) {
            assertFalse(found);
            assertArrayEquals(bytes("before"), buffer.toByteArray());
        }
    }

    @TestTemplate
    void emptyValueIsStoredAndReadBackAsEmpty() {
        assume(Capability.RETAINS_DATA);
        store.put(bytes("empty"), new byte[0]);
        assertArrayEquals(new byte[0], read(bytes("empty")));
    }

    @TestTemplate
    void oneMebibyteValueRoundTrips() {
        assume(Capability.RETAINS_DATA);
        byte[] big = new byte[1 << 20];
        new Random(42).nextBytes(big);
        store.put(bytes("big"), big);
        ValueBuffer small = new ValueBuffer(16); // must grow
        assertTrue(store.get(bytes("big"), small));
        assertEquals(big.length, small.length());
        assertArrayEquals(big, small.toByteArray());
    }

    @TestTemplate
    void putWithALengthStoresOnlyThatPrefix() {
        assume(Capability.RETAINS_DATA);
        store.put(bytes("prefix"), bytes("abcdefgh"), 3);
        assertArrayEquals(bytes("abc"), read(bytes("prefix")));
    }

    @TestTemplate
    void callerMayReuseItsArraysAfterTheCall() {
        assume(Capability.RETAINS_DATA);
        byte[] key = bytes("reused");
        byte[] value = bytes("original");
        store.put(key, value);
        Arrays.fill(value, (byte) 'x');
        Arrays.fill(key, (byte) 'y');
        assertArrayEquals(bytes("original"), read(bytes("reused")));
    }

    @TestTemplate
    void binaryKeysWithZeroAndFfBytesAreDistinctAndOrderedUnsigned() {
        assume(Capability.RETAINS_DATA);
        List<byte[]> keys = new ArrayList<>(List.of(new byte[] {0x00}, new byte[] {0x00, 0x00},
                new byte[] {0x00, (byte) 0xFF}, new byte[] {0x7F}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFF, 0x00}, new byte[] {(byte) 0xFF, (byte) 0xFF}));
        List<byte[]> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(7));
        for (byte[] key : shuffled) {
            store.put(key, valueFor(key));
        }
        for (byte[] key : keys) {
            assertArrayEquals(valueFor(key), read(key), () -> "key " + Arrays.toString(key));
        }
        if (provider().capabilities().contains(Capability.ORDERED_SCAN)) {
            List<byte[]> seen = new ArrayList<>();
            store.scan(new byte[] {0x00}, 100, (k, v) -> seen.add(copy(k)));
            assertEquals(keys.size(), seen.size());
            for (int i = 0; i < keys.size(); i++) {
                assertArrayEquals(keys.get(i), seen.get(i), "position " + i);
            }
        }
    }

    private static byte[] valueFor(byte[] key) {
        return ("v" + Arrays.toString(key)).getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- scan

    @TestTemplate
    void orderedScanStartsAtTheStartKeyAndStopsAtTheLimit() {
        assume(Capability.ORDERED_SCAN);
        assume(Capability.RETAINS_DATA);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        for (int i : order) {
            store.put(bytes(String.format("k%02d", i)), bytes("v" + i));
        }
        List<String> seen = new ArrayList<>();
        int count = store.scan(bytes("k05"), 7, (k, v) -> seen.add(text(k) + "=" + text(v)));
        assertEquals(7, count);
        assertEquals(List.of("k05=v5", "k06=v6", "k07=v7", "k08=v8", "k09=v9", "k10=v10", "k11=v11"), seen);

        seen.clear();
        assertEquals(3, store.scan(bytes("k05~"), 3, (k, v) -> seen.add(text(k)))); // between two keys
        assertEquals(List.of("k06", "k07", "k08"), seen);

        seen.clear();
        assertEquals(2, store.scan(bytes("k18"), 50, (k, v) -> seen.add(text(k)))); // runs off the end
        assertEquals(List.of("k18", "k19"), seen);

        assertEquals(0, store.scan(bytes("k99"), 10, (k, v) -> seen.add("none expected")));
        assertEquals(0, store.scan(bytes("k00"), 0, (k, v) -> seen.add("none expected")));
        assertEquals(2, seen.size());
    }

    @TestTemplate
    void negativeScanLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.scan(bytes("a"), -1, (k, v) -> { }));
    }

    // ---------------------------------------------------------------- batches

    @TestTemplate
    void batchAppliesItsEntriesInOrder() {
        assume(Capability.RETAINS_DATA);
        store.put(bytes("old"), bytes("x"));
        WriteBatch batch = new WriteBatch().put(bytes("a"), bytes("1")).put(bytes("b"), bytes("2"))
                .delete(bytes("a")).put(bytes("b"), bytes("22")).delete(bytes("old")).put(bytes("c"), bytes("3xx"), 1);
        store.write(batch);
        assertEquals(null, read(bytes("a")));
        assertArrayEquals(bytes("22"), read(bytes("b")));
        assertArrayEquals(bytes("3"), read(bytes("c")));
        assertEquals(null, read(bytes("old")));
    }

    @TestTemplate
    void batchIsAtomicForAConcurrentScanner() throws Exception {
        assume(Capability.ATOMIC_BATCH);
        assume(Capability.ORDERED_SCAN);
        int keys = 10;
        WriteBatch batch = new WriteBatch();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> writer = pool.submit(() -> {
                byte[][] values = new byte[keys][];
                for (int version = 0; version < 300; version++) {
                    batch.clear();
                    for (int k = 0; k < keys; k++) {
                        values[k] = bytes("version-" + version);
                        batch.put(bytes("atomic-" + k), values[k]);
                    }
                    store.write(batch);
                }
                done.set(true);
                return 300;
            });
            Future<Integer> scanner = pool.submit(() -> {
                int consistentScans = 0;
                while (!done.get()) {
                    List<String> versions = new ArrayList<>();
                    store.scan(bytes("atomic-"), keys, (k, v) -> versions.add(text(v)));
                    if (!versions.isEmpty()) {
                        assertEquals(keys, versions.size(), "a scan saw part of a batch");
                        assertEquals(1, versions.stream().distinct().count(), () -> "torn batch: " + versions);
                        consistentScans++;
                    }
                }
                return consistentScans;
            });
            assertEquals(300, writer.get(120, TimeUnit.SECONDS));
            scanner.get(120, TimeUnit.SECONDS);
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- durability and reopen

    @TestTemplate
    void reopenAfterCloseSeesTheData(Durability durability) {
        assume(Capability.PERSISTENT);
        assumeTrue(provider().durabilities().contains(durability), () -> "profile " + durability.label()
                + " not offered");
        store.close();
        try (KeyValueStore first = open(durability)) {
            for (int i = 0; i < 100; i++) {
                first.put(bytes("persist-" + i), bytes("value-" + i));
            }
            first.delete(bytes("persist-7"));
        }
        store = open(durability);
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(i == 7 ? null : bytes("value-" + i), read(bytes("persist-" + i)), "key " + i);
        }
    }

    // ---------------------------------------------------------------- concurrency

    /**
     * Four threads: two writers each owning its keys, writing self-checking values of varying
     * length; two readers verifying every value they see. Then every key must hold its writer's
     * last version: nothing lost, nothing torn.
     */
    @TestTemplate
    void fourThreadsOfReadersAndWritersLoseAndTearNothing() throws Exception {
        int keysPerWriter = 50;
        int versions = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        boolean verify = provider().capabilities().contains(Capability.RETAINS_DATA);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                tasks.add(() -> {
                    for (int version = 1; version <= versions; version++) {
                        for (int k = 0; k < keysPerWriter; k++) {
                            byte[] key = concurrencyKey(writer, k);
                            store.put(key, checkedValue(key, version));
                        }
                    }
                    return versions * keysPerWriter;
                });
            }
            for (int r = 0; r < 2; r++) {
                int reader = r;
                tasks.add(() -> {
                    Random random = new Random(reader);
                    ValueBuffer buffer = new ValueBuffer(16);
                    int checked = 0;
                    while (writing.get() || checked < 100) {
                        byte[] key = concurrencyKey(random.nextInt(2), random.nextInt(keysPerWriter));
                        if (store.get(key, buffer) && verify) {
                            checkValue(key, buffer.toByteArray());
                        }
                        checked++;
                    }
                    return checked;
                });
            }
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> task : tasks) {
                futures.add(pool.submit(task));
            }
            for (int w = 0; w < 2; w++) {
                futures.get(w).get(300, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> future : futures) {
                assertTrue(future.get(300, TimeUnit.SECONDS) > 0);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        if (verify) {
            for (int w = 0; w < 2; w++) {
                for (int k = 0; k < keysPerWriter; k++) {
                    byte[] key = concurrencyKey(w, k);
                    assertArrayEquals(checkedValue(key, versions), read(key), "lost write of key " + text(key));
                }
            }
        }
    }

    private static byte[] concurrencyKey(int writer, int k) {
        return bytes("writer-" + writer + "-key-" + k);
    }

    /** key bytes, version, filler of version-dependent length, then a CRC32 of all before it. */
    private static byte[] checkedValue(byte[] key, int version) {
        ByteBuffer value = ByteBuffer.allocate(key.length + 4 + (version % 7) * 37 + 8);
        value.put(key).putInt(version);
        while (value.remaining() > 8) {
            value.put((byte) (version * 31 + value.position()));
        }
        CRC32 crc = new CRC32();
        crc.update(value.array(), 0, value.position());
        value.putLong(crc.getValue());
        return value.array();
    }

    private static void checkValue(byte[] key, byte[] value) {
        assertTrue(value.length >= key.length + 12, () -> "value too short: " + value.length);
        CRC32 crc = new CRC32();
        crc.update(value, 0, value.length - 8);
        long stored = ByteBuffer.wrap(value, value.length - 8, 8).getLong();
        assertEquals(crc.getValue(), stored, () -> "torn value for " + text(key));
        assertArrayEquals(key, Arrays.copyOf(value, key.length), "value belongs to another key");
    }

    // ---------------------------------------------------------------- lifecycle

    @TestTemplate
    void closingTwiceIsHarmless() {
        store.put(bytes("kept"), bytes("across close"));
        store.close();
        store.close();
        assertThrows(StoreClosedException.class, () -> store.get(bytes("kept"), new ValueBuffer(4)),
                "the store stays closed after a second close");
        // Closing released what the store held (file locks, handles, a server): the same data opens again.
        store = open(defaultDurability());
        if (provider().capabilities().contains(Capability.PERSISTENT)) {
            assertArrayEquals(bytes("across close"), read(bytes("kept")));
        }
        store.put(bytes("after-reopen"), bytes("v"));
        if (provider().capabilities().contains(Capability.RETAINS_DATA)) {
            assertArrayEquals(bytes("v"), read(bytes("after-reopen")), "the reopened store takes writes");
        }
    }

    @TestTemplate
    void useAfterCloseIsAClearExceptionNotACrash() {
        store.put(bytes("before-close"), bytes("v"));
        store.close();
        StoreClosedException e = assertThrows(StoreClosedException.class, () -> store.get(bytes("k"), new ValueBuffer(4)));
        assertTrue(e.getMessage().contains("after close"), e.getMessage());
        assertThrows(StoreClosedException.class, () -> store.put(bytes("k"), bytes("v")));
        assertThrows(StoreClosedException.class, () -> store.delete(bytes("k")));
        assertThrows(StoreClosedException.class, () -> store.scan(bytes("k"), 10, (k, v) -> { }));
        assertThrows(StoreClosedException.class, () -> store.write(new WriteBatch().put(bytes("k"), bytes("v"))));
        assertTrue(store.stats().get(Metric.USER_BYTES_WRITTEN).isPresent(), "stats stay readable after close");
    }

    // ---------------------------------------------------------------- keys and statistics

    @TestTemplate
    void emptyAndNullKeysAreRefused() {
        assertThrows(ConfigurationException.class, () -> store.put(new byte[0], bytes("v")));
        assertThrows(ConfigurationException.class, () -> store.get(null, new ValueBuffer(1)));
    }

    @TestTemplate
    void keyLongerThanTheEngineAllowsIsRefusedNamingTheLimit() {
        int max = store.maxKeySize();
        assumeTrue(max < (1 << 20), "engine takes keys of any practical size");
        byte[] longest = new byte[max];
        Arrays.fill(longest, (byte) 'k');
        store.put(longest, bytes("fits"));
        byte[] tooLong = Arrays.copyOf(longest, max + 1);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> store.put(tooLong, bytes("v")));
        assertTrue(e.getMessage().contains((max + 1) + " bytes") && e.getMessage().contains("1.." + max),
                e.getMessage());
        assertThrows(ConfigurationException.class, () -> store.get(tooLong, new ValueBuffer(4)));
    }

    @TestTemplate
    void statsCountUserBytesAndReadingsAreNeverNegative() {
        EngineStats before = store.stats();
        store.put(bytes("12345"), bytes("1234567890"));
        store.delete(bytes("123"));
        EngineStats delta = store.stats().since(before);
        assertEquals(5 + 10 + 3, delta.get(Metric.USER_BYTES_WRITTEN).orElseThrow().value());
        store.stats().readings().forEach((metric, reading) ->
                assertTrue(reading.value() >= 0, () -> metric + " is negative: " + reading));
    }

    private static byte[] copy(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private static String text(ByteBuffer buffer) {
        return new String(copy(buffer), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
