package io.storebench.bench.crash;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * {@code --aim}: when a trial's kill comes. {@code random}: at the seeded delay. {@code background}:
 * at the first write to a table file ({@link TableFileWatch}) seen after the seeded delay, so that
 * the kill lands while the engine writes a flush's or a compaction's output (or, for SQLite, a
 * checkpoint). {@code mixed}: each trial one or the other, by a seeded coin.
 */
enum Aim {
    BACKGROUND, RANDOM, MIXED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The aim named {@code text}, or null. */
    static Aim parse(String text) {
        return Arrays.stream(values()).filter(a -> a.label().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElse(null);
    }

    static String allowed() {
        return Arrays.stream(values()).map(Aim::label).collect(Collectors.joining("|"));
    }

    /** Whether a trial aims at background I/O; {@code coin} is the cell's aim random, drawn once per trial. */
    boolean atBackground(SplittableRandom coin) {
        boolean heads = coin.nextBoolean();
        return switch (this) {
            case BACKGROUND -> true;
            case RANDOM -> false;
            case MIXED -> heads;
        };
    }
}
