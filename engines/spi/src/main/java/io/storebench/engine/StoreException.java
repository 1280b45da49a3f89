package io.storebench.engine;

/**
 * The engine failed to carry out an operation it accepted: an I/O error, a full map, a busy
 * database after its timeout, corruption, a server that did not answer in time. The harness
 * counts these per operation type; they never end a run silently. The message names the
 * engine and the operation.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
