package io.storebench.bench.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.storebench.bench.io.JsonFiles;
import io.storebench.stats.compare.RunPairing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code calibration.json} (schema {@value #SCHEMA}): what {@code calibrate} measured of the gate
 * on one host: the family-wise false-positive rate of A/A experiments with its exact interval, the
 * noise of each key and the smallest change it can detect, and the floor to use. {@code ab} and
 * {@code gate} read it ({@link #notes}) to print "noise measured on this host" and to warn when
 * {@code --floor} is below it. It is kept per user, {@code ~/.storebench/calibration.json} unless
 * {@code $STOREBENCH_CALIBRATION} or {@code --calibration} names another file, and used only for
 * runs whose environment matches its host.
 *
 * @param host the environment fingerprint of the host ({@link RunPairing#ENVIRONMENT_FINGERPRINT})
 * @param configuration what the experiments ran: the noise is that configuration's
 * @param shared the run options of the experiments
 * @param experiments A/A experiments judged
 * @param pairs pairs per experiment
 * @param falsePositives experiments with at least one key REGRESSED or IMPROVED
 * @param keys per key: its noise and the smallest change detectable at 80 % power
 * @param suggestedFloor the largest detectable change of any key, rounded up to a whole percent
 */
public record Calibration(String schema, String createdAt, Map<String, String> host, Configuration configuration,
        List<String> shared,
        int experiments, int pairs, List<String> metrics, double floor, double alpha, int falsePositives,
        double falsePositiveRate, double rateLower, double rateUpper, List<KeyNoise> keys, double suggestedFloor) {
    public static final String SCHEMA = "storebench.calibration/1";
    static final String ENVIRONMENT_VARIABLE = "STOREBENCH_CALIBRATION";

    /**
     * One key's noise.
     *
     * @param pairSigma the spread of the per-pair log ratios (1.4826 times their median absolute deviation,
     *     a standard deviation that a disturbed pair does not inflate), pooled over the experiments
     * @param driftPercent the run-to-run drift: the standard deviation of the sides' log geometric
     *     means across every experiment, as a percentage
     * @param lowest the lowest side geometric mean of any experiment
     * @param highest the highest
     * @param detectable the smallest change detected with 80 % power by {@code pairs} pairs, Holm's
     *     worst case (α divided by the keys) included, as a fraction
     */
    public record KeyNoise(String key, String unit, double pairSigma, double driftPercent, double lowest,
            double highest, double detectable) {
    }

    /**
     * What the calibrated experiments ran, as their runs recorded it: a gate of another
     * configuration gets no floor warning from it (its noise is another's).
     */
    public record Configuration(List<String> engines, String workload, String profile, Integer threads) {
        public static Configuration of(io.storebench.stats.model.RunRecord run) {
            var settings = run.settings();
            return new Configuration(run.engines().stream().map(e -> e.engine()).toList(),
                    settings == null ? null : settings.workload(), settings == null ? null : settings.profile(),
                    settings == null ? null : settings.threads());
        }

        String describe() {
            return String.join(",", engines == null ? List.of() : engines) + " on " + workload + ", " + threads
                    + " thread(s), profile " + profile;
        }
    }

    /** {@code result} with the notes of {@code file} (or the default file) for {@code baseline}'s run among its warnings. */
    public static io.storebench.stats.compare.GateResult withNotes(io.storebench.stats.compare.GateResult result,
            Path file, io.storebench.stats.model.RunRecord baseline) {
        List<String> notes = notes(file != null ? file : defaultFile(), baseline, result.settings().floor());
        if (notes.isEmpty()) {
            return result;
        }
        List<String> warnings = new ArrayList<>(result.warnings());
        warnings.addAll(notes);
        return new io.storebench.stats.compare.GateResult(result.settings(), result.verdicts(), result.problems(),
                warnings);
    }

    /** The file {@code ab} and {@code gate} read when none is named. */
    public static Path defaultFile() {
        String named = System.getenv(ENVIRONMENT_VARIABLE);
        return named != null && !named.isBlank() ? Path.of(named)
                : Path.of(System.getProperty("user.home"), ".storebench", "calibration.json");
    }

    /** The fingerprint fields of a run's environment, as text. */
    public static Map<String, String> host(Map<String, Object> environment) {
        Map<String, String> host = new LinkedHashMap<>();
        for (String name : RunPairing.ENVIRONMENT_FINGERPRINT) {
            Object value = environment == null ? null : environment.get(name);
            host.put(name, value == null ? null : value.toString());
        }
        return host;
    }

    /**
     * What a gate on a run of {@code environment} with {@code floor} should say about this host's
     * noise: nothing without a file; that the file is from another host or unreadable; or the
     * measured noise, and a warning when the floor is below the suggested one.
     */
    public static List<String> notes(Path file, io.storebench.stats.model.RunRecord run, double floor) {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        Calibration calibration;
        try {
            calibration = JsonFiles.readStrict(file, Calibration.class);
        } catch (JsonProcessingException e) {
            return List.of("calibration " + file + " is not a valid calibration.json (" + e.getOriginalMessage()
                    + "); not used");
        } catch (IOException e) {
            return List.of("calibration " + file + " cannot be read (" + e.getMessage() + "); not used");
        }
        if (calibration == null || !SCHEMA.equals(calibration.schema())) {
            return List.of("calibration " + file + " has schema " + (calibration == null ? null : calibration.schema())
                    + "; this version reads " + SCHEMA + "; not used");
        }
        if (calibration.host() == null || calibration.configuration() == null || calibration.keys() == null
                || calibration.shared() == null || calibration.createdAt() == null) {
            return List.of("calibration " + file + " is not a valid calibration.json (host, configuration, shared,"
                    + " keys and createdAt are needed); not used");
        }
        Map<String, String> here = host(run.environment());
        List<String> differences = new ArrayList<>();
        here.forEach((name, value) -> {
            String there = calibration.host() == null ? null : calibration.host().get(name);
            if (!Objects.equals(value, there)) {
                differences.add(name + " '" + there + "' vs '" + value + "'");
            }
        });
        if (!differences.isEmpty()) {
            return List.of("calibration " + file + " was measured on another host (" + String.join(", ", differences)
                    + "); not used: run calibrate here");
        }
        Configuration configuration = Configuration.of(run);
        if (!configuration.equals(calibration.configuration())) {
            return List.of("calibration " + file + " measured " + calibration.configuration().describe() + "; this"
                    + " run is " + configuration.describe() + ": its noise is not this run's; not used (calibrate"
                    + " this configuration)");
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "noise measured on this host (calibrate, %s, %d paired A/A experiments of"
                + " %d pairs, %s): false-positive rate %d/%d = %.1f%% [95%% CI %.1f%%, %.1f%%]; smallest change"
                + " detectable at 80%% power: %s; suggested --floor %.0f%%", calibration.createdAt(),
                calibration.experiments(), calibration.pairs(), String.join(" ", calibration.shared()),
                calibration.falsePositives(), calibration.experiments(), 100 * calibration.falsePositiveRate(),
                100 * calibration.rateLower(), 100 * calibration.rateUpper(), detectable(calibration),
                100 * calibration.suggestedFloor()));
        if (floor < calibration.suggestedFloor() - 1e-9) {
            notes.add(String.format(Locale.ROOT, "--floor %.1f%% is below the %.0f%% calibrate suggests for this"
                    + " host: smaller changes are inside its noise", 100 * floor, 100 * calibration.suggestedFloor()));
        }
        return notes;
    }

    private static String detectable(Calibration calibration) {
        List<String> keys = new ArrayList<>();
        for (KeyNoise key : calibration.keys()) {
            keys.add(String.format(Locale.ROOT, "%s %.1f%%", key.key(), 100 * key.detectable()));
        }
        return String.join(", ", keys);
    }
}
