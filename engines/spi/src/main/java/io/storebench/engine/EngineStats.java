package io.storebench.engine;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A snapshot of an engine's internal metrics. A metric the engine cannot measure, even through a
 * proxy, is absent: reports show it as "not available", never as zero.
 *
 * <p>Derived figures (hit ratio, write amplification) are computed here, in one place, from a
 * snapshot or from the {@link #since(EngineStats) delta} between two.
 */
public final class EngineStats {
    private static final EngineStats EMPTY = new EngineStats(new EnumMap<>(Metric.class), new EnumMap<>(Metric.class));

    private final Map<Metric, Reading> readings;
    private final Map<Metric, String> absences;

    private EngineStats(EnumMap<Metric, Reading> readings, EnumMap<Metric, String> absences) {
        this.readings = Collections.unmodifiableMap(readings);
        this.absences = Collections.unmodifiableMap(absences);
    }

    public static EngineStats empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<Metric, Reading> readings() {
        return readings;
    }

    /**
     * The metrics an engine of this kind measures but this one cannot, with why (a server that does
     * not expose the counter: "CockroachDB has no pg_stat_database block counters"). Reports show
     * them as not available with the reason. A metric is never both read and absent.
     */
    public Map<Metric, String> absences() {
        return absences;
    }

    public Optional<Reading> get(Metric metric) {
        return Optional.ofNullable(readings.get(metric));
    }

    /**
     * The change from {@code earlier} to this snapshot: counters are subtracted, gauges keep this
     * snapshot's level. A metric missing from either side is missing from the result.
     */
    public EngineStats since(EngineStats earlier) {
        EnumMap<Metric, Reading> delta = new EnumMap<>(Metric.class);
        readings.forEach((metric, now) -> {
            if (metric.kind() == Metric.Kind.GAUGE) {
                delta.put(metric, now);
            } else {
                Reading before = earlier.readings.get(metric);
                if (before != null) {
                    delta.put(metric, new Reading(now.value() - before.value(), now.source(), now.proxy()));
                }
            }
        });
        return new EngineStats(delta, absencesOf(absences));
    }

    /**
     * This delta followed by {@code later}: counters are added, gauges keep {@code later}'s level.
     * The inverse of {@link #since}, for totals over several intervals.
     */
    public EngineStats plus(EngineStats later) {
        EnumMap<Metric, Reading> sum = new EnumMap<>(Metric.class);
        later.readings.forEach((metric, reading) -> {
            Reading before = readings.get(metric);
            sum.put(metric, metric.kind() == Metric.Kind.GAUGE || before == null ? reading
                    : new Reading(before.value() + reading.value(), reading.source(), reading.proxy()));
        });
        return new EngineStats(sum, absencesOf(later.absences));
    }

    private static EnumMap<Metric, String> absencesOf(Map<Metric, String> absences) {
        EnumMap<Metric, String> copy = new EnumMap<>(Metric.class);
        copy.putAll(absences);
        return copy;
    }

    /** Cache hits / (hits + misses), when both are measured and there was at least one lookup. */
    public OptionalDouble cacheHitRatio() {
        return ratio(Metric.CACHE_HITS, Metric.CACHE_MISSES, true);
    }

    /** Engine bytes written / user bytes written, when both are measured and users wrote something. */
    public OptionalDouble writeAmplification() {
        return ratio(Metric.ENGINE_BYTES_WRITTEN, Metric.USER_BYTES_WRITTEN, false);
    }

    private OptionalDouble ratio(Metric numerator, Metric other, boolean otherIsComplement) {
        Reading a = readings.get(numerator);
        Reading b = readings.get(other);
        if (a == null || b == null) {
            return OptionalDouble.empty();
        }
        double denominator = otherIsComplement ? (double) a.value() + b.value() : b.value();
        return denominator > 0 ? OptionalDouble.of(a.value() / denominator) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("EngineStats{");
        readings.forEach((metric, reading) -> text.append(metric.label()).append('=').append(reading.value())
                .append(reading.proxy() ? " (proxy: " : " (").append(reading.source()).append("), "));
        absences.forEach((metric, reason) -> text.append(metric.label()).append(" not reported (").append(reason)
                .append("), "));
        if (!readings.isEmpty() || !absences.isEmpty()) {
            text.setLength(text.length() - 2);
        }
        return text.append('}').toString();
    }

    /** Collects readings; the last one given for a metric wins. */
    public static final class Builder {
        private final EnumMap<Metric, Reading> readings = new EnumMap<>(Metric.class);
        private final EnumMap<Metric, String> absences = new EnumMap<>(Metric.class);

        public Builder engine(Metric metric, long value, String source) {
            return put(metric, Reading.engine(value, source));
        }

        public Builder proxy(Metric metric, long value, String source) {
            return put(metric, Reading.proxy(value, source));
        }

        /** {@code metric} cannot be measured on this engine, because of {@code reason}; a reading given later wins. */
        public Builder absent(Metric metric, String reason) {
            readings.remove(metric);
            absences.put(metric, java.util.Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /** {@link Metric#BYTES_ON_DISK}: the files in an engine's data directory. */
        public Builder diskUsage(Path directory) {
            return engine(Metric.BYTES_ON_DISK, DataDirectory.sizeOf(directory), "files in the data directory");
        }

        /**
         * {@link Metric#ENGINE_BYTES_WRITTEN} from {@code /proc/self/io}, labelled a proxy, for engines
         * with no counter of their own; nothing where that file cannot be read.
         */
        public Builder processWritesAsEngineWrites() {
            ProcessIo.writeBytes().ifPresent(bytes -> proxy(Metric.ENGINE_BYTES_WRITTEN, bytes,
                    ProcessIo.WRITE_BYTES_SOURCE));
            return this;
        }

        public Builder put(Metric metric, Reading reading) {
            readings.put(metric, reading);
            absences.remove(metric);
            return this;
        }

        public EngineStats build() {
            return new EngineStats(readings.clone(), absences.clone());
        }
    }
}
