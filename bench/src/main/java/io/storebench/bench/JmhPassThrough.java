package io.storebench.bench;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * JMH's own command line ({@code -l}, {@code -h}, a regex, {@code -p}, {@code -prof gc},
 * {@code -rf json}), after two checks JMH does not make: engine names in {@code -p engine=a,b} are
 * checked first (one line, exit 2), and a failing benchmark fails the run ({@code -foe true} unless
 * {@code -foe} is given).
 */
public final class JmhPassThrough {
    static final int EXIT_BAD_INPUT = 2;

    private JmhPassThrough() {
    }

    /** Runs JMH's main with {@code args}; returns only when the arguments were refused. */
    public static int run(String[] args) throws Exception {
        try {
            checkEngines(args, EngineRegistry.discover());
        } catch (ConfigurationException e) {
            System.err.println("storebench: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        org.openjdk.jmh.Main.main(withFailOnError(args));
        return 0; // JMH's main exits the JVM itself
    }

    /** Checks the values of every {@code -p engine=...} argument. */
    static void checkEngines(String[] args, EngineRegistry registry) {
        for (int i = 0; i < args.length; i++) {
            String parameter = null;
            if (args[i].equals("-p") && i + 1 < args.length) {
                parameter = args[i + 1];
            } else if (args[i].startsWith("-p") && args[i].length() > 2) {
                parameter = args[i].substring(2);
            }
            if (parameter != null && parameter.startsWith("engine=")) {
                for (String name : parameter.substring("engine=".length()).split(",")) {
                    registry.provider(name);
                }
            }
        }
    }

    static String[] withFailOnError(String[] args) {
        for (String arg : args) {
            if (arg.equals("-foe")) {
                return args;
            }
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-foe");
        all.add("true");
        return all.toArray(String[]::new);
    }
}
