package io.storebench.engine;

/**
 * An engine at a glance, for the panorama of the engine-selection report.
 *
 * @param dataModel how it stores data, e.g. "LSM tree", "B+tree over mmap"
 * @param transactions what atomicity and isolation it offers
 * @param durability what {@code strict} and {@code buffered} mean for it
 * @param clientPath how the harness reaches it, e.g. "JNI", "JDBC", "gRPC"
 */
public record EngineProfile(String dataModel, String transactions, String durability, String clientPath) {
}
