package io.storebench.bench.doctor;

import io.storebench.bench.io.KernelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's settings that change benchmark figures (issue #16, the seed's environment check),
 * each read from {@code /proc} or {@code /sys} with what it means: CPU frequency governor and
 * boost, transparent huge pages, swap, the dirty-page limits, the clock source, the load from
 * other work, and the filesystem, mount options and block device under the data directory.
 * {@code doctor} prints them; {@code run} records their values in {@code run.json}.
 */
public final class HostChecks {
    private static final Path CPUS = Path.of("/sys/devices/system/cpu");
    private static final Path THP = Path.of("/sys/kernel/mm/transparent_hugepage");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\]");
    private static final long GIB = 1L << 30;

    private HostChecks() {
    }

    /** Every check, in a fixed order, for a data directory that exists. */
    public static List<HostCheck> of(Path dataDirectory) {
        List<HostCheck> checks = new ArrayList<>();
        checks.add(governor());
        checks.add(boost());
        checks.add(hugePages("transparent huge pages", "enabled"));
        checks.add(hugePages("transparent huge pages defrag", "defrag"));
        checks.add(swap());
        checks.add(dirtyPages());
        checks.add(clockSource());
        checks.add(load());
        Optional<MountPoint> mount;
        try {
            mount = MountPoint.of(dataDirectory);
        } catch (IOException | RuntimeException e) {
            mount = Optional.empty();
        }
        checks.add(mount.map(HostChecks::filesystem)
                .orElse(HostCheck.unknown("data filesystem", "no mount found for " + dataDirectory)));
        checks.add(mount.map(HostChecks::device)
                .orElse(HostCheck.unknown("data device", "no mount found for " + dataDirectory)));
        return checks;
    }

    /** The checks' values by name: what {@code run.json} records. */
    public static Map<String, String> values(Path dataDirectory) {
        Map<String, String> values = new LinkedHashMap<>();
        for (HostCheck check : of(dataDirectory)) {
            values.put(check.name(), check.value());
        }
        return values;
    }

    static HostCheck governor() {
        String name = "cpu frequency governor";
        TreeSet<String> governors = new TreeSet<>();
        try (Stream<Path> cpus = Files.list(CPUS)) {
            for (Path cpu : cpus.filter(p -> p.getFileName().toString().matches("cpu\\d+")).toList()) {
                read(cpu.resolve("cpufreq/scaling_governor")).ifPresent(governors::add);
            }
        } catch (IOException e) {
            return HostCheck.unknown(name, "cannot list " + CPUS + ": " + e.getMessage());
        }
        if (governors.isEmpty()) {
            return HostCheck.info(name, "not exposed", "no cpufreq driver (a virtual machine, as a rule): the"
                    + " hypervisor sets the frequency, unseen; compare figures only from like hosts");
        }
        String value = String.join(",", governors);
        return governors.equals(new TreeSet<>(List.of("performance")))
                ? HostCheck.ok(name, value, "cores run at full speed from the first operation")
                : HostCheck.warn(name, value, "the frequency follows the load, so warm-up and idle gaps change"
                        + " speed; for benchmarks: cpupower frequency-set -g performance");
    }

    static HostCheck boost() {
        String name = "cpu boost";
        Optional<String> noTurbo = read(CPUS.resolve("intel_pstate/no_turbo"));
        Optional<String> boost = read(CPUS.resolve("cpufreq/boost"));
        if (noTurbo.isEmpty() && boost.isEmpty()) {
            return HostCheck.info(name, "not exposed", "turbo or boost is the host's or hypervisor's, unseen here");
        }
        boolean on = noTurbo.map("0"::equals).orElse(false) || boost.map("1"::equals).orElse(false);
        return on ? HostCheck.info(name, "on", "the clock rises while few cores are busy and the chip is cool: runs"
                        + " of one thread and of many, or a hot and a cold chip, differ for this reason alone")
                : HostCheck.ok(name, "off", "a steady clock");
    }

    static HostCheck hugePages(String name, String file) {
        Optional<String> setting = read(THP.resolve(file)).map(HostChecks::bracketed);
        if (setting.isEmpty()) {
            return HostCheck.unknown(name, "cannot read " + THP.resolve(file));
        }
        String value = setting.get();
        if (value.equals("always")) {
            return HostCheck.warn(name, value, file.equals("enabled")
                    ? "every large mapping gets huge pages and khugepaged compacts memory behind the engine:"
                            + " latency spikes and inflated memory (RocksDB's and most databases' advice: madvise or never)"
                    : "a page fault may stall while the kernel compacts memory: tail latency spikes");
        }
        return HostCheck.ok(name, value, "huge pages only where asked for: no compaction stalls behind the engine");
    }

    /** The selected value of a sysfs choice list such as {@code always [madvise] never}. */
    static String bracketed(String choices) {
        Matcher selected = BRACKETED.matcher(choices);
        return selected.find() ? selected.group(1) : choices.trim();
    }

    static HostCheck swap() {
        String name = "swap";
        Optional<String> swaps = read(Path.of("/proc/swaps"));
        if (swaps.isEmpty()) {
            return HostCheck.unknown(name, "cannot read /proc/swaps");
        }
        long devices = swaps.get().lines().skip(1).filter(l -> !l.isBlank()).count();
        String swappiness = read(Path.of("/proc/sys/vm/swappiness")).orElse("unknown");
        return devices == 0 ? HostCheck.ok(name, "off", "no page of a heap or cache can be paged out")
                : HostCheck.warn(name, devices + " device(s), swappiness " + swappiness, "a paged-out heap or cache"
                        + " shows as tail latency that is the kernel's, not the engine's; swapoff -a for benchmarks");
    }

    static HostCheck dirtyPages() {
        String name = "dirty page limits";
        Optional<String> ratio = read(Path.of("/proc/sys/vm/dirty_ratio"));
        Optional<String> background = read(Path.of("/proc/sys/vm/dirty_background_ratio"));
        Optional<String> expire = read(Path.of("/proc/sys/vm/dirty_expire_centisecs"));
        Optional<Long> memory = memoryBytes();
        if (ratio.isEmpty() || background.isEmpty() || memory.isEmpty()) {
            return HostCheck.unknown(name, "cannot read /proc/sys/vm/dirty_ratio, dirty_background_ratio or"
                    + " /proc/meminfo");
        }
        double ratioGib = Long.parseLong(ratio.get()) / 100.0 * memory.get() / GIB;
        double backgroundGib = Long.parseLong(background.get()) / 100.0 * memory.get() / GIB;
        String value = String.format(Locale.ROOT, "dirty_ratio %s (%.1f GiB), dirty_background_ratio %s (%.1f GiB),"
                + " dirty_expire_centisecs %s", ratio.get(), ratioGib, background.get(), backgroundGib,
                expire.orElse("unknown"));
        return HostCheck.info(name, value, String.format(Locale.ROOT, "writeback begins at %.1f GiB of unwritten"
                + " pages and writers are throttled at %.1f GiB: writes without fsync (buffered) look fast until"
                + " then, and a run shorter than that never pays for its writes", backgroundGib, ratioGib));
    }

    static HostCheck clockSource() {
        String name = "clock source";
        Optional<String> source = read(Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource"));
        if (source.isEmpty()) {
            return HostCheck.unknown(name, "cannot read the current clock source");
        }
        return switch (source.get()) {
            case "tsc" -> HostCheck.ok(name, "tsc", "System.nanoTime is a few tens of ns, read without a system call");
            case "kvm-clock" -> HostCheck.info(name, "kvm-clock", "a paravirtual clock read in user space: slightly"
                    + " dearer than tsc; the harness's own cost (null engine) includes it");
            default -> HostCheck.warn(name, source.get(), "System.nanoTime may cost a system call or microseconds:"
                    + " every latency includes it; tsc is the clock for benchmarks");
        };
    }

    static HostCheck load() {
        String name = "load from other work";
        Optional<String> loadavg = read(Path.of("/proc/loadavg"));
        if (loadavg.isEmpty()) {
            return HostCheck.unknown(name, "cannot read /proc/loadavg");
        }
        double oneMinute = Double.parseDouble(loadavg.get().split(" ")[0]);
        int cores = Runtime.getRuntime().availableProcessors();
        String value = String.format(Locale.ROOT, "load average %.2f over 1 min, %d cores", oneMinute, cores);
        return oneMinute > 0.5 * cores
                ? HostCheck.warn(name, value, "other processes are using the cores a run would use: its figures"
                        + " would be theirs too; wait for a quiet host")
                : HostCheck.ok(name, value, "the host is quiet");
    }

    static HostCheck filesystem(MountPoint mount) {
        String name = "data filesystem";
        String value = mount.type() + " on " + mount.mountPoint() + " (" + mount.source() + "; " + mount.mountOptions()
                + (mount.superOptions().isEmpty() ? "" : "; " + mount.superOptions()) + ")";
        if (mount.type().equals("tmpfs") || mount.type().equals("ramfs")) {
            return HostCheck.warn(name, value, "the data lives in memory: fsync is free and nothing reaches a"
                    + " device, so strict and buffered measure the same; use --data-dir on a disk");
        }
        if (mount.hasOption("nobarrier") || mount.hasOption("barrier=0")) {
            return HostCheck.warn(name, value, "write barriers are off: fsync returns before the device's cache is"
                    + " flushed, so strict is faster than it is safe");
        }
        if (mount.type().equals("overlay")) {
            return HostCheck.info(name, value, "a container's overlay: writes pass through it to the host's"
                    + " filesystem; give the data a volume (--data-dir) to measure the device");
        }
        if (mount.hasOption("data=writeback")) {
            return HostCheck.info(name, value, "ext4 data=writeback: metadata is journalled, data is not ordered"
                    + " with it; faster fsync than the default data=ordered");
        }
        return HostCheck.ok(name, value, "a disk filesystem; engines' fsync reaches the device");
    }

    static HostCheck device(MountPoint mount) {
        String name = "data device";
        Path sys = Path.of("/sys/dev/block", mount.device());
        if (!Files.exists(sys)) {
            return HostCheck.info(name, "none (" + mount.source() + ")", "no block device under the data: "
                    + (mount.type().equals("tmpfs") ? "memory" : "a virtual or network filesystem"));
        }
        try {
            Path block = sys.toRealPath();
            if (Files.exists(block.resolve("partition"))) {
                block = block.getParent(); // a partition's queue settings are its disk's
            }
            String disk = block.getFileName().toString();
            String rotational = read(block.resolve("queue/rotational")).orElse("?");
            String scheduler = read(block.resolve("queue/scheduler")).map(HostChecks::bracketed).orElse("unknown");
            String value = disk + ", " + ("1".equals(rotational) ? "rotational" : "solid-state (not rotational)")
                    + ", scheduler " + scheduler;
            String virtual = disk.startsWith("vd") || disk.startsWith("xvd")
                    ? "a virtual disk: the hypervisor's storage and caching lie beneath it, unseen; " : "";
            if (!virtual.isEmpty()) {
                return HostCheck.info(name, value, virtual + "its rotational flag says nothing of what lies beneath"
                        + " (virtio reports rotational by default); compare engines only on like hosts");
            }
            return "1".equals(rotational)
                    ? HostCheck.warn(name, value, "a spinning disk: seeks dominate, figures differ from"
                            + " solid-state ones by orders of magnitude; compare engines only on like devices")
                    : HostCheck.info(name, value, "compare engines only on like devices");
        } catch (IOException e) {
            return HostCheck.unknown(name, "cannot read " + sys + ": " + e.getMessage());
        }
    }

    private static Optional<Long> memoryBytes() {
        return read(Path.of("/proc/meminfo")).flatMap(text -> text.lines().filter(l -> l.startsWith("MemTotal:"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024));
    }

    private static Optional<String> read(Path file) {
        return KernelFiles.read(file);
    }
}
