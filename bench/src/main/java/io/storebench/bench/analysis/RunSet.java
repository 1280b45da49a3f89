package io.storebench.bench.analysis;

import io.storebench.stats.model.EngineRun;
import io.storebench.stats.model.ForkResult;
import io.storebench.stats.model.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runs one side of {@code gate} or {@code compare} names: run folders (or run.json files), as a
 * list ({@code DIR1,DIR2}), or a FOLDER whose subfolders are run folders (a folder with a run.json of
 * its own is one run). Each run is one sample of the run-level design, so a run given twice and a
 * copy of a run (or of its forks) are refused: a copy would count as an independent run.
 */
final class RunSet {
    private RunSet() {
    }

    /** A run read from its folder. */
    record Run(Path folder, RunRecord record) {
        String id() {
            return record.runId();
        }
    }

    /**
     * Reads the runs {@code given} names, in order, a FOLDER of runs in its subfolders' name order.
     *
     * @throws IllegalArgumentException for an empty name in the list
     */
    static List<Run> read(String option, List<Path> given) throws RunReader.Unreadable, RunReader.Invalid {
        List<Run> runs = new ArrayList<>();
        for (Path path : given) {
            if (path.toString().isBlank()) {
                throw new IllegalArgumentException(option + " has an empty run name; give DIR[,DIR...] or a folder of"
                        + " run folders");
            }
            for (Path folder : folders(path)) {
                runs.add(new Run(RunReader.folder(folder), RunReader.read(folder)));
            }
        }
        refuseCopies(runs);
        return List.copyOf(runs);
    }

    /** Whether {@code path} is a folder of runs rather than a run (a folder without a run.json of its own). */
    static boolean isFolderOfRuns(Path path) {
        return Files.isDirectory(path) && !Files.isRegularFile(path.resolve("run.json"));
    }

    /** A run folder or run.json as itself; a folder without run.json as the run folders in it, if any. */
    static List<Path> folders(Path path) throws RunReader.Unreadable {
        if (!Files.isDirectory(path) || Files.isRegularFile(path.resolve("run.json"))) {
            return List.of(path);
        }
        try (Stream<Path> children = Files.list(path)) {
            List<Path> runs = children.filter(child -> Files.isRegularFile(child.resolve("run.json"))).sorted()
                    .toList();
            return runs.isEmpty() ? List.of(path) : runs; // none: RunReader says there is no run.json
        } catch (IOException e) {
            throw new RunReader.Unreadable(path + " cannot be listed: " + e.getMessage());
        }
    }

    /**
     * Refuses a run given twice (one folder) and a copy of a run or of its forks: one fork's
     * measurement (the same id and the same results) in two runs. Forks of different runs may share
     * an id ({@code ab} names a side's forks by their pair), and runs may share a run id (the
     * folder's name): they are still different measurements.
     *
     * @throws RunReader.Invalid naming both places
     */
    static void refuseCopies(List<Run> runs) throws RunReader.Invalid {
        Map<ForkResult, Run> measured = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            for (Run earlier : runs.subList(0, i)) {
                if (same(earlier, run)) {
                    throw new RunReader.Invalid(run.folder() + " is given twice; every run is one sample and is given"
                            + " once");
                }
            }
            for (EngineRun engine : run.record().engines()) {
                for (ForkResult fork : engine.forks()) {
                    Run other = measured.putIfAbsent(fork, run);
                    if (other != null && other != run) {
                        throw new RunReader.Invalid("fork " + fork.forkId() + " of " + other.folder() + " is also in "
                                + run.folder() + ", the same measurement: a copy of a run (or of its forks) would"
                                + " count as another run");
                    }
                }
            }
        }
    }

    /**
     * The runs with names to show that tell them apart: the run id, or where two runs share one
     * (folders of one name in different places), the folder as given.
     */
    static List<Run> distinctNames(List<Run> runs) {
        Map<String, Long> counts = new HashMap<>();
        runs.forEach(run -> counts.merge(run.id(), 1L, Long::sum));
        return runs.stream().map(run -> counts.get(run.id()) == 1 ? run : new Run(run.folder(), renamed(run.record(),
                run.folder().toString()))).toList();
    }

    private static RunRecord renamed(RunRecord r, String name) {
        return new RunRecord(r.schema(), name, r.createdAt(), r.command(), r.options(), r.settings(), r.environment(),
                r.engines(), r.complete(), r.missing());
    }

    private static boolean same(Run a, Run b) {
        try {
            return Files.isSameFile(a.folder(), b.folder());
        } catch (IOException e) {
            return a.folder().toAbsolutePath().normalize().equals(b.folder().toAbsolutePath().normalize());
        }
    }

    /** The run ids, as shown: {@code b1, b2, b3}. */
    static String ids(List<Run> runs) {
        return String.join(", ", runs.stream().map(Run::id).toList());
    }
}
