package io.storebench.engine.contract;

import io.storebench.engine.Durability;
import io.storebench.engine.EngineRegistry;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs each contract case once per engine registered on the test class path
 * ({@link EngineRegistry#discover()}) and per setup of its {@link ContractFixture}; a case that
 * takes a {@link Durability} runs once per {@code strict} and {@code buffered}. Engines without a
 * fixture get no cases here: {@link EngineRegistryContract#everyRegisteredEngineHasAContractFixture}
 * fails for them. A setup is started once per test class, on its first case, and closed with it.
 */
public final class EveryEngine implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EveryEngine.class);
    private static final List<Durability> DURABILITIES = List.of(Durability.STRICT, Durability.BUFFERED);

    /** The fixtures on the class path, by engine name. */
    static Map<String, ContractFixture> fixtures() {
        Map<String, ContractFixture> fixtures = new LinkedHashMap<>();
        ServiceLoader.load(ContractFixture.class, EveryEngine.class.getClassLoader())
                .forEach(fixture -> fixtures.put(fixture.engine(), fixture));
        return fixtures;
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        boolean byDurability = Arrays.asList(method.getParameterTypes()).contains(Durability.class);
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        Map<String, ContractFixture> fixtures = fixtures();
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        for (String engine : EngineRegistry.discover().names()) {
            ContractFixture fixture = fixtures.get(engine);
            if (fixture == null) {
                continue;
            }
            for (ContractFixture.Setup setup : fixture.setups()) {
                EngineCase engineCase = new EngineCase(engine, setup.name(), () -> started(store, engine, setup));
                if (byDurability) {
                    DURABILITIES.forEach(durability -> invocations.add(new Invocation(engineCase, durability)));
                } else {
                    invocations.add(new Invocation(engineCase, null));
                }
            }
        }
        return invocations.stream();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static ContractFixture.Running started(ExtensionContext.Store store, String engine,
            ContractFixture.Setup setup) {
        return store.getOrComputeIfAbsent(engine + "/" + setup.name(), key -> start(setup), Started.class).running;
    }

    private static Started start(ContractFixture.Setup setup) {
        try {
            return new Started(setup.starter().start());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("setup '" + setup.name() + "' did not start: " + e.getMessage(), e);
        }
    }

    /** A running setup, closed by JUnit when the class's store is. */
    private record Started(ContractFixture.Running running) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            running.stop();
        }
    }

    /** One case against one engine setup (and durability, for cases that take one). */
    private record Invocation(EngineCase engineCase, Durability durability)
            implements TestTemplateInvocationContext, ParameterResolver {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + engineCase + "]" + (durability == null ? "" : " " + durability.label());
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == EngineCase.class || (type == Durability.class && durability != null);
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == EngineCase.class ? engineCase : durability;
        }
    }
}
