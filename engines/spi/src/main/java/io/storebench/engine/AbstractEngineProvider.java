package io.storebench.engine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An {@link EngineProvider} whose description is fixed at construction: subclasses pass their
 * name, description, capabilities, profiles and options, and implement only {@link #open}.
 */
public abstract class AbstractEngineProvider implements EngineProvider {
    /** What an embedded, durable, transactional key-value engine offers (RocksDB, LMDB, SQLite). */
    public static final Set<Capability> EMBEDDED_DURABLE = ordered(Capability.class, EnumSet.of(
            Capability.RETAINS_DATA, Capability.ORDERED_SCAN, Capability.ATOMIC_BATCH, Capability.DURABLE_SYNC,
            Capability.PERSISTENT));
    /** The two profiles an engine that can fsync honours. */
    public static final Set<Durability> STRICT_AND_BUFFERED = ordered(Durability.class,
            EnumSet.of(Durability.STRICT, Durability.BUFFERED));

    private final String name;
    private final String description;
    private final Set<Capability> capabilities;
    private final Set<Durability> durabilities;
    private final List<EngineOption> options;

    protected AbstractEngineProvider(String name, String description, Set<Capability> capabilities,
            Set<Durability> durabilities, List<EngineOption> options) {
        this.name = name;
        this.description = description;
        this.capabilities = ordered(Capability.class, capabilities);
        this.durabilities = ordered(Durability.class, durabilities);
        this.options = List.copyOf(options);
    }

    /** An unmodifiable copy that iterates in declaration order (messages and listings list them so). */
    private static <E extends Enum<E>> Set<E> ordered(Class<E> type, Set<E> values) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public final Set<Durability> durabilities() {
        return durabilities;
    }

    @Override
    public final List<EngineOption> options() {
        return options;
    }
}
