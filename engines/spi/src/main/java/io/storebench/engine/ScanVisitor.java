package io.storebench.engine;

import java.nio.ByteBuffer;

/**
 * Receives the entries of {@link KeyValueStore#scan}, in key order.
 *
 * <p>Each buffer holds the entry's bytes from its position to its limit and is valid only during
 * the call: it may point into engine memory or be reused for the next entry. Read it, do not
 * modify it, and copy what you keep.
 */
@FunctionalInterface
public interface ScanVisitor {
    void visit(ByteBuffer key, ByteBuffer value);
}
