package io.storebench.workloads.distribution;

/**
 * Generalized harmonic numbers H(k, θ) = Σ<sub>i=1..k</sub> i<sup>-θ</sup>, the normalising
 * sums of a Zipf law, in O(1) for any k up to 2<sup>48</sup> and any θ &gt; 0.
 *
 * <p>The first {@value #DIRECT} terms are summed directly (once, at construction); beyond them
 * the Euler–Maclaurin formula with the corrections up to the fifth derivative gives the rest:
 * for the first omitted term B<sub>8</sub>/8! · f<sup>(7)</sup>(64) the error is below 10<sup>-15</sup>
 * relative for θ ≤ 10 and shrinks further as θ grows (the terms themselves vanish). The integral
 * is written with {@link ZipfRankSampler#helper2} so that θ = 1 is not a special case.
 */
final class GeneralizedHarmonic {

    /** Terms summed directly. */
    static final int DIRECT = 64;

    private final double theta;
    /** prefix[k] = H(k, θ) for k in [0, DIRECT]. */
    private final double[] prefix = new double[DIRECT + 1];

    GeneralizedHarmonic(double theta) {
        this.theta = theta;
        double sum = 0;
        for (int i = 1; i <= DIRECT; i++) {
            sum += term(i);
            prefix[i] = sum;
        }
    }

    /** H(k, θ) for k &gt;= 0 (0 for k = 0). */
    double sum(long k) {
        if (k <= DIRECT) {
            return prefix[(int) k];
        }
        // Σ_{i=m}^{k} f(i) with m = DIRECT: integral + end terms + Bernoulli corrections
        double m = DIRECT;
        double n = k;
        double integral = integralFromOne(n) - integralFromOne(m);
        double ends = 0.5 * (term(m) + term(n));
        double t = theta;
        // f'(x) = -t x^(-t-1); f'''(x) = -t(t+1)(t+2) x^(-t-3); f^(5)(x) = -t(t+1)(t+2)(t+3)(t+4) x^(-t-5)
        double d1 = -t * (power(n, -t - 1) - power(m, -t - 1));
        double d3 = -t * (t + 1) * (t + 2) * (power(n, -t - 3) - power(m, -t - 3));
        double d5 = -t * (t + 1) * (t + 2) * (t + 3) * (t + 4) * (power(n, -t - 5) - power(m, -t - 5));
        double corrections = d1 / 12.0 - d3 / 720.0 + d5 / 30240.0;
        return prefix[DIRECT - 1] + integral + ends + corrections;
    }

    /** i^-θ. */
    double term(double i) {
        return Math.exp(-theta * Math.log(i));
    }

    /** ∫_1^x u^-θ du = (x^(1-θ) - 1) / (1 - θ), log x at θ = 1. */
    private double integralFromOne(double x) {
        double logX = Math.log(x);
        return ZipfRankSampler.helper2((1.0 - theta) * logX) * logX;
    }

    private static double power(double x, double exponent) {
        return Math.exp(exponent * Math.log(x));
    }
}
