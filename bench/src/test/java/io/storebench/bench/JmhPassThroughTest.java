package io.storebench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.Capability;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineProvider;
import io.storebench.engine.EngineRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;

class JmhPassThroughTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @Test
    void unknownEngineParameterIsRefusedNamingTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> JmhPassThrough.checkEngines(new String[] {"SingleThread", "-p", "engine=rocksdb,leveldb"}, registry));
        assertTrue(e.getMessage().contains("'leveldb'") && e.getMessage().contains("rocksdb"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> JmhPassThrough.checkEngines(new String[] {"-pengine=nope"}, registry));
    }

    @Test
    void knownEnginesAndOtherParametersPass() {
        JmhPassThrough.checkEngines(new String[] {"-p", "engine=rocksdb,lmdb,null", "-p", "other=x"}, registry);
    }

    @Test
    void aLineJmhCannotParseIsRefusedWithJmhsReason() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> JmhPassThrough.checkOptions(new String[] {"-zz"}));
        assertTrue(e.getMessage().startsWith("JMH's command line: z is not a recognized option (java -jar"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertThrows(ConfigurationException.class, () -> JmhPassThrough.checkOptions(new String[] {"-f", "many"}));
        JmhPassThrough.checkOptions(new String[] {"SingleThreadEngineBenchmark", "-f", "1", "-prof", "gc"});
    }

    @Test
    void aFirstWordThatSelectsNoBenchmarkIsNotJmhsInput() {
        BenchmarkList benchmarks = BenchmarkList.defaultList();
        assertTrue(JmhPassThrough.selectsNoBenchmark("runn", benchmarks));
        assertTrue(JmhPassThrough.selectsNoBenchmark("[", benchmarks), "not a regex");
        assertFalse(JmhPassThrough.selectsNoBenchmark("SingleThread", benchmarks));
        assertFalse(JmhPassThrough.selectsNoBenchmark(".*Zipf.*", benchmarks));
    }

    @Test
    void failOnErrorIsAddedUnlessGiven() {
        assertArrayEquals(new String[] {"-l", "-foe", "true"}, JmhPassThrough.withFailOnError(new String[] {"-l"}));
        assertArrayEquals(new String[] {"-foe", "false"}, JmhPassThrough.withFailOnError(new String[] {"-foe", "false"}));
    }

    @Test
    void everyInProcessEngineIsSuppliedToABenchmarkThatLeavesTheEngineOpen() {
        String[] args = JmhPassThrough.withDefaultEngines(new String[] {"SingleThreadEngineBenchmark", "-f", "1"},
                registry, BenchmarkList.defaultList());
        assertEquals(List.of("SingleThreadEngineBenchmark", "-f", "1", "-p"), Arrays.asList(args).subList(0, 4));
        List<String> supplied = List.of(args[4].substring("engine=".length()).split(","));
        List<String> inProcess = registry.providers().stream().filter(p -> !p.capabilities().contains(Capability.REMOTE))
                .map(EngineProvider::name).toList();
        assertEquals(inProcess, supplied);
        assertTrue(supplied.containsAll(registry.providers().stream().filter(EngineProvider::baseline)
                .map(EngineProvider::name).toList()), "the baselines run too: " + supplied);
        registry.providers().stream().filter(p -> p.capabilities().contains(Capability.REMOTE))
                .forEach(remote -> assertFalse(supplied.contains(remote.name()), remote.name() + " needs a server"));
        JmhPassThrough.checkEngines(args, registry);
    }

    @Test
    void theUsersEnginesAndOtherBenchmarksAreLeftAlone() {
        BenchmarkList benchmarks = BenchmarkList.defaultList();
        String[] given = {"SingleThreadEngineBenchmark", "-p", "engine=null"};
        assertArrayEquals(given, JmhPassThrough.withDefaultEngines(given, registry, benchmarks));
        String[] other = {"WorkloadGeneratorBenchmark"};
        assertArrayEquals(other, JmhPassThrough.withDefaultEngines(other, registry, benchmarks));
        String[] list = {"-l", "RocksDbAdapterOverhead"};
        assertArrayEquals(list, JmhPassThrough.withDefaultEngines(list, registry, benchmarks));
        String[] unparsable = {"-f", "not-a-number"};
        assertArrayEquals(unparsable, JmhPassThrough.withDefaultEngines(unparsable, registry, benchmarks));
    }
}
