package io.storebench.engine.server;

import java.util.Map;

/** The names of the signals that end a process, from the exit code a JVM reports for it (128 + N). */
public final class Signals {
    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"),
            Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"),
            Map.entry(8, "SIGFPE"), Map.entry(9, "SIGKILL"), Map.entry(11, "SIGSEGV"), Map.entry(13, "SIGPIPE"),
            Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"));

    private Signals() {
    }

    /**
     * The signal behind {@code exitCode}: {@code SIGKILL} for 137, {@code signal 10} for one without
     * a name here; null for an exit code of 128 or less (the process exited), or above 128 + 64.
     */
    public static String fromExitCode(int exitCode) {
        return exitCode > 128 && exitCode <= 128 + 64 ? NAMES.getOrDefault(exitCode - 128, "signal " + (exitCode - 128))
                : null;
    }
}
