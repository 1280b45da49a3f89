package io.storebench.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds engines by name and opens their stores. The one place where a configuration is checked
 * against an engine: durability profile, engine-specific options, data directory.
 *
 * <pre>{@code
 * EngineRegistry engines = EngineRegistry.discover();
 * try (KeyValueStore store = engines.open("rocksdb", EngineConfig.of(dir))) {
 *     store.put(key, value);
 * }
 * }</pre>
 */
public final class EngineRegistry {
    private final Map<String, EngineProvider> providers;

    public EngineRegistry(List<EngineProvider> providers) {
        Map<String, EngineProvider> byName = new LinkedHashMap<>();
        providers.stream().sorted(Comparator.comparing(EngineProvider::baseline).thenComparing(EngineProvider::name))
                .forEach(provider -> {
                    EngineProvider previous = byName.putIfAbsent(provider.name(), provider);
                    if (previous != null) {
                        throw new IllegalStateException("two engine providers named '" + provider.name() + "': "
                                + previous.getClass().getName() + " and " + provider.getClass().getName());
                    }
                });
        this.providers = byName;
    }

    /** Every provider on the class path, through {@link ServiceLoader}. */
    public static EngineRegistry discover() {
        List<EngineProvider> found = new ArrayList<>();
        ServiceLoader.load(EngineProvider.class, EngineRegistry.class.getClassLoader()).forEach(found::add);
        return new EngineRegistry(found);
    }

    /** Engines first, then baselines, each by name. */
    public List<EngineProvider> providers() {
        return List.copyOf(providers.values());
    }

    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /**
     * The provider called {@code name} (case-insensitive).
     *
     * @throws ConfigurationException naming the unknown engine and listing the known ones
     */
    public EngineProvider provider(String name) {
        EngineProvider provider = providers.get(name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
        if (provider == null) {
            throw new ConfigurationException("unknown engine '" + name + "'; known engines: " + String.join(", ", names()));
        }
        return provider;
    }

    /**
     * Checks {@code config} against the engine and opens a store.
     *
     * @throws ConfigurationException for an unknown engine, a durability profile the engine cannot
     *     honour, an unknown or invalid option, or an unusable data directory
     * @throws StoreException if the engine fails to open
     */
    public KeyValueStore open(String name, EngineConfig config) {
        EngineProvider provider = provider(name);
        checkAvailable(provider);
        checkDurability(provider, config.durability());
        EngineOptions options = EngineOptions.resolve(provider.name(), provider.options(), config.options());
        if (provider.usesDataDirectory()) {
            DataDirectory.prepare(config.dataDirectory());
        }
        return provider.open(config, options);
    }

    /**
     * @throws ConfigurationException if {@code provider} cannot run in this build (for example a
     *     Go engine built without Go), naming the reason and how to make it available
     */
    public static void checkAvailable(EngineProvider provider) {
        provider.unavailable().ifPresent(reason -> {
            throw new ConfigurationException("engine '" + provider.name() + "' is not available in this build: "
                    + reason);
        });
    }

    /** @throws ConfigurationException if {@code provider} cannot honour {@code durability} */
    public static void checkDurability(EngineProvider provider, Durability durability) {
        if (!provider.durabilities().contains(durability)) {
            throw new ConfigurationException("engine '" + provider.name() + "' cannot honour durability '"
                    + durability.label() + "'; it supports: " + provider.durabilities().stream()
                            .map(Durability::label).collect(Collectors.joining(", ")));
        }
    }
}
