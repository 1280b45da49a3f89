package io.storebench.bench;

import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * JMH's own command line ({@code -l}, {@code -h}, a regex, {@code -p}, {@code -prof gc},
 * {@code -rf json}), after four steps JMH does not take: engine names in {@code -p engine=a,b}
 * are checked first, and a line JMH cannot parse ({@code -zz}) is refused (one line, exit 2, where
 * JMH's own main exits 1); the engines are supplied where the user gives none; and a failing
 * benchmark fails the run ({@code -foe true} unless {@code -foe} is given). {@code Main} refuses a
 * first word that selects no benchmark as an unknown command ({@link #selectsNoBenchmark}).
 *
 * <p>Why the engines are supplied here: a benchmark over engines ({@link SingleThreadEngineBenchmark})
 * declares {@code @Param("") engine}, no engine, since an annotation can only hold a list typed
 * by hand (and JMH wants a default). When the user gives no {@code -p engine=...} and a selected
 * benchmark (JMH's own include and exclude patterns over its benchmark list) has such an empty
 * {@code engine} parameter, {@code -p engine=} every registered engine that runs in process
 * ({@link Capability#REMOTE} ones need a server) is added: the engines and baselines on the class
 * path, in the registry's order. JMH applies {@code -p} to every selected benchmark with that
 * parameter, so in a selection that mixes such a benchmark with one that has its own engine
 * default, that one runs over the same engines. {@code -l} still lists every benchmark.
 */
public final class JmhPassThrough {
    static final int EXIT_BAD_INPUT = 2;
    static final String ENGINE = "engine";

    private JmhPassThrough() {
    }

    /** Runs JMH's main with {@code args}; returns only when the arguments were refused. */
    public static int run(String[] args) throws Exception {
        EngineRegistry registry = EngineRegistry.discover();
        try {
            checkEngines(args, registry);
            checkOptions(args);
        } catch (ConfigurationException e) {
            System.err.println("storebench: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        org.openjdk.jmh.Main.main(withFailOnError(withDefaultEngines(args, registry, BenchmarkList.defaultList())));
        return 0; // JMH's main exits the JVM itself
    }

    /** Checks the values of every {@code -p engine=...} argument. */
    static void checkEngines(String[] args, EngineRegistry registry) {
        for (String values : engineParameters(args)) {
            for (String name : values.split(",")) {
                registry.provider(name);
            }
        }
    }

    /**
     * Parses {@code args} as JMH's main would, so that a line JMH cannot parse is StoreBench's one
     * line and exit 2 (JMH's own main prints two lines and exits 1).
     *
     * @throws ConfigurationException with JMH's message
     */
    static void checkOptions(String[] args) {
        try {
            new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            throw new ConfigurationException("JMH's command line: " + e.getMessage().strip().lines()
                    .findFirst().orElse("cannot be parsed") + " (java -jar bench/target/benchmarks.jar -h lists JMH's"
                    + " options; StoreBench's commands: --help)");
        }
    }

    /**
     * Whether {@code word}, as the first of JMH's arguments, is a benchmark regex that selects no
     * benchmark (or no regex at all): a mistyped command ({@code runn}) rather than JMH's input.
     */
    static boolean selectsNoBenchmark(String word, BenchmarkList benchmarks) {
        try {
            return benchmarks.find(silent(), List.of(word), List.of()).isEmpty();
        } catch (RuntimeException e) { // not a regex
            return true;
        }
    }

    /** The values of every {@code -p engine=...} (or {@code -pengine=...}) argument. */
    private static List<String> engineParameters(String[] args) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String parameter = null;
            if (args[i].equals("-p") && i + 1 < args.length) {
                parameter = args[i + 1];
            } else if (args[i].startsWith("-p") && args[i].length() > 2) {
                parameter = args[i].substring(2);
            }
            if (parameter != null && parameter.startsWith(ENGINE + "=")) {
                values.add(parameter.substring(ENGINE.length() + 1));
            }
        }
        return values;
    }

    /**
     * {@code args} with {@code -p engine=<every in-process engine>} added when none is given and
     * a selected benchmark's {@code engine} parameter is empty ({@code @Param("")}); else {@code args}.
     * Arguments JMH cannot parse are left for JMH to refuse.
     */
    static String[] withDefaultEngines(String[] args, EngineRegistry registry, BenchmarkList benchmarks) {
        if (!engineParameters(args).isEmpty()) {
            return args;
        }
        boolean needed;
        try {
            CommandLineOptions options = new CommandLineOptions(args);
            List<String> includes = options.getIncludes().isEmpty() ? List.of(".*") : options.getIncludes();
            needed = benchmarks.find(silent(), includes, options.getExcludes()).stream()
                    .anyMatch(JmhPassThrough::leavesTheEngineOpen);
        } catch (CommandLineOptionException | RuntimeException e) {
            return args;
        }
        if (!needed) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-p");
        all.add(ENGINE + "=" + inProcessEngines(registry));
        return all.toArray(String[]::new);
    }

    /** An output for {@link BenchmarkList#find} that prints nothing. */
    private static OutputFormat silent() {
        return OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
    }

    private static boolean leavesTheEngineOpen(BenchmarkListEntry benchmark) {
        if (!benchmark.getParams().hasValue()) {
            return false;
        }
        Map<String, String[]> params = benchmark.getParams().get();
        return params.containsKey(ENGINE) && Arrays.stream(params.get(ENGINE)).allMatch(String::isBlank);
    }

    /**
     * Every registered engine that runs in process and is available in this build (a Go engine
     * built without Go is not), in the registry's order (engines, then baselines).
     */
    static String inProcessEngines(EngineRegistry registry) {
        return registry.providers().stream().filter(p -> !p.capabilities().contains(Capability.REMOTE))
                .filter(p -> p.unavailable().isEmpty())
                .map(EngineProvider::name).collect(Collectors.joining(","));
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
