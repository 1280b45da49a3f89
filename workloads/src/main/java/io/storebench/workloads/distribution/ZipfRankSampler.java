package io.storebench.workloads.distribution;

import java.util.SplittableRandom;

/**
 * Draws Zipf-distributed popularity ranks: rank r in [0, n) with probability
 * (r + 1)<sup>-θ</sup> / H(n, θ), for any θ &gt; 0 and any n up to 2<sup>48</sup>, with O(1)
 * set-up and O(1) expected time per draw.
 *
 * <p>The method is rejection-inversion (W. Hörmann and G. Derflinger, "Rejection-inversion to
 * generate variates from monotone discrete distributions", ACM TOMACS 6(3), 1996), in the form
 * Apache Commons RNG's {@code RejectionInversionZipfSampler} and commons-math3 3.6's
 * {@code ZipfRejectionInversionSampler} use: the hat function's integral is taken as
 * H(x) = (x<sup>1-θ</sup> - 1) / (1 - θ), which has the limit log x at θ = 1, and is evaluated
 * through {@link #helper1} and {@link #helper2} (log1p/expm1 based) so that θ = 1 and θ close
 * to 1 lose no precision. The loop accepts a draw with probability above 0.6 for every θ and n
 * (the paper's bound), and usually on the cheap test {@code k - x <= s}.
 *
 * <p>Immutable and thread-safe; all randomness comes from the caller's {@link SplittableRandom}.
 * Internally ranks run from 1 to n as in the paper; {@link #nextRank} returns them from 0.
 */
final class ZipfRankSampler {

    private final long items;
    private final double theta;
    /** H(1.5) - 1: the lower end of the uniform variate; maps onto rank 1 (internal numbering). */
    private final double hIntegralX1;
    /** H(n + 0.5): the upper end of the uniform variate. */
    private final double hIntegralItems;
    /** The squeeze constant: accept at once when k - x &lt;= s. */
    private final double s;

    ZipfRankSampler(long items, double theta) {
        if (items < 1 || !(theta > 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("Zipf sampler over " + items + " items with theta " + theta
                    + "; allowed: items >= 1 and theta > 0");
        }
        this.items = items;
        this.theta = theta;
        this.hIntegralX1 = hIntegral(1.5) - 1.0;
        this.hIntegralItems = hIntegral(items + 0.5);
        this.s = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
    }

    long items() {
        return items;
    }

    /** A rank in [0, items), 0 being the most popular. Allocates nothing. */
    long nextRank(SplittableRandom random) {
        while (true) {
            // u is uniform in (hIntegralX1, hIntegralItems]
            double u = hIntegralItems + random.nextDouble() * (hIntegralX1 - hIntegralItems);
            double x = hIntegralInverse(u);
            long k = (long) (x + 0.5);
            // k may leave [1, items] through rounding; (long) of NaN is 0
            if (k < 1) {
                k = 1;
            } else if (k > items) {
                k = items;
            }
            // P(k = 1) = C, P(k = m) = C * (H(m + 1/2) - H(m - 1/2)) for m >= 2; accepting when
            // u >= H(k + 1/2) - h(k) leaves exactly C * h(k) = C * k^-theta for every k.
            if (k - x <= s || u >= hIntegral(k + 0.5) - h(k)) {
                return k - 1;
            }
        }
    }

    /** H(x) = (x^(1-θ) - 1) / (1 - θ), and log x at θ = 1. */
    private double hIntegral(double x) {
        double logX = Math.log(x);
        return helper2((1.0 - theta) * logX) * logX;
    }

    /** h(x) = x^-θ. */
    private double h(double x) {
        return Math.exp(-theta * Math.log(x));
    }

    /** The inverse of {@link #hIntegral}: (1 + x(1-θ))^(1/(1-θ)), and e^x at θ = 1. */
    private double hIntegralInverse(double x) {
        double t = x * (1.0 - theta);
        if (t < -1.0) {
            // only through rounding: the domain of the inverse ends at t = -1
            t = -1.0;
        }
        return Math.exp(helper1(t) * x);
    }

    /** log(1 + x) / x, continuous at 0 (Taylor series below 1e-8). */
    static double helper1(double x) {
        if (Math.abs(x) > 1e-8) {
            return Math.log1p(x) / x;
        }
        return 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
    }

    /** (e^x - 1) / x, continuous at 0 (Taylor series below 1e-8). */
    static double helper2(double x) {
        if (Math.abs(x) > 1e-8) {
            return Math.expm1(x) / x;
        }
        return 1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + 0.25 * x));
    }
}
