package io.storebench.workloads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One execution of a workload by a fixed number of threads: hands each thread its
 * {@link OperationStream} and keeps the state they share, the count of completed inserts.
 *
 * <h2>Determinism</h2>
 * Thread {@code t}'s random stream is the {@code t}-th {@link SplittableRandom#split() split} of
 * one generator seeded with the workload's seed, so the same seed and thread count replay the
 * same operations. Inserts are striped: thread {@code t}'s {@code k}-th insert writes record
 * {@code recordCount + t + k * threads}, whatever the other threads do. One thing depends on
 * timing: distributions that cover inserted records ({@code uniform}, {@code sequential},
 * {@code latest}) choose among the records whose insert has completed when the choice is made.
 *
 * <h2>Inserted records</h2>
 * Reads, updates, scans and deletes choose only records whose insert has completed: the loaded
 * records plus the longest run of inserted ordinals that have all completed. A thread's insert
 * counts as completed when it asks its stream for the next operation.
 */
public final class WorkloadRun {
    /** Operations per thread that the {@link #fingerprint()} hashes. */
    public static final int FINGERPRINT_OPERATIONS = 1000;
    private static final int PAD = 16; // longs between two threads' counters: no false sharing

    private final WorkloadSpec spec;
    private final int threads;
    private final SplittableRandom[] randoms;
    private final AtomicLongArray completedInserts;
    private final boolean inserts;

    public WorkloadRun(WorkloadSpec spec, int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads " + threads + " is out of range; allowed: 1..1024");
        }
        this.spec = spec;
        this.threads = threads;
        this.randoms = new SplittableRandom[threads];
        SplittableRandom master = new SplittableRandom(spec.seed());
        for (int t = 0; t < threads; t++) {
            randoms[t] = master.split();
        }
        this.completedInserts = new AtomicLongArray(threads * PAD);
        this.inserts = spec.mix().insert() > 0;
    }

    public WorkloadSpec spec() {
        return spec;
    }

    public int threads() {
        return threads;
    }

    /** The stream of thread {@code threadIndex}; ask once per thread. */
    public OperationStream stream(int threadIndex) {
        if (threadIndex < 0 || threadIndex >= threads) {
            throw new IllegalArgumentException("thread " + threadIndex + " is out of range; allowed: 0.." + (threads - 1));
        }
        return new OperationStream(this, threadIndex, randoms[threadIndex]);
    }

    /** The record ordinal of thread {@code thread}'s {@code k}-th insert (k from 0). */
    long insertOrdinal(int thread, long k) {
        return spec.recordCount() + thread + k * threads;
    }

    void insertCompleted(int thread, long count) {
        completedInserts.lazySet(thread * PAD, count);
    }

    /**
     * Records that exist now: the loaded ones plus the longest prefix of inserted ordinals that
     * have all completed. Thread {@code t} has completed its first {@code c[t]} inserts; with
     * {@code m} the smallest {@code c[t]}, ordinals below {@code m * threads} are all done, and
     * the prefix goes on through the threads (in order) that have done more than {@code m}.
     */
    public long available() {
        if (!inserts) {
            return spec.recordCount();
        }
        long min = Long.MAX_VALUE;
        for (int t = 0; t < threads; t++) {
            min = Math.min(min, completedInserts.get(t * PAD));
        }
        int beyond = 0;
        while (beyond < threads && completedInserts.get(beyond * PAD) > min) {
            beyond++;
        }
        return spec.recordCount() + min * threads + beyond;
    }

    /**
     * A 16-hex-digit hash of the first {@value #FINGERPRINT_OPERATIONS} operations of every
     * thread (kind, key, value length and content, scan length), drawn from a fresh run of the
     * same workload and thread count: equal fingerprints mean the same operations.
     */
    public String fingerprint() {
        WorkloadRun dryRun = new WorkloadRun(spec, threads);
        MessageDigest digest = sha256();
        digest.update(spec.name().getBytes(StandardCharsets.UTF_8));
        for (int t = 0; t < threads; t++) {
            OperationStream stream = dryRun.stream(t);
            for (int i = 0; i < FINGERPRINT_OPERATIONS; i++) {
                Operation operation = stream.next();
                digest.update((byte) operation.ordinal());
                digest.update(stream.key());
                if (stream.writes()) {
                    digest.update(stream.value(), 0, stream.valueLength());
                }
                digest.update((byte) stream.scanLength());
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
