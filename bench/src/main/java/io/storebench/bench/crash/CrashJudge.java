package io.storebench.bench.crash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges what a store holds after a crash against the ops acknowledged before it: the one place
 * that decides what is lost, torn, corrupt or unissued.
 *
 * <p>The writer applies {@link WriteStream}'s ops one at a time and acknowledges each once its call
 * returned; {@code acknowledged} ops (0 to {@code acknowledged - 1}) were acknowledged, op
 * {@code acknowledged} was issued and may or may not have been applied (in flight), and no later
 * op was ever issued. For each key the judge replays the key's writes and finds the one its
 * content comes from (its point):
 * <ul>
 *   <li>a value is decoded ({@link Values}): one that fails its checksum or differs from the value
 *       derived anew is corrupt; one whose version is not a put of this key issued before the
 *       kill is unissued; otherwise its point is that put;</li>
 *   <li>an absent key's point is its latest delete issued (the in-flight one included), or before
 *       its first write: the most favourable reading;</li>
 *   <li>every acknowledged write to the key after its point is lost (the in-flight op is never
 *       lost, present or not);</li>
 *   <li>a batch is torn when some of its keys show it and others do not: a key shows it when it
 *       holds the batch's version or a later one, or is absent after a delete issued at or after
 *       the batch; a key absent both just before the batch and after it shows nothing either way.</li>
 * </ul>
 * A key outside the stream's key space is unissued.
 */
final class CrashJudge {
    /** A key whose content could not be placed in its history (corrupt or unissued). */
    private static final long UNPLACED = Long.MIN_VALUE;
    /** A key the store does not hold. */
    private static final long ABSENT = Long.MIN_VALUE + 1;
    /** An absent key with no delete: its point is before its first write. */
    private static final long BEFORE_FIRST = -1;

    /** What the verifier reads from the reopened store. */
    interface Store {
        /** What key {@code key} of the stream holds. */
        Values.Decoded read(int key);

        /** How many keys the store holds outside the stream's key space, and up to a few of them. */
        UnknownKeys unknownKeys();
    }

    /** Keys found in the store that the stream never writes. */
    record UnknownKeys(long count, List<String> examples) {
    }

    private final long seed;
    private final int keySpace;
    private final long acknowledged;

    CrashJudge(long seed, int keySpace, long acknowledged) {
        if (acknowledged < 0) {
            throw new IllegalArgumentException("acknowledged ops " + acknowledged + " is negative");
        }
        this.seed = seed;
        this.keySpace = keySpace;
        this.acknowledged = acknowledged;
    }

    /** The op in flight when the writer died: op {@code acknowledged} of the stream. */
    WriteStream.Op inFlight() {
        WriteStream stream = new WriteStream(seed, keySpace);
        WriteStream.Op op = stream.next();
        while (op.seq() < acknowledged) {
            op = stream.next();
        }
        return op;
    }

    static String describe(WriteStream.Op op) {
        return switch (op.kind()) {
            case PUT -> "put #" + op.seq();
            case DELETE -> "delete #" + op.seq();
            case BATCH -> "batch #" + op.seq() + " of " + op.size() + " writes";
        };
    }

    /** Judges {@code store}. */
    Findings judge(Store store) {
        History history = replay();
        List<String> examples = new ArrayList<>();
        long[] held = new long[keySpace]; // the version a key holds, ABSENT or UNPLACED
        long lost = 0;
        long corrupt = 0;
        long unissued = 0;
        for (int key = 0; key < keySpace; key++) {
            Values.Decoded read = store.read(key);
            long point;
            if (read instanceof Values.Corrupt c) {
                corrupt++;
                example(examples, "key " + key + ": corrupt value: " + c.reason());
                point = held[key] = UNPLACED;
            } else if (read instanceof Values.Version v) {
                point = held[key] = history.isPut(key, v.seq()) ? v.seq() : UNPLACED;
                if (point == UNPLACED) {
                    unissued++;
                    example(examples, "key " + key + ": holds the value of op #" + v.seq() + ", "
                            + (v.seq() > acknowledged ? "never issued (" + acknowledged + " acknowledged)"
                            : "which wrote no such value to this key"));
                }
            } else {
                held[key] = ABSENT;
                point = history.lastDelete(key);
            }
            if (point != UNPLACED) {
                long missing = history.acknowledgedAfter(key, point, acknowledged);
                if (missing > 0) {
                    lost += missing;
                    String holds = read instanceof Values.Version ? "op #" + point + "'s value" : "nothing";
                    example(examples, "key " + key + ": " + missing + " acknowledged write(s) lost, the last "
                            + history.lastAcknowledged(key, acknowledged) + "; it holds " + holds);
                }
            }
        }
        long torn = 0;
        for (WriteStream.Op batch : history.batches) {
            int reflected = 0;
            int missed = 0;
            for (int key : batch.keys()) {
                switch (history.shows(key, held[key], batch.seq())) {
                    case YES -> reflected++;
                    case NO -> missed++;
                    case UNKNOWN -> { }
                }
            }
            if (reflected > 0 && missed > 0) {
                torn++;
                example(examples, describe(batch) + (batch.seq() == acknowledged ? " (in flight)" : "")
                        + " is torn: " + reflected + " of its keys show it, " + missed + " do not");
            }
        }
        UnknownKeys unknown = store.unknownKeys();
        unissued += unknown.count();
        unknown.examples().forEach(k -> example(examples, "key " + k + " was never written by the stream"));
        WriteStream.Op inFlight = history.inFlight;
        return new Findings(acknowledged, history.acknowledgedWrites, describe(inFlight),
                inFlight.kind() == WriteStream.Kind.BATCH, lost, torn, corrupt, unissued, false, "", examples);
    }

    private static void example(List<String> examples, String line) {
        if (examples.size() < Findings.MAX_EXAMPLES) {
            examples.add(line);
        }
    }

    /** Every key's writes up to the in-flight op: versions ascending, a delete's marked by its low bit. */
    private History replay() {
        History history = new History(keySpace);
        WriteStream stream = new WriteStream(seed, keySpace);
        for (long seq = 0; seq <= acknowledged; seq++) {
            WriteStream.Op op = stream.next();
            for (int i = 0; i < op.size(); i++) {
                history.add(op.keys()[i], op.seq(), op.deletes()[i]);
            }
            if (seq < acknowledged) {
                history.acknowledgedWrites += op.size();
            } else {
                history.inFlight = op;
            }
            if (op.kind() == WriteStream.Kind.BATCH) {
                history.batches.add(op);
            }
        }
        return history;
    }

    /** Whether a key's content shows a batch's write to it. */
    private enum Shows { YES, NO, UNKNOWN }

    /** The writes of each key, in order: {@code seq << 1 | delete}. */
    private static final class History {
        private final long[][] writes;
        private final int[] sizes;
        private final List<WriteStream.Op> batches = new ArrayList<>();
        private long acknowledgedWrites;
        private WriteStream.Op inFlight;

        History(int keySpace) {
            writes = new long[keySpace][];
            sizes = new int[keySpace];
        }

        void add(int key, long seq, boolean delete) {
            long[] list = writes[key];
            if (list == null) {
                list = writes[key] = new long[4];
            } else if (sizes[key] == list.length) {
                list = writes[key] = Arrays.copyOf(list, list.length * 2);
            }
            list[sizes[key]++] = seq << 1 | (delete ? 1 : 0);
        }

        boolean isPut(int key, long seq) {
            return writes[key] != null && Arrays.binarySearch(writes[key], 0, sizes[key], seq << 1) >= 0;
        }

        long lastDelete(int key) {
            for (int i = sizes[key] - 1; i >= 0; i--) {
                if ((writes[key][i] & 1) == 1) {
                    return writes[key][i] >> 1;
                }
            }
            return BEFORE_FIRST;
        }

        /**
         * Whether {@code key}, holding version {@code held} (or {@link #ABSENT}, {@link #UNPLACED}),
         * shows the batch {@code batch}'s write to it. A version shows it from the batch on. Absence
         * shows it if a delete at or after the batch was issued, and does not if the key was absent
         * just before the batch: when both hold, which one is {@link Shows#UNKNOWN}; when neither
         * does (the key lost writes), it does not show it.
         */
        Shows shows(int key, long held, long batch) {
            if (held == UNPLACED) {
                return Shows.UNKNOWN;
            }
            if (held != ABSENT) {
                return held >= batch ? Shows.YES : Shows.NO;
            }
            boolean deletedSince = lastDelete(key) >= batch;
            boolean absentBefore = true;
            for (int i = sizes[key] - 1; i >= 0; i--) {
                if (writes[key][i] >> 1 < batch) {
                    absentBefore = (writes[key][i] & 1) == 1;
                    break;
                }
            }
            if (deletedSince && absentBefore) {
                return Shows.UNKNOWN;
            }
            return deletedSince ? Shows.YES : Shows.NO;
        }

        /** The acknowledged writes to {@code key} after {@code point}. */
        long acknowledgedAfter(int key, long point, long acknowledged) {
            long count = 0;
            for (int i = sizes[key] - 1; i >= 0; i--) {
                long seq = writes[key][i] >> 1;
                if (seq <= point) {
                    break;
                }
                if (seq < acknowledged) {
                    count++;
                }
            }
            return count;
        }

        /** The last acknowledged write to {@code key}, described. */
        String lastAcknowledged(int key, long acknowledged) {
            for (int i = sizes[key] - 1; i >= 0; i--) {
                long seq = writes[key][i] >> 1;
                if (seq < acknowledged) {
                    return ((writes[key][i] & 1) == 1 ? "delete #" : "put #") + seq;
                }
            }
            return "none";
        }
    }
}
