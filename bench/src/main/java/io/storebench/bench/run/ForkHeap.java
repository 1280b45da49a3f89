package io.storebench.bench.run;

import io.storebench.engine.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest heap a run's forks get, asked of the JVM itself: a JVM started as JMH starts the
 * forks (this JVM's flags, which JMH passes on, then {@code --jvm-args}) prints its
 * {@code MaxHeapSize} ({@code -XX:+PrintFlagsFinal -version}), so {@code -Xmx},
 * {@code -XX:MaxRAMPercentage}, a container's limit and the JVM's default (a quarter of the
 * memory) all count as they will in the forks. Agents are left out: a debugger's would want this
 * JVM's port, and none changes the heap.
 */
final class ForkHeap {
    private static final Pattern MAX_HEAP = Pattern.compile("\\bMaxHeapSize\\s*[:]?=\\s*(\\d+)");

    private ForkHeap() {
    }

    /**
     * @param jvmArgs {@code --jvm-args}
     * @return the forks' maximum heap in bytes
     * @throws ConfigurationException when a JVM with these flags does not start, with its first line
     */
    static long maxBytes(List<String> jvmArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(flag -> !isAgent(flag))
                .forEach(command::add);
        command.addAll(jvmArgs);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(); // its output has ended: it has exited, or is about to
            Matcher matcher = MAX_HEAP.matcher(output);
            if (process.exitValue() != 0 || !matcher.find()) {
                throw new ConfigurationException("a fork's JVM does not start with --jvm-args \""
                        + String.join(" ", jvmArgs) + "\": " + output.strip().lines().findFirst().orElse("no output"));
            }
            return Long.parseLong(matcher.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM to read the forks' heap size", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while reading the forks' heap size");
        }
    }

    private static boolean isAgent(String flag) {
        return flag.startsWith("-agentlib:") || flag.startsWith("-agentpath:") || flag.startsWith("-javaagent:")
                || flag.startsWith("-Xrunjdwp") || flag.equals("-Xdebug");
    }
}
