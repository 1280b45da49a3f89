package io.storebench.engine;

import java.util.Objects;

/**
 * One value of a {@link Metric} with where it came from.
 *
 * @param value the count or level
 * @param source what was read, e.g. {@code "ticker BLOCK_CACHE_HIT"} or {@code "/proc/self/io write_bytes"}
 * @param proxy {@code true} when the engine has no such counter and this is the nearest honest
 *     stand-in (reports label it so); {@code false} for the engine's own counter
 */
public record Reading(long value, String source, boolean proxy) {
    public Reading {
        Objects.requireNonNull(source, "source");
    }

    public static Reading engine(long value, String source) {
        return new Reading(value, source, false);
    }

    public static Reading proxy(long value, String source) {
        return new Reading(value, source, true);
    }
}
