package io.storebench.bench.crash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.storebench.bench.io.JsonFiles;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The two child processes of a crash trial, each a fresh JVM started by {@link TrialRunner}
 * (not a user command; its arguments are positional):
 * <ul>
 *   <li>{@code write ENGINE DURABILITY DIR SEED KEYS OPTIONS}: opens the store, prints {@code ready}, then
 *       applies {@link WriteStream}'s ops one at a time and prints {@code a SEQ} once each call has
 *       returned, flushed before the next op is issued; it runs until it is killed (or its
 *       standard output is closed);</li>
 *   <li>{@code verify ENGINE DURABILITY DIR SEED KEYS OPTIONS ACKNOWLEDGED}: reopens the store with the
 *       engine's normal options (no repair is asked for), reads every key and scans the whole
 *       store, and prints one line, {@code findings } and the {@link Findings} as JSON.</li>
 * </ul>
 * Exit codes: 0 done (a store that failed to open is a finding, not an error), 2 bad arguments.
 */
public final class CrashChild {
    static final String READY = "ready";
    static final String ACK = "a ";
    static final String FINDINGS = "findings ";

    private CrashChild() {
    }

    /**
     * What both children are given. {@code options} are the engine's options ({@link SmallMemtables}),
     * passed as one argument, {@code name=value} pairs separated by commas, or {@code -} for none.
     */
    record Target(String engine, Durability durability, Path directory, long seed, int keys,
            Map<String, String> options) {
        Target {
            options = Map.copyOf(options);
        }

        /** A target opened with the engine's default options. */
        Target(String engine, Durability durability, Path directory, long seed, int keys) {
            this(engine, durability, directory, seed, keys, Map.of());
        }

        /**
         * Opens the store with {@code options}; a remote engine's managed server also keeps its data
         * ({@link ServerKill#options}).
         */
        KeyValueStore open() {
            EngineRegistry registry = EngineRegistry.discover();
            Map<String, String> all = new TreeMap<>(options);
            all.putAll(ServerKill.options(registry.provider(engine)));
            return registry.open(engine, new EngineConfig(directory, durability, EngineConfig.DEFAULT_CACHE_BYTES, 1,
                    0, all));
        }

        List<String> arguments() {
            return List.of(engine, durability.label(), directory.toAbsolutePath().toString(), Long.toString(seed),
                    Integer.toString(keys), options.isEmpty() ? "-" : new TreeMap<>(options).entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        }

        static Map<String, String> options(String argument) {
            return argument.equals("-") ? Map.of() : Arrays.stream(argument.split(","))
                    .collect(Collectors.toMap(p -> p.substring(0, p.indexOf('=')),
                            p -> p.substring(p.indexOf('=') + 1)));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7 || !(args[0].equals("write") && args.length == 7
                || args[0].equals("verify") && args.length == 8)) {
            System.err.println("usage: CrashChild write ENGINE DURABILITY DIR SEED KEYS OPTIONS"
                    + " | verify ENGINE DURABILITY DIR SEED KEYS OPTIONS ACKNOWLEDGED");
            System.exit(2);
        }
        Target target = new Target(args[1], Durability.parse(args[2]), Path.of(args[3]), Long.parseLong(args[4]),
                Integer.parseInt(args[5]), Target.options(args[6]));
        if (args[0].equals("write")) {
            write(target, new FileOutputStream(FileDescriptor.out));
        } else {
            Findings findings = verify(target, Long.parseLong(args[7]));
            System.out.println(FINDINGS + JsonFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(findings));
            System.out.flush();
        }
        System.exit(0);
    }

    /**
     * Writes the stream until killed, acknowledging each op on {@code out}; returns when {@code out}
     * fails (the parent is gone).
     */
    static void write(Target target, OutputStream out) {
        try (KeyValueStore store = target.open()) {
            out.write((READY + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            WriteStream stream = new WriteStream(target.seed(), target.keys());
            WriteBatch batch = new WriteBatch();
            for (;;) {
                WriteStream.Op op = stream.next();
                apply(store, op, target.seed(), batch);
                out.write((ACK + op.seq() + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the parent closed the pipe: nobody records acknowledgements any more
        }
    }

    /** Applies one op: a put, a delete, or a batch as one {@link KeyValueStore#write}. */
    static void apply(KeyValueStore store, WriteStream.Op op, long seed, WriteBatch batch) {
        switch (op.kind()) {
            case PUT -> store.put(WriteStream.key(op.keys()[0]), Values.of(seed, op.keys()[0], op.seq()));
            case DELETE -> store.delete(WriteStream.key(op.keys()[0]));
            case BATCH -> {
                batch.clear();
                for (int i = 0; i < op.size(); i++) {
                    byte[] key = WriteStream.key(op.keys()[i]);
                    if (op.deletes()[i]) {
                        batch.delete(key);
                    } else {
                        batch.put(key, Values.of(seed, op.keys()[i], op.seq()));
                    }
                }
                store.write(batch);
                batch.clear();
            }
        }
    }

    /** Reopens the store and judges it; a store that does not open is a finding. */
    static Findings verify(Target target, long acknowledged) {
        CrashJudge judge = new CrashJudge(target.seed(), target.keys(), acknowledged);
        KeyValueStore opened;
        try {
            opened = target.open();
        } catch (RuntimeException e) {
            WriteStream.Op inFlight = judge.inFlight();
            return Findings.failedOpen(acknowledged, CrashJudge.describe(inFlight),
                    inFlight.kind() == WriteStream.Kind.BATCH, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try (KeyValueStore store = opened) {
            return judge.judge(reader(store, target));
        }
    }

    /** The judge's view of an open store. */
    static CrashJudge.Store reader(KeyValueStore store, Target target) {
        ValueBuffer value = new ValueBuffer(20 * 1024);
        return new CrashJudge.Store() {
            @Override
            public Values.Decoded read(int key) {
                if (!store.get(WriteStream.key(key), value)) {
                    return new Values.Absent();
                }
                return Values.decode(target.seed(), key, value.array(), value.length());
            }

            @Override
            public CrashJudge.UnknownKeys unknownKeys() {
                long[] count = {0};
                List<String> examples = new ArrayList<>();
                store.scan(new byte[] {0}, target.keys() + 1000, (key, ignored) -> {
                    byte[] bytes = new byte[key.remaining()];
                    key.duplicate().get(bytes);
                    if (WriteStream.index(bytes, target.keys()) < 0) {
                        count[0]++;
                        if (examples.size() < 3) {
                            examples.add(printable(bytes));
                        }
                    }
                });
                return new CrashJudge.UnknownKeys(count[0], examples);
            }
        };
    }

    private static String printable(byte[] key) {
        StringBuilder text = new StringBuilder();
        for (byte b : key) {
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return text.toString();
    }

    /** The findings line a verifier printed, or null if {@code line} is not one. */
    static Findings parse(String line) throws JsonProcessingException {
        return line.startsWith(FINDINGS) ? JsonFiles.MAPPER.readValue(line.substring(FINDINGS.length()),
                Findings.class) : null;
    }
}
