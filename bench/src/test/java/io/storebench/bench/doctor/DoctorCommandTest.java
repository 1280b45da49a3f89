package io.storebench.bench.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.storebench.bench.io.JsonFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} on this host's real {@code /proc} and {@code /sys}, and the formats it parses, as the kernel writes them. */
class DoctorCommandTest {
    private static final List<String> NAMES = List.of("cpu frequency governor", "cpu boost", "transparent huge pages",
            "transparent huge pages defrag", "swap", "dirty page limits", "clock source", "load from other work",
            "data filesystem", "data device");

    @TempDir
    Path temp;

    private record Result(int exit, String out, String err) {
    }

    private static Result doctor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DoctorCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCheckIsPrintedWithWhatItMeansAndTheExitCodeSaysWhetherAnyIsRisky() {
        Result result = doctor("--data-dir", temp.toString());
        List<HostCheck> checks = HostChecks.of(temp);
        assertEquals(NAMES, checks.stream().map(HostCheck::name).toList());
        for (HostCheck check : checks) {
            assertTrue(result.out().contains(check.name()), result.out());
            assertFalse(check.meaning().isBlank(), check.toString());
        }
        boolean risky = checks.stream().anyMatch(c -> c.verdict() == HostCheck.Verdict.WARN);
        assertEquals(risky ? 1 : 0, result.exit(), result.out() + result.err());
        assertTrue(result.out().strip().endsWith(risky ? "keep them the same on every host whose runs you compare"
                : "no risky setting found"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void theJsonIsTheSameChecks() throws Exception {
        Result result = doctor("--data-dir", temp.toString(), "--json");
        JsonNode checks = JsonFiles.MAPPER.readTree(result.out());
        assertEquals(NAMES.size(), checks.size(), result.out());
        for (int i = 0; i < NAMES.size(); i++) {
            assertEquals(NAMES.get(i), checks.get(i).get("name").asText());
            assertTrue(List.of("OK", "INFO", "WARN", "UNKNOWN").contains(checks.get(i).get("verdict").asText()));
        }
    }

    @Test
    void aDirectoryThatDoesNotExistIsOneLineAndExit2() {
        Result result = doctor("--data-dir", temp.resolve("nope").toString());
        assertEquals(2, result.exit());
        assertEquals(List.of("storebench doctor: --data-dir " + temp.resolve("nope") + " is not a directory; give an"
                + " existing directory on the filesystem the runs' data will use"), result.err().lines().toList());
        assertEquals(2, doctor("--bogus").exit());
    }

    /** A data directory in memory is the risk doctor exists for: fsync is free there. Needs root to mount a tmpfs. */
    @Test
    void dataOnATmpfsIsAWarning() throws Exception {
        Path disk = Files.createDirectories(temp.resolve("memory"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here");
        try {
            HostCheck filesystem = HostChecks.of(disk).get(NAMES.indexOf("data filesystem"));
            assertEquals(HostCheck.Verdict.WARN, filesystem.verdict(), filesystem.toString());
            assertTrue(filesystem.value().startsWith("tmpfs on " + disk.toRealPath()), filesystem.value());
            assertTrue(filesystem.meaning().contains("fsync is free"), filesystem.meaning());
            assertEquals(1, doctor("--data-dir", disk.toString()).exit());
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor();
        }
    }

    @Test
    void mountinfoLinesAreParsedWithTheirEscapesAndTheLongestMountWins() {
        List<String> mountinfo = List.of(
                "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict",
                "25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683772k",
                "90 27 0:51 / /data/my\\040disk rw,noatime shared:5 - xfs /dev/sdb1 rw,nobarrier");
        MountPoint root = MountPoint.containing(Path.of("/work/main"), mountinfo).orElseThrow();
        assertEquals(new MountPoint("254:0", "/", "rw,relatime", "ext4", "/dev/vda", "rw,discard,resv_strict"), root);
        MountPoint spaced = MountPoint.containing(Path.of("/data/my disk/run"), mountinfo).orElseThrow();
        assertEquals("/data/my disk", spaced.mountPoint());
        assertEquals("xfs", spaced.type(), "optional fields before the separator are skipped");
        assertTrue(spaced.hasOption("nobarrier"));
        assertEquals(HostCheck.Verdict.WARN, HostChecks.filesystem(spaced).verdict());
        assertEquals(Optional.of("/dev/shm"),
                MountPoint.containing(Path.of("/dev/shm/x"), mountinfo).map(MountPoint::mountPoint));
        assertEquals("madvise", HostChecks.bracketed("always [madvise] never"));
        assertEquals("mq-deadline", HostChecks.bracketed("none [mq-deadline] kyber"));
    }
}
