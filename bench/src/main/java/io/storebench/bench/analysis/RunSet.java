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
 * its own is one run). Each run is one sample of the run-level design, so a run given twice, two
 * copies of one run, or a fork in two runs are refused: a copy would count as an independent run.
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

    /** A run folder or run.json as itself; a folder without run.json as the run folders in it, if any. */
    private static List<Path> folders(Path path) throws RunReader.Unreadable {
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
     * Refuses a run given twice, two runs with one run id (a copy), and a fork id in two runs.
     *
     * @throws RunReader.Invalid naming both places
     */
    static void refuseCopies(List<Run> runs) throws RunReader.Invalid {
        Map<String, Run> byId = new HashMap<>();
        Map<String, Run> byFork = new HashMap<>();
        for (Run run : runs) {
            Run first = byId.putIfAbsent(run.id(), run);
            if (first != null) {
                throw new RunReader.Invalid(same(first, run) ? run.folder() + " is given twice; every run is one"
                        + " sample and is given once" : first.folder() + " and " + run.folder() + " are the same run '"
                        + run.id() + "' (runId); every run is one sample and is given once");
            }
            for (EngineRun engine : run.record().engines()) {
                for (ForkResult fork : engine.forks()) {
                    Run other = byFork.putIfAbsent(fork.forkId(), run);
                    if (other != null && other != run) {
                        throw new RunReader.Invalid("fork " + fork.forkId() + " is in run " + other.id() + " ("
                                + other.folder() + ") and run " + run.id() + " (" + run.folder() + "); every fork is"
                                + " one sample of one run");
                    }
                }
            }
        }
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
