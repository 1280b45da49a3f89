package io.storebench.engine.etcd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The few things read from a Prometheus text exposition ({@code /metrics}): plain samples and
 * cumulative histograms, summed over several scrapes (one per cluster member), and the quantile
 * of a histogram as Prometheus's {@code histogram_quantile} computes it.
 *
 * <p>Not a general parser: it reads {@code name value} and {@code name{labels} value} lines,
 * sums samples of one name over all label sets, and keys histogram buckets by their {@code le}
 * label. Comments and other lines are skipped.
 */
final class PrometheusText {
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private final Map<String, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();

    /** Adds one scrape's text to the sums. */
    void add(String text) {
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int brace = line.indexOf('{');
            int space = brace >= 0 ? line.indexOf(' ', line.indexOf('}', brace)) : line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = line.substring(0, brace >= 0 ? brace : space);
            double value;
            try {
                String rest = line.substring(space + 1).trim();
                int timestamp = rest.indexOf(' ');
                value = Double.parseDouble(timestamp < 0 ? rest : rest.substring(0, timestamp));
            } catch (NumberFormatException e) {
                continue;
            }
            if (name.endsWith("_bucket") && brace >= 0) {
                Double le = upperBound(line.substring(brace, line.indexOf('}', brace) + 1));
                if (le != null) {
                    buckets.computeIfAbsent(name.substring(0, name.length() - "_bucket".length()), n -> new TreeMap<>())
                            .merge(le, value, Double::sum);
                }
            } else {
                sums.merge(name, value, Double::sum);
            }
        }
    }

    /** The sum of every sample called {@code name}, if there was one. */
    OptionalDouble sum(String name) {
        Double value = sums.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** The cumulative buckets of histogram {@code name}: upper bound → count of observations at or below it. */
    Histogram histogram(String name) {
        TreeMap<Double, Double> counts = buckets.get(name);
        return counts == null ? null : new Histogram(new TreeMap<>(counts));
    }

    private static Double upperBound(String labels) {
        int at = labels.indexOf("le=\"");
        if (at < 0) {
            return null;
        }
        String bound = labels.substring(at + 4, labels.indexOf('"', at + 4));
        return bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.valueOf(bound);
    }

    /** Cumulative histogram buckets, as Prometheus exposes them. */
    record Histogram(TreeMap<Double, Double> cumulative) {
        /** The buckets of this scrape less those of an earlier one: the observations in between. */
        Histogram minus(Histogram earlier) {
            if (earlier == null) {
                return this;
            }
            TreeMap<Double, Double> delta = new TreeMap<>();
            cumulative.forEach((le, count) -> delta.put(le, Math.max(0, count - earlier.cumulative.getOrDefault(le, 0.0))));
            return new Histogram(delta);
        }

        double count() {
            return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        }

        /**
         * The {@code q} quantile, interpolated linearly inside its bucket as {@code histogram_quantile}
         * does: the first bucket starts at 0; a rank in the {@code +Inf} bucket gives the largest finite
         * bound. Empty when there are no observations.
         */
        OptionalDouble quantile(double q) {
            double total = count();
            if (total <= 0) {
                return OptionalDouble.empty();
            }
            double rank = q * total;
            List<Map.Entry<Double, Double>> entries = new ArrayList<>(cumulative.entrySet());
            double lowerBound = 0;
            double countBelow = 0;
            for (Map.Entry<Double, Double> bucket : entries) {
                if (bucket.getValue() >= rank) {
                    if (bucket.getKey().isInfinite()) {
                        return OptionalDouble.of(lowerBound);
                    }
                    double inBucket = bucket.getValue() - countBelow;
                    double fraction = inBucket <= 0 ? 1 : (rank - countBelow) / inBucket;
                    return OptionalDouble.of(lowerBound + (bucket.getKey() - lowerBound) * fraction);
                }
                lowerBound = bucket.getKey();
                countBelow = bucket.getValue();
            }
            return OptionalDouble.of(lowerBound);
        }
    }
}
