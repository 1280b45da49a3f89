package io.storebench.engine;

/**
 * A store was used after {@link KeyValueStore#close()}. Thrown by the store itself before it
 * touches the engine, so a use after close never reaches native code (which could crash the JVM).
 */
public class StoreClosedException extends IllegalStateException {
    public StoreClosedException(String engine, String operation) {
        super(engine + ": " + operation + " called after close");
    }
}
