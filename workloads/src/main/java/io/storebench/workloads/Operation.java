package io.storebench.workloads;

import java.util.Locale;

/** What one operation of a workload does. */
public enum Operation {
    /** Read one existing key. */
    READ,
    /** Overwrite one existing key with a new version of its value. */
    UPDATE,
    /** Write a new key, growing the key space. */
    INSERT,
    /** Read a run of keys in order from an existing key. */
    SCAN,
    /** Read one existing key, then write a new version of it (two engine calls, one operation). */
    READ_MODIFY_WRITE,
    /** Remove one existing key. */
    DELETE;

    private static final Operation[] VALUES = values();

    /** The name in reports and options: lower case, dashed ({@code read-modify-write}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** All operations, in declaration order, without the copy {@code values()} makes. */
    static Operation[] all() {
        return VALUES;
    }
}
