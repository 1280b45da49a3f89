package io.storebench.workloads;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a record ordinal becomes key bytes. Every format is a fixed width, set by {@link KeySpec#size()}. */
public enum KeyFormat {
    /**
     * The ordinal as a big-endian unsigned integer in the key's first bytes (all of them when the
     * key is shorter than 8 bytes), zero padded: keys sort in insertion order.
     */
    ORDERED,
    /**
     * A bijective 64-bit mix of the ordinal, big-endian, zero padded: distinct ordinals give
     * distinct keys, spread over the key space (at least 8 bytes).
     */
    HASHED,
    /**
     * YCSB's {@code user<digits>}: the FNV-1a hash of the ordinal in decimal (YCSB's
     * {@code insertorder=hashed}), left-padded with zeros to the key size.
     */
    YCSB,
    /** YCSB's {@code user<digits>} with the ordinal itself ({@code insertorder=ordered}). */
    YCSB_ORDERED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static KeyFormat parse(String text) {
        for (KeyFormat format : values()) {
            if (format.label().equalsIgnoreCase(text.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown key format '" + text + "'; allowed: "
                + Arrays.stream(values()).map(KeyFormat::label).collect(Collectors.joining(", ")));
    }
}
