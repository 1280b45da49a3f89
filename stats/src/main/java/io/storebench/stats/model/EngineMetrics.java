package io.storebench.stats.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Engine-internal metrics over a span of a fork: one measurement iteration, or all of them
 * (counters are deltas over the span, levels are the last one). A null field was not available
 * from this engine. Built with {@link #builder()}, which records each figure's source with it.
 *
 * <p>The fields after {@code commitP99Nanos} are new in {@code storebench.run/2} files written
 * since the Go engines: older files lack them and read them as null.
 *
 * @param cacheHitRatio cache hits / (hits + misses)
 * @param logBytesPerSecond bytes appended to the engine's log per second of operations
 * @param writeAmplification engine bytes written / user bytes written
 * @param bytesOnDisk the engine's files at the end of the span
 * @param logSyncP99Nanos p99 of the engine's own log syncs (etcd: WAL fsync), server side, over the
 *     last measurement iteration
 * @param commitP99Nanos p99 of the engine's storage commits (etcd: backend commit), the same way
 * @param spaceAmplification bytes on disk / the key and value bytes the load inserted (later inserts
 *     not counted); null in files written before the load counted its bytes
 * @param compactionBytesWritten bytes compactions (and flushes) wrote in the span
 * @param writeStalls times the engine stalled or slowed writers in the span
 * @param lsmBytes an LSM engine's tree files (badger: without its value log)
 * @param valueLogBytes badger's value log files
 * @param valueLogGcRuns value-log garbage collections that rewrote a file in the span
 * @param valueLogBytesReclaimed value-log bytes those collections gave back
 * @param pagesAllocated pages a B+tree engine allocated in the span
 * @param freePages pages on a B+tree engine's free list at the end of the span
 * @param goGc the Go runtime's garbage collection, for an engine that runs in one
 * @param jvmGc the fork JVM's garbage collection: the whole process, the harness included
 * @param sources where each figure above came from, by field name ({@link GcPressure} carries its
 *     own); "proxy: ..." marks a stand-in
 */
public record EngineMetrics(Double cacheHitRatio, Double logBytesPerSecond, Double writeAmplification,
        Long bytesOnDisk, Double logSyncP99Nanos, Double commitP99Nanos, Double spaceAmplification,
        Long compactionBytesWritten, Long writeStalls, Long lsmBytes, Long valueLogBytes, Long valueLogGcRuns,
        Long valueLogBytesReclaimed, Long pagesAllocated, Long freePages, GcPressure goGc, GcPressure jvmGc,
        Map<String, String> sources) {

    public EngineMetrics {
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects figures, each with its source: a null value is not measured and leaves no source. The
     * one way an {@link EngineMetrics} is made, in the harness and in tests.
     */
    public static final class Builder {
        private final Map<String, String> sources = new LinkedHashMap<>();
        private Double cacheHitRatio;
        private Double logBytesPerSecond;
        private Double writeAmplification;
        private Long bytesOnDisk;
        private Double logSyncP99Nanos;
        private Double commitP99Nanos;
        private Double spaceAmplification;
        private Long compactionBytesWritten;
        private Long writeStalls;
        private Long lsmBytes;
        private Long valueLogBytes;
        private Long valueLogGcRuns;
        private Long valueLogBytesReclaimed;
        private Long pagesAllocated;
        private Long freePages;
        private GcPressure goGc;
        private GcPressure jvmGc;

        private Builder() {
        }

        public Builder cacheHitRatio(Double value, String source) {
            cacheHitRatio = source("cacheHitRatio", value, source);
            return this;
        }

        public Builder logBytesPerSecond(Double value, String source) {
            logBytesPerSecond = source("logBytesPerSecond", value, source);
            return this;
        }

        public Builder writeAmplification(Double value, String source) {
            writeAmplification = source("writeAmplification", value, source);
            return this;
        }

        public Builder bytesOnDisk(Long value, String source) {
            bytesOnDisk = source("bytesOnDisk", value, source);
            return this;
        }

        public Builder logSyncP99Nanos(Double value, String source) {
            logSyncP99Nanos = source("logSyncP99Nanos", value, source);
            return this;
        }

        public Builder commitP99Nanos(Double value, String source) {
            commitP99Nanos = source("commitP99Nanos", value, source);
            return this;
        }

        public Builder spaceAmplification(Double value, String source) {
            spaceAmplification = source("spaceAmplification", value, source);
            return this;
        }

        public Builder compactionBytesWritten(Long value, String source) {
            compactionBytesWritten = source("compactionBytesWritten", value, source);
            return this;
        }

        public Builder writeStalls(Long value, String source) {
            writeStalls = source("writeStalls", value, source);
            return this;
        }

        public Builder lsmBytes(Long value, String source) {
            lsmBytes = source("lsmBytes", value, source);
            return this;
        }

        public Builder valueLogBytes(Long value, String source) {
            valueLogBytes = source("valueLogBytes", value, source);
            return this;
        }

        public Builder valueLogGcRuns(Long value, String source) {
            valueLogGcRuns = source("valueLogGcRuns", value, source);
            return this;
        }

        public Builder valueLogBytesReclaimed(Long value, String source) {
            valueLogBytesReclaimed = source("valueLogBytesReclaimed", value, source);
            return this;
        }

        public Builder pagesAllocated(Long value, String source) {
            pagesAllocated = source("pagesAllocated", value, source);
            return this;
        }

        public Builder freePages(Long value, String source) {
            freePages = source("freePages", value, source);
            return this;
        }

        public Builder goGc(GcPressure value) {
            goGc = value;
            return this;
        }

        public Builder jvmGc(GcPressure value) {
            jvmGc = value;
            return this;
        }

        public EngineMetrics build() {
            return new EngineMetrics(cacheHitRatio, logBytesPerSecond, writeAmplification, bytesOnDisk,
                    logSyncP99Nanos, commitP99Nanos, spaceAmplification, compactionBytesWritten, writeStalls,
                    lsmBytes, valueLogBytes, valueLogGcRuns, valueLogBytesReclaimed, pagesAllocated, freePages,
                    goGc, jvmGc, sources);
        }

        /** Records {@code source} under {@code field} when there is a value; returns the value. */
        private <T> T source(String field, T value, String source) {
            if (value != null && source != null) {
                sources.put(field, source);
            } else {
                sources.remove(field);
            }
            return value;
        }
    }
}
