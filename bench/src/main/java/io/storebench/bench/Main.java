package io.storebench.bench;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineRegistry;
import io.storebench.workloads.inspect.InspectCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of {@code benchmarks.jar}. {@code inspect ...} runs the workload
 * {@linkplain InspectCommand inspector}. Everything else goes to JMH's own main, after two checks
 * that JMH does not make:
 * <ul>
 *   <li>engine names given with {@code -p engine=a,b} are checked against the registry first,
 *       so a typo is one line naming the known engines, not a stack trace from every fork;</li>
 *   <li>a failing benchmark fails the run ({@code -foe true} unless {@code -foe} is given), so
 *       scripts see a non-zero exit code.</li>
 * </ul>
 * Exit codes: 0 success; 1 JMH failed (bad JMH option, no benchmark matched, a benchmark threw);
 * 2 a bad StoreBench value (an unknown engine).
 */
public final class Main {
    static final int EXIT_BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("inspect")) {
            System.exit(InspectCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        try {
            checkEngines(args, EngineRegistry.discover());
        } catch (ConfigurationException e) {
            System.err.println("storebench: " + e.getMessage());
            System.exit(EXIT_BAD_INPUT);
        }
        org.openjdk.jmh.Main.main(withFailOnError(args));
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
