package io.storebench.workloads;

import io.storebench.workloads.distribution.DistributionSpec;
import io.storebench.workloads.distribution.KeyDistribution;
import java.util.SplittableRandom;

/**
 * A length that varies by {@link LengthDistribution} between {@code min} and {@code max}
 * inclusive ({@code min} is ignored, and set to {@code max}, for {@code constant}).
 */
public record LengthSpec(LengthDistribution distribution, int min, int max) {
    public LengthSpec {
        if (distribution == null) {
            throw new IllegalArgumentException("length distribution is missing");
        }
        if (distribution == LengthDistribution.CONSTANT) {
            min = max;
        }
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("length range " + min + ".." + max + " is invalid; allowed: 0 <= min <= max");
        }
    }

    public static LengthSpec constant(int length) {
        return new LengthSpec(LengthDistribution.CONSTANT, length, length);
    }

    public static LengthSpec uniform(int min, int max) {
        return new LengthSpec(LengthDistribution.UNIFORM, min, max);
    }

    /** A sampler for one thread. */
    public Sampler sampler() {
        return new Sampler(this);
    }

    /** Draws lengths without allocating. Not thread-safe: one per thread. */
    public static final class Sampler {
        private final LengthSpec spec;
        private final KeyDistribution zipfian;

        private Sampler(LengthSpec spec) {
            this.spec = spec;
            this.zipfian = spec.distribution == LengthDistribution.ZIPFIAN
                    ? DistributionSpec.zipfian(0.99).create(spec.max - spec.min + 1L) : null;
        }

        public int next(SplittableRandom random) {
            return switch (spec.distribution) {
                case CONSTANT -> spec.max;
                case UNIFORM -> spec.min + random.nextInt(spec.max - spec.min + 1);
                case ZIPFIAN -> spec.min + (int) zipfian.next(random, zipfian.items());
            };
        }
    }
}
