package io.storebench.bench.run;

import io.storebench.bench.doctor.HostChecks;
import io.storebench.bench.io.KernelFiles;
import io.storebench.engine.LibraryVersion;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The environment fingerprint that goes into {@code run.json}: what could make two runs differ
 * besides the code. {@code libraries} holds the harness's own (JMH, HdrHistogram), each read from
 * its jar's metadata; the engines' libraries are recorded per engine
 * ({@code EngineRun.versions}, from {@code EngineProvider.versions()}).
 */
final class Environment {
    private Environment() {
    }

    static Map<String, Object> describe(Path dataDirectory) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        environment.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        environment.put("vm.dirty_ratio", read(Path.of("/proc/sys/vm/dirty_ratio")));
        environment.put("vm.dirty_background_ratio", read(Path.of("/proc/sys/vm/dirty_background_ratio")));
        environment.put("dataFilesystem", filesystem(dataDirectory));
        environment.put("host", HostChecks.values(dataDirectory));
        environment.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        environment.put("jvmFlags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("jmh", LibraryVersion.of(org.openjdk.jmh.Main.class, "org.openjdk.jmh", "jmh-core"));
        libraries.put("HdrHistogram", LibraryVersion.of(org.HdrHistogram.Histogram.class, "org.hdrhistogram",
                "HdrHistogram"));
        environment.put("libraries", libraries);
        environment.put("storebenchCommit", gitCommit());
        return environment;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String read(Path file) {
        return KernelFiles.read(file).orElse("unknown");
    }

    private static String filesystem(Path directory) {
        try {
            var store = Files.getFileStore(directory);
            return store.type() + " (" + store.name() + ")";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The commit of the checkout the run starts in, or "unknown" outside one. */
    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            boolean done = git.waitFor(5, TimeUnit.SECONDS);
            if (!done || git.exitValue() != 0 || !out.matches("[0-9a-f]{40}")) {
                return "unknown";
            }
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
            status.waitFor(5, TimeUnit.SECONDS);
            return dirty ? out + " (with uncommitted changes)" : out;
        } catch (IOException | RuntimeException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
