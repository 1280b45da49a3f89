package io.storebench.stats.model;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Engine-internal metrics over a span of a fork: one measurement iteration, or all of them
 * (counters are deltas over the span, levels are the last one). A null field was not available
 * from this engine. Built with {@link #builder()}, which records each figure's source with it.
 *
 * <p>The fields after {@code commitP99Nanos} are new in {@code storebench.run/2} files written
 * since the Go engines, {@code checkpoints} and {@code serverCpuNanosPerOperation} since the SQL
 * engines: older files lack them and read them as null.
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
 * @param checkpoints checkpoints a relational server completed in the span
 * @param serverCpuNanosPerOperation CPU time (user + system) of the server process the engine
 *     started beside the JVM (a managed PostgreSQL, MariaDB or etcd), in nanoseconds per operation
 *     completed in the span: the engine's work that the JVM's own CPU figures do not see
 * @param goGc the Go runtime's garbage collection, for an engine that runs in one
 * @param jvmGc the fork JVM's garbage collection: the whole process, the harness included
 * @param cost the fork process's CPU, I/O and memory per operation: the whole process, the harness
 *     included (new since 2026-12-08; older files read it as null)
 * @param sources where each figure above came from, by field name ({@link GcPressure} carries its
 *     own); "proxy: ..." marks a stand-in. A field the engine says it cannot measure has
 *     "not reported: " and the engine's reason here, and is null: an entry does not imply a value
 */
public record EngineMetrics(Double cacheHitRatio, Double logBytesPerSecond, Double writeAmplification,
        Long bytesOnDisk, Double logSyncP99Nanos, Double commitP99Nanos, Double spaceAmplification,
        Long compactionBytesWritten, Long writeStalls, Long lsmBytes, Long valueLogBytes, Long valueLogGcRuns,
        Long valueLogBytesReclaimed, Long pagesAllocated, Long freePages, Long checkpoints,
        Double serverCpuNanosPerOperation, GcPressure goGc, GcPressure jvmGc, ResourceCost cost,
        Map<String, String> sources) {
    /** What the source of a figure the engine cannot measure starts with, before the engine's reason. */
    public static final String NOT_REPORTED = "not reported: ";
    /** The figures' names: the fields but {@code sources}. */
    private static final Set<String> FIGURES = Arrays.stream(EngineMetrics.class.getRecordComponents())
            .map(RecordComponent::getName).filter(name -> !name.equals("sources"))
            .collect(Collectors.toCollection(LinkedHashSet::new));

    public EngineMetrics {
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects figures, each with its source: a null value is not measured and leaves no source, but
     * for the reason the engine gives ({@link #notReported}). The one way an {@link EngineMetrics}
     * is made, in the harness and in tests.
     */
    public static final class Builder {
        private final Map<String, String> sources = new LinkedHashMap<>();
        /** The fields given a value. */
        private final Set<String> measured = new HashSet<>();
        /** Why the engine cannot measure a field, by field. */
        private final Map<String, Set<String>> reasons = new LinkedHashMap<>();
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
        private Long checkpoints;
        private Double serverCpuNanosPerOperation;
        private GcPressure goGc;
        private GcPressure jvmGc;
        private ResourceCost cost;

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

        public Builder checkpoints(Long value, String source) {
            checkpoints = source("checkpoints", value, source);
            return this;
        }

        public Builder serverCpuNanosPerOperation(Double value, String source) {
            serverCpuNanosPerOperation = source("serverCpuNanosPerOperation", value, source);
            return this;
        }

        /**
         * Records that the engine cannot measure what {@code field} would hold, and why: its source
         * becomes {@link #NOT_REPORTED} and {@code reason}, its value stays null. A field given a
         * figure, before or after, keeps the figure and its source instead: a figure and a reason
         * not to have one cannot both be true. Several reasons for one field are joined with "; ".
         *
         * @param field a field's name, such as {@code cacheHitRatio}; another name is refused,
         *     with the known ones
         */
        public Builder notReported(String field, String reason) {
            if (!FIGURES.contains(field)) {
                throw new IllegalArgumentException("no engine metric '" + field + "'; known: "
                        + String.join(", ", FIGURES));
            }
            reasons.computeIfAbsent(field, k -> new LinkedHashSet<>())
                    .add(Objects.requireNonNull(reason, "reason"));
            return this;
        }

        public Builder goGc(GcPressure value) {
            goGc = measured("goGc", value);
            return this;
        }

        public Builder jvmGc(GcPressure value) {
            jvmGc = measured("jvmGc", value);
            return this;
        }

        public Builder cost(ResourceCost value) {
            cost = measured("cost", value);
            return this;
        }

        public EngineMetrics build() {
            Map<String, String> all = new LinkedHashMap<>(sources);
            reasons.forEach((field, why) -> {
                if (!measured.contains(field)) {
                    all.put(field, NOT_REPORTED + String.join("; ", why));
                }
            });
            return new EngineMetrics(cacheHitRatio, logBytesPerSecond, writeAmplification, bytesOnDisk,
                    logSyncP99Nanos, commitP99Nanos, spaceAmplification, compactionBytesWritten, writeStalls,
                    lsmBytes, valueLogBytes, valueLogGcRuns, valueLogBytesReclaimed, pagesAllocated, freePages,
                    checkpoints, serverCpuNanosPerOperation, goGc, jvmGc, cost, all);
        }

        /** Records {@code source} under {@code field} when there is a value; returns the value. */
        private <T> T source(String field, T value, String source) {
            if (value != null && source != null) {
                sources.put(field, source);
            } else {
                sources.remove(field);
            }
            return measured(field, value);
        }

        /** Notes whether {@code field} has a value; returns the value. */
        private <T> T measured(String field, T value) {
            if (value != null) {
                measured.add(field);
            } else {
                measured.remove(field);
            }
            return value;
        }
    }
}
