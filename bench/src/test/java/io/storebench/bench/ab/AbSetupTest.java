package io.storebench.bench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.compare.GateResult;
import io.storebench.workloads.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ab and calibrate refuse before their first fork, each in one line with its exit code. */
class AbSetupTest {
    @TempDir
    Path temp;

    private SideOptions sides(Path jar) {
        SideOptions options = new SideOptions();
        options.baselineJar = jar;
        options.candidateJar = jar;
        return options;
    }

    private Path jar() throws Exception {
        return Files.writeString(temp.resolve("other.jar"), "not run in this test");
    }

    private static void refused(int exit, String text, Runnable check) {
        Cli.UsageError e = assertThrows(Cli.UsageError.class, check::run);
        assertEquals(exit, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void sideOptionsSplitLikeAShell() {
        assertEquals(List.of("--durability", "strict", "--engine-options", "a b"),
                AbSetup.split("--x", "--durability strict  --engine-options 'a b'"));
        assertEquals(List.of("--read", "0.5"), AbSetup.split("--x", "--read \"0.5\""));
        refused(GateResult.EXIT_USAGE, "--candidate-args '--seed \"3' has an unclosed quote",
                () -> AbSetup.split("--candidate-args", "--seed \"3"));
    }

    @Test
    void optionsAbOwnsAreRefused() throws Exception {
        SideOptions options = sides(jar());
        refused(GateResult.EXIT_USAGE, "--forks is set by ab itself", () -> AbSetup.check(options,
                List.of("--forks", "3")));
        options.candidateArgs = "--out=/tmp/x";
        refused(GateResult.EXIT_USAGE, "--candidate-args: --out is set by ab itself",
                () -> AbSetup.check(options, List.of()));
    }

    @Test
    void pairsAndSeedOutOfRangeNameTheRange() throws Exception {
        SideOptions options = sides(jar());
        options.pairs = "5";
        refused(GateResult.EXIT_USAGE, "--pairs 5 is out of range; allowed: 6..1000", () -> AbSetup.check(options,
                List.of()));
        options.pairs = "ten";
        refused(GateResult.EXIT_USAGE, "--pairs 'ten' is not a whole number", () -> AbSetup.check(options, List.of()));
        options.pairs = null;
        options.orderSeed = "-1";
        refused(GateResult.EXIT_USAGE, "--order-seed -1 is out of range", () -> AbSetup.check(options, List.of()));
    }

    @Test
    void aMissingJarOrNoJarAtAllIsRefused() {
        SideOptions options = sides(temp.resolve("missing.jar"));
        refused(GateResult.EXIT_USAGE, "--baseline-jar " + temp.resolve("missing.jar") + " does not exist",
                () -> AbSetup.check(options, List.of()));
        // the tests run from classes, not from benchmarks.jar: without jars there is nothing to run
        refused(GateResult.EXIT_USAGE, "give --baseline-jar JAR", () -> AbSetup.check(new SideOptions(), List.of()));
    }

    @Test
    void theFolderMustBeNewOrEmpty() throws Exception {
        Files.writeString(temp.resolve("full").resolve("x").getParent().toFile().mkdirs() ? temp.resolve("full/x")
                : temp.resolve("full/x"), "x");
        refused(GateResult.EXIT_USAGE, "is not empty", () -> AbSetup.folder(temp.resolve("full"), "ab"));
        assertTrue(Files.isDirectory(AbSetup.folder(temp.resolve("new"), "ab")));
    }
}
