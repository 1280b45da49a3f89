package io.storebench.bench.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The mount a directory lives on, from one line of {@code /proc/self/mountinfo}
 * ({@code 27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard}; see proc(5)).
 *
 * @param device the device's {@code major:minor}
 * @param mountPoint where it is mounted
 * @param mountOptions the per-mount options ({@code rw,relatime})
 * @param type the filesystem type ({@code ext4}, {@code tmpfs}, {@code overlay})
 * @param source the mount source ({@code /dev/vda})
 * @param superOptions the filesystem's own options ({@code rw,discard,barrier=0})
 */
public record MountPoint(String device, String mountPoint, String mountOptions, String type, String source,
        String superOptions) {
    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /** The mount holding {@code directory}: the longest mount point that is a prefix of its real path. */
    public static Optional<MountPoint> of(Path directory) throws IOException {
        return containing(directory.toRealPath(), Files.readAllLines(MOUNTINFO));
    }

    /**
     * The block device ({@code major:minor}) under {@code directory}, when there is one: none for
     * tmpfs, overlay or network filesystems, or when it cannot be found.
     */
    public static Optional<String> blockDevice(Path directory) {
        try {
            return of(directory).map(MountPoint::device).filter(d -> Files.exists(Path.of("/sys/dev/block", d)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<MountPoint> containing(Path realPath, List<String> mountinfo) {
        MountPoint best = null;
        for (String line : mountinfo) {
            MountPoint mount = parse(line);
            if (realPath.startsWith(Path.of(mount.mountPoint()))
                    && (best == null || mount.mountPoint().length() >= best.mountPoint().length())) {
                best = mount; // a later mount over the same point hides the earlier one
            }
        }
        return Optional.ofNullable(best);
    }

    /** One mountinfo line: fields 3 to 6, then after the {@code -} separator the type, source and options. */
    static MountPoint parse(String line) {
        String[] fields = line.trim().split(" ");
        int separator = List.of(fields).indexOf("-");
        if (fields.length < 6 || separator < 6 || fields.length < separator + 3) {
            throw new IllegalArgumentException("not a mountinfo line: " + line);
        }
        return new MountPoint(fields[2], unescape(fields[4]), fields[5], fields[separator + 1],
                unescape(fields[separator + 2]), fields.length > separator + 3 ? fields[separator + 3] : "");
    }

    boolean hasOption(String option) {
        return List.of((mountOptions + "," + superOptions).split(",")).contains(option);
    }

    /** The kernel writes space, tab, newline and backslash in paths as octal escapes ({@code \040}). */
    private static String unescape(String field) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
