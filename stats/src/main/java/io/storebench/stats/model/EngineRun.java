package io.storebench.stats.model;

import java.util.List;

/**
 * One engine's part of a run.
 *
 * @param engine the engine name
 * @param description what it is and how it is reached
 * @param capabilities its capabilities
 * @param durability the profile it ran with ({@code none} for the baselines)
 * @param forks one entry per finished fork: the sample unit of every comparison
 */
public record EngineRun(String engine, String description, List<String> capabilities, String durability,
        List<ForkResult> forks) {
}
