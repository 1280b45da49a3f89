package io.storebench.bench.analysis;

import io.storebench.stats.ConfidenceInterval;
import io.storebench.stats.compare.KeyMetric;
import java.util.Locale;

/** How figures are printed in tables and reports: one place for units and significant digits. */
public final class Figures {
    private Figures() {
    }

    /** A latency unit: its name and its length in nanoseconds. */
    private record Unit(String name, double nanos) {
        static Unit of(double nanos) {
            if (nanos < 1_000) {
                return new Unit("ns", 1);
            }
            if (nanos < 1_000_000) {
                return new Unit("us", 1e3);
            }
            return nanos < 1_000_000_000 ? new Unit("ms", 1e6) : new Unit("s", 1e9);
        }
    }

    /** A latency in nanoseconds with its unit: {@code 812 ns}, {@code 1.26 us}, {@code 35.2 ms}, {@code 1.20 s}. */
    public static String latency(double nanos) {
        if (Double.isNaN(nanos)) {
            return "n/a";
        }
        Unit unit = Unit.of(nanos);
        return significant(nanos / unit.nanos()) + " " + unit.name();
    }

    /** Operations per second, whole, with thousands separators. */
    public static String throughput(double opsPerSecond) {
        return Double.isNaN(opsPerSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f ops/s", opsPerSecond);
    }

    /** A value of {@code metric} with its unit. */
    public static String value(KeyMetric metric, double value) {
        return metric.isLatency() ? latency(value) : throughput(value);
    }

    /**
     * {@code value [lower..upper]}: a (geometric) mean and its 95 % interval, in the mean's unit; the
     * value alone where there is no interval (one value).
     */
    public static String interval(KeyMetric metric, ConfidenceInterval ci) {
        if (Double.isNaN(ci.lower()) || Double.isNaN(ci.upper())) { // one value: a mean without an interval
            return value(metric, ci.mean());
        }
        if (!metric.isLatency()) {
            return String.format(Locale.ROOT, "%,.0f [%,.0f..%,.0f] ops/s", ci.mean(), ci.lower(), ci.upper());
        }
        Unit unit = Unit.of(ci.mean());
        return significant(ci.mean() / unit.nanos()) + " [" + significant(ci.lower() / unit.nanos()) + ".."
                + significant(ci.upper() / unit.nanos()) + "] " + unit.name();
    }

    /** A fraction as a percentage without needless digits: 0.05 is {@code 5%}, 0.125 is {@code 12.5%}. */
    public static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /** A ratio as a signed change: {@code +12.3%}, {@code -4.10%}. */
    public static String change(double ratio) {
        double percent = (ratio - 1) * 100;
        return (percent >= 0 ? "+" : "") + significant(percent) + "%";
    }

    /** A p-value: two significant digits, scientific below 0.001. */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    /** Three significant digits without exponents; whole numbers from 1000 up, with separators. */
    public static String significant(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).toPlainString();
    }
}
