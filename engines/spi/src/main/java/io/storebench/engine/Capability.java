package io.storebench.engine;

/**
 * Optional behaviour an engine declares through {@link EngineProvider#capabilities()}.
 *
 * <p>Every {@link KeyValueStore} method exists on every store; a capability says what the
 * harness and the contract test kit may rely on. A case that needs a capability is skipped
 * (by assumption) for an engine that lacks it, never deleted.
 */
public enum Capability {
    /** {@code get} returns what the last {@code put} wrote. Only the {@code null} baseline lacks it. */
    RETAINS_DATA("get returns what put wrote"),
    /** {@code scan} visits keys in unsigned lexicographic order from the start key. */
    ORDERED_SCAN("ordered scan from a start key"),
    /** {@code write(batch)} is all-or-nothing and no reader, a scan included, ever sees part of a batch. */
    ATOMIC_BATCH("all-or-nothing batch writes"),
    /** The engine can fsync before acknowledging a write: it honours {@link Durability#STRICT}. */
    DURABLE_SYNC("fsync before acknowledging a write"),
    /** Data written before {@code close} is seen by a store opened later on the same directory. */
    PERSISTENT("data survives close and reopen"),
    /** Every call crosses a network to a server process (e.g. etcd over gRPC). */
    REMOTE("calls cross a network to a server");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** The name used on the command line and in reports: lower case, dashes. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }
}
