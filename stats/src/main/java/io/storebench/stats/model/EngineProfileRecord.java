package io.storebench.stats.model;

/**
 * An engine at a glance, as the engine described itself when the run was made (its
 * {@code EngineProfile}), so that a report rebuilt by another build says the same thing.
 *
 * @param dataModel how it stores data, e.g. "LSM tree", "B+tree over mmap"
 * @param transactions what atomicity and isolation it offers
 * @param durability what {@code strict} and {@code buffered} mean for it
 * @param clientPath how the harness reaches it, e.g. "JNI", "JDBC", "gRPC"
 */
public record EngineProfileRecord(String dataModel, String transactions, String durability, String clientPath) {
}
