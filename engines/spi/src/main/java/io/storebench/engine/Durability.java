package io.storebench.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an acknowledged write survives. Engines are compared only within one profile.
 *
 * <p>Each engine maps a profile to its own settings (see the README's durability table). An
 * engine that cannot honour a profile refuses it with a {@link ConfigurationException}; it
 * never approximates it.
 */
public enum Durability {
    /** fsync (or equivalent) before a write is acknowledged: survives an OS crash or power loss. */
    STRICT("fsync before acknowledging: survives an OS crash"),
    /** Written to the OS before acknowledging, synced later: survives a process crash, not an OS crash. */
    BUFFERED("survives a process crash, not an OS crash"),
    /** Nothing survives the process: offered only by the in-process baselines ({@code null}, {@code memory}). */
    NONE("nothing survives the process (baselines only)");

    private final String description;

    Durability(String description) {
        this.description = description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /**
     * Parses a profile name as given on the command line.
     *
     * @throws ConfigurationException naming the bad value and the allowed ones
     */
    public static Durability parse(String text) {
        for (Durability d : values()) {
            if (d.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return d;
            }
        }
        throw new ConfigurationException("unknown durability profile '" + text + "'; allowed: "
                + Arrays.stream(values()).map(Durability::label).collect(Collectors.joining(", ")));
    }
}
