package io.storebench.workloads;

/**
 * Value sizes and content.
 *
 * @param size how value sizes vary, in bytes: at least {@link ValueCheck#HEADER_BYTES} (every
 *     value carries its check header), at most 16 MiB
 * @param compressibility the fraction of each value a block compressor can remove: 0 (the
 *     default) is incompressible random bytes, 0.5 compresses to about half
 */
public record ValueSpec(LengthSpec size, double compressibility) {
    public static final int MAX_SIZE = 16 << 20;

    public ValueSpec {
        if (size == null) {
            throw new IllegalArgumentException("value size is missing");
        }
        if (size.min() < ValueCheck.HEADER_BYTES || size.max() > MAX_SIZE) {
            throw new IllegalArgumentException("value size " + (size.min() == size.max() ? size.max()
                    : size.min() + ".." + size.max()) + " is out of range; allowed: " + ValueCheck.HEADER_BYTES + ".."
                    + MAX_SIZE + " bytes (each value carries a " + ValueCheck.HEADER_BYTES + "-byte check header)");
        }
        if (!(compressibility >= 0 && compressibility < 1)) {
            throw new IllegalArgumentException("compressibility " + compressibility
                    + " is out of range; allowed: 0 (incompressible) up to but excluding 1");
        }
    }

    /** Incompressible values of exactly {@code size} bytes. */
    public static ValueSpec constant(int size) {
        return new ValueSpec(LengthSpec.constant(size), 0);
    }
}
