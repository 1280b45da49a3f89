package io.storebench.workloads;

import io.storebench.workloads.distribution.DistributionSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a YCSB workload properties file (such as YCSB's {@code workloads/workloada}) into a
 * {@link WorkloadSpec}, with YCSB's defaults for what the file leaves out. A property the
 * harness does not support is reported by name; none is silently ignored.
 *
 * <p>Mapping: the {@code fieldcount} fields of {@code fieldlength} bytes are stored as one value
 * of {@code fieldcount x fieldlength} bytes (for {@code uniform} and {@code zipfian} field
 * lengths, the value size varies from {@code fieldcount} bytes, at least 16, to that product).
 * Updates write the whole value, as YCSB's key-value bindings do, whatever
 * {@code writeallfields} says; reads read the whole value. {@code requestdistribution=zipfian}
 * is {@code ycsb-zipfian} (YCSB's scrambled Zipf, θ 0.99), or {@code scrambled-zipfian} with the
 * given θ when {@code zipfianconstant} is not 0.99. Keys are {@code user<digits>} left-padded to
 * a fixed 23 bytes.
 */
public final class YcsbWorkloadFile {
    private static final Set<String> CORE_WORKLOADS = Set.of("site.ycsb.workloads.CoreWorkload",
            "com.yahoo.ycsb.workloads.CoreWorkload");
    private static final double YCSB_ZIPFIAN_CONSTANT = 0.99;

    /** Every property read here; any other is reported. */
    public static final Set<String> SUPPORTED = Set.copyOf(new TreeSet<>(List.of("workload", "recordcount",
            "operationcount", "readproportion", "updateproportion", "insertproportion", "scanproportion",
            "readmodifywriteproportion", "requestdistribution", "zipfianconstant", "hotspotdatafraction",
            "hotspotopnfraction", "exponential.percentile", "exponential.frac", "fieldcount", "fieldlength",
            "fieldlengthdistribution", "minscanlength", "maxscanlength", "scanlengthdistribution", "insertorder",
            "zeropadding", "readallfields", "writeallfields", "table", "insertstart")));

    private YcsbWorkloadFile() {
    }

    /**
     * @throws IllegalArgumentException naming the file and the bad or unsupported properties
     * @throws IOException if the file cannot be read
     */
    public static WorkloadSpec read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        try {
            return parse(file.getFileName().toString(), properties);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("workload file " + file + ": " + e.getMessage(), e);
        }
    }

    static WorkloadSpec parse(String name, Properties properties) {
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("sets no property; a YCSB workload file sets at least its operation"
                    + " proportions (e.g. readproportion=0.5, updateproportion=0.5), or name a preset: ycsb-a ... ycsb-f");
        }
        Set<String> unsupported = new TreeSet<>(properties.stringPropertyNames());
        unsupported.removeAll(SUPPORTED);
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("unsupported properties: " + String.join(", ", unsupported)
                    + "; supported: " + String.join(", ", new TreeSet<>(SUPPORTED)));
        }
        Values values = new Values(properties);
        String workload = values.text("workload", "site.ycsb.workloads.CoreWorkload");
        if (!CORE_WORKLOADS.contains(workload)) {
            throw new IllegalArgumentException("workload=" + workload + " is not supported; allowed: "
                    + String.join(", ", new TreeSet<>(CORE_WORKLOADS)));
        }
        if (values.number("insertstart", 0) != 0) {
            throw new IllegalArgumentException("insertstart=" + properties.getProperty("insertstart")
                    + " is not supported; allowed: 0 (one client loads every record)");
        }
        if (!values.text("readallfields", "true").equalsIgnoreCase("true")) {
            throw new IllegalArgumentException("readallfields=" + properties.getProperty("readallfields")
                    + " is not supported; allowed: true (a read returns the whole value)");
        }
        OperationMix mix = mix(values);
        int fieldCount = (int) values.number("fieldcount", 10, 1, ValueSpec.MAX_SIZE);
        int fieldLength = (int) values.number("fieldlength", 100, 1, ValueSpec.MAX_SIZE);
        long recordBytes = (long) fieldCount * fieldLength;
        if (recordBytes > ValueSpec.MAX_SIZE) {
            throw new IllegalArgumentException("fieldcount=" + fieldCount + " x fieldlength=" + fieldLength + " is "
                    + recordBytes + " bytes per record, out of range; allowed: up to " + ValueSpec.MAX_SIZE
                    + " bytes (16 MiB, the largest value; the fields are stored as one value)");
        }
        int maxValue = (int) recordBytes;
        LengthDistribution sizes = values.length("fieldlengthdistribution", "constant");
        LengthSpec valueSize = new LengthSpec(sizes, Math.min(maxValue, Math.max(ValueCheck.HEADER_BYTES, fieldCount)),
                maxValue);
        LengthSpec scanLength = new LengthSpec(values.length("scanlengthdistribution", "uniform"),
                (int) values.number("minscanlength", 1, 0, Integer.MAX_VALUE),
                (int) values.number("maxscanlength", 1000, 0, Integer.MAX_VALUE));
        String order = values.text("insertorder", "hashed");
        KeyFormat keys = switch (order) {
            case "hashed" -> KeyFormat.YCSB;
            case "ordered" -> KeyFormat.YCSB_ORDERED;
            default -> throw new IllegalArgumentException("insertorder=" + order + " is not allowed; allowed: hashed, ordered");
        };
        long zeroPadding = values.number("zeropadding", 1);
        if (zeroPadding < 1 || zeroPadding > 19) {
            throw new IllegalArgumentException("zeropadding=" + zeroPadding + " is out of range; allowed: 1..19");
        }
        return new WorkloadSpec(name, values.number("recordcount", 1000), values.number("operationcount", 0), mix,
                distribution(values), scanLength, new KeySpec(keys, KeySpec.ycsb().size()),
                new ValueSpec(valueSize, 0), WorkloadSpec.DEFAULT_SEED);
    }

    /**
     * The operation proportions, with YCSB's defaults for those the file leaves out (read 0.95,
     * update 0.05, the others 0); when they do not sum to 1 the message names the defaults added.
     */
    private static OperationMix mix(Values values) {
        String[] keys = {"readproportion", "updateproportion", "insertproportion", "scanproportion",
            "readmodifywriteproportion"};
        double[] defaults = {0.95, 0.05, 0, 0, 0};
        double[] proportions = new double[keys.length];
        StringBuilder added = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            proportions[i] = values.fraction(keys[i], defaults[i]);
            if (!values.properties().containsKey(keys[i]) && defaults[i] != 0) {
                added.append(added.length() == 0 ? "" : ", ").append(keys[i]).append('=').append(defaults[i]);
            }
        }
        try {
            return new OperationMix(proportions[0], proportions[1], proportions[2], proportions[3], proportions[4], 0);
        } catch (IllegalArgumentException e) {
            if (added.length() == 0) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + "; " + added + " added as YCSB's default, since the"
                    + " file does not set it (set it to 0 to leave it out)");
        }
    }

    private static DistributionSpec distribution(Values values) {
        String name = values.text("requestdistribution", "uniform");
        double zipfianConstant = values.positive("zipfianconstant", YCSB_ZIPFIAN_CONSTANT);
        return switch (name) {
            case "uniform" -> DistributionSpec.uniform();
            case "sequential" -> DistributionSpec.sequential();
            case "zipfian" -> zipfianConstant == YCSB_ZIPFIAN_CONSTANT ? DistributionSpec.ycsbZipfian()
                    : DistributionSpec.scrambledZipfian(zipfianConstant);
            case "latest" -> DistributionSpec.latest(zipfianConstant);
            case "hotspot" -> DistributionSpec.hotspot(values.fraction("hotspotdatafraction", 0.2),
                    values.fraction("hotspotopnfraction", 0.8));
            case "exponential" -> DistributionSpec.exponential(values.positive("exponential.percentile", 95),
                    values.positive("exponential.frac", 0.8571428571));
            default -> throw new IllegalArgumentException("requestdistribution=" + name + " is not supported; allowed: "
                    + "uniform, sequential, zipfian, latest, hotspot, exponential");
        };
    }

    /** Typed reads with the property named in every error. */
    private record Values(Properties properties) {
        String text(String key, String fallback) {
            return properties.getProperty(key, fallback).trim();
        }

        long number(String key, long fallback) {
            String text = properties.getProperty(key);
            if (text == null) {
                return fallback;
            }
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + "=" + text + " is not a whole number");
            }
        }

        long number(String key, long fallback, long min, long max) {
            long value = number(key, fallback);
            if (value < min || value > max) {
                throw new IllegalArgumentException(key + "=" + value + " is out of range; allowed: " + min + ".." + max);
            }
            return value;
        }

        double decimal(String key, double fallback) {
            String text = properties.getProperty(key);
            if (text == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + "=" + text + " is not a number");
            }
        }

        double fraction(String key, double fallback) {
            double value = decimal(key, fallback);
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(key + "=" + value + " is out of range; allowed: 0..1");
            }
            return value;
        }

        double positive(String key, double fallback) {
            double value = decimal(key, fallback);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(key + "=" + value + " is out of range; allowed: > 0");
            }
            return value;
        }

        LengthDistribution length(String key, String fallback) {
            try {
                return LengthDistribution.parse(text(key, fallback));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage());
            }
        }
    }
}
