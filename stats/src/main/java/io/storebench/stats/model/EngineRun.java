package io.storebench.stats.model;

import java.util.List;
import java.util.Map;

/**
 * One engine's part of a run.
 *
 * @param engine the engine name
 * @param description what it is and how it is reached
 * @param capabilities its capabilities
 * @param durability the profile it ran with ({@code none} for the baselines)
 * @param profile the engine at a glance, as it described itself; null in {@code storebench.run/1}
 * @param versions what it ran: client libraries and, for a remote engine, the server, name to
 *     version, as its first finished fork recorded them; empty in {@code storebench.run/1} and when
 *     no fork finished
 * @param forks one entry per finished fork: the sample unit of every comparison
 * @param failedForks one entry per fork that failed, with why (not samples); empty in runs written
 *     before it existed
 * @param saturation for an open-loop run, whether the engine kept its rate ({@link SaturationRule});
 *     null for a closed-loop run and in runs written before it existed (not known)
 */
public record EngineRun(String engine, String description, List<String> capabilities, String durability,
        EngineProfileRecord profile, Map<String, String> versions, List<ForkResult> forks,
        List<ForkFailure> failedForks, Saturation saturation) {

    public EngineRun {
        versions = versions == null ? Map.of() : new java.util.TreeMap<>(versions);
        failedForks = failedForks == null ? List.of() : List.copyOf(failedForks);
    }

    /** An engine's part whose saturation is not known (or that ran closed-loop). */
    public EngineRun(String engine, String description, List<String> capabilities, String durability,
            EngineProfileRecord profile, Map<String, String> versions, List<ForkResult> forks,
            List<ForkFailure> failedForks) {
        this(engine, description, capabilities, durability, profile, versions, forks, failedForks, null);
    }

    /** An engine's part without failed forks. */
    public EngineRun(String engine, String description, List<String> capabilities, String durability,
            EngineProfileRecord profile, Map<String, String> versions, List<ForkResult> forks) {
        this(engine, description, capabilities, durability, profile, versions, forks, List.of());
    }
}
