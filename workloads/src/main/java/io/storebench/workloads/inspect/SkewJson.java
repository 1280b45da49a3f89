package io.storebench.workloads.inspect;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storebench.workloads.distribution.ChiSquare;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shape of a {@link SkewReport} ({@code inspect --json}), written by Jackson on one line.
 * A number that is not available (NaN) is {@code null}; a whole number is written without a
 * fraction ({@code 1}, not {@code 1.0}).
 */
final class SkewJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SkewJson() {
    }

    @JsonPropertyOrder({"workload", "distribution", "records", "seed", "fingerprint", "samples", "keyedDraws", "mix",
            "keys", "goodnessOfFit"})
    record Report(String workload, String distribution, long records, long seed, String fingerprint, long samples,
            long keyedDraws, Map<String, Share> mix, Keys keys, Fit goodnessOfFit) {
    }

    @JsonPropertyOrder({"drawn", "workload"})
    record Share(Number drawn, Number workload) {
    }

    @JsonPropertyOrder({"distinct", "hottest", "top1Percent", "top10Percent", "rankedByItem"})
    record Keys(Pair distinct, Pair hottest, Pair top1Percent, Pair top10Percent, boolean rankedByItem) {
    }

    @JsonPropertyOrder({"observed", "theory"})
    record Pair(Number observed, Number theory) {
        static Pair of(double observed, double theory) {
            return new Pair(number(observed), number(theory));
        }
    }

    @JsonPropertyOrder({"chiSquare", "df", "p"})
    record Fit(Number chiSquare, int df, Number p) {
    }

    /** {@code report} as one line of JSON. */
    static String write(SkewReport report) {
        Map<String, Share> mix = new LinkedHashMap<>();
        report.specMix().forEach((operation, proportion) -> mix.put(operation.label(),
                new Share(number(report.drawnMix().getOrDefault(operation, 0.0)), number(proportion))));
        Keys keys = new Keys(Pair.of(report.distinctKeys(), report.expectedDistinctKeys()),
                Pair.of(report.observed().hottestItem(), report.theory().hottestItem()),
                Pair.of(report.observed().topOnePercent(), report.theory().topOnePercent()),
                Pair.of(report.observed().topTenPercent(), report.theory().topTenPercent()), report.rankedByItem());
        ChiSquare.Result fit = report.fit();
        Report json = new Report(report.workload(), report.distribution(), report.records(), report.seed(),
                report.fingerprint(), report.samples(), report.keyedDraws(), mix, keys, fit == null ? null
                        : new Fit(number(fit.statistic()), fit.degreesOfFreedom(), number(fit.pValue())));
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // records of strings and numbers always serialize
        }
    }

    /** A finite whole value below 10^15 as a Long, another finite value as a Double, NaN or infinity as null. */
    static Number number(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.valueOf((long) value); // (not in a ?: with a Double, which would unbox both to double)
        }
        return Double.valueOf(value);
    }
}
