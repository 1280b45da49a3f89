package io.storebench.bench.ab;

import java.nio.file.Path;
import java.util.List;

/**
 * What one side runs: its {@code benchmarks.jar} and the {@code run} options it adds to the shared
 * ones.
 *
 * @param jar the jar its forks run (the baseline build, the candidate build, or this jar)
 * @param args its own {@code run} options, after the shared ones
 */
public record SideSpec(Side side, Path jar, List<String> args) {
    public SideSpec {
        args = List.copyOf(args);
    }

    /** The same jar and the same options: an A/A experiment. */
    public boolean sameAs(SideSpec other) {
        return jar.equals(other.jar) && args.equals(other.args);
    }
}
