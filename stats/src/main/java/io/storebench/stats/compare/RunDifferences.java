package io.storebench.stats.compare;

import io.storebench.stats.model.SettingsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between two runs' workload-defining settings ({@link SettingsRecord#WORKLOAD_DEFINING})
 * and machines ({@link RunPairing#ENVIRONMENT_FINGERPRINT}), compared in one place for the three
 * readers that judge it differently: a gate refuses a difference ({@link RunPairing}), an A/B
 * experiment reports it ({@link PairedRuns}), a history refuses another experiment
 * ({@code RunHistory}). Values are compared as text; a value recorded on one side only differs.
 */
public final class RunDifferences {
    private RunDifferences() {
    }

    /**
     * One setting or environment entry that differs.
     *
     * @param name the setting's or the entry's name
     * @param a its value in the first run, or null where absent
     * @param b its value in the second run, or null where absent
     */
    public record Difference(String name, Object a, Object b) {
    }

    /** The workload-defining settings that differ; a null record has every setting absent. */
    public static List<Difference> settings(SettingsRecord a, SettingsRecord b) {
        List<Difference> differences = new ArrayList<>();
        for (var setting : SettingsRecord.WORKLOAD_DEFINING.entrySet()) {
            Object x = a == null ? null : setting.getValue().apply(a);
            Object y = b == null ? null : setting.getValue().apply(b);
            if (!Objects.equals(text(x), text(y))) {
                differences.add(new Difference(setting.getKey(), x, y));
            }
        }
        return differences;
    }

    /** The environment fingerprint's entries that differ; a null map has every entry absent. */
    public static List<Difference> environment(Map<String, Object> a, Map<String, Object> b) {
        List<Difference> differences = new ArrayList<>();
        for (String name : RunPairing.ENVIRONMENT_FINGERPRINT) {
            Object x = a == null ? null : a.get(name);
            Object y = b == null ? null : b.get(name);
            if (!Objects.equals(text(x), text(y))) {
                differences.add(new Difference(name, x, y));
            }
        }
        return differences;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
