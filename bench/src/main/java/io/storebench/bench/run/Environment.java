package io.storebench.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The environment fingerprint that goes into {@code run.json}: what could make two runs differ besides the code. */
final class Environment {
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"lmdbjava", "org.lmdbjava", "lmdbjava"},
            new String[] {"sqlite-jdbc", "org.xerial", "sqlite-jdbc"},
            new String[] {"jmh", "org.openjdk.jmh", "jmh-core"},
            new String[] {"HdrHistogram", "org.hdrhistogram", "HdrHistogram"});

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
        environment.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        environment.put("jvmFlags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        Map<String, String> libraries = new LinkedHashMap<>();
        for (String[] library : LIBRARIES) {
            libraries.put(library[0], mavenVersion(library[1], library[2]));
        }
        libraries.put("rocksdb", rocksDbVersion());
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
        try {
            return Files.readString(file).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String filesystem(Path directory) {
        try {
            var store = Files.getFileStore(directory);
            return store.type() + " (" + store.name() + ")";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The version in the jar's Maven metadata (kept by the shade plugin). */
    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Environment.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** RocksDB's own version (its jar carries no Maven metadata). */
    private static String rocksDbVersion() {
        try {
            org.rocksdb.RocksDB.loadLibrary();
            return org.rocksdb.RocksDB.rocksdbVersion().toString();
        } catch (RuntimeException | LinkageError e) {
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
