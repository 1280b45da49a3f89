package io.storebench.engine.go;

import com.sun.jna.Pointer;
import io.storebench.engine.AbstractEngineProvider;
import io.storebench.engine.Capability;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.LibraryVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Go engines share: one library, opened by engine name with the durability, the cache
 * budget and the engine's options as {@code name=value} lines; the versions of the engine's Go
 * module and of Go, read from the library's build information; and one reason when this build has
 * no library.
 */
abstract class GoEngine extends AbstractEngineProvider {
    private final String module;
    private final int maxKeySize;

    /**
     * @param module the engine's Go module path, whose version {@link #versions()} reports
     *     ({@code github.com/dgraph-io/badger/v4}), or null for go-null
     */
    GoEngine(String name, String description, Set<Capability> capabilities, Set<Durability> durabilities,
            List<EngineOption> options, String module, int maxKeySize) {
        super(name, description, capabilities, durabilities, options);
        this.module = module;
        this.maxKeySize = maxKeySize;
    }

    @Override
    public final Optional<String> unavailable() {
        return GoBuild.unavailable();
    }

    /** {@code go-null}: the same boundary, no engine behind it (empty for go-null itself). */
    @Override
    public final Optional<String> boundaryBaseline() {
        return baseline() ? Optional.empty() : Optional.of(GoNullEngine.NAME);
    }

    @Override
    public final int maxKeySize() {
        return maxKeySize;
    }

    /**
     * The engine's Go module and Go, as the library was built with them (debug.ReadBuildInfo), the
     * leading "v" or "go" dropped as for every other library ({@code "github.com/dgraph-io/badger/v4"
     * -> "4.9.6"}, {@code "go" -> "1.26.8"}). Empty for go-null, a baseline, which runs on no
     * engine library, and when this build has no library ({@link #unavailable()}).
     */
    @Override
    public final Map<String, String> versions() {
        if (module == null || unavailable().isPresent()) {
            return Map.of();
        }
        Map<String, String> all = buildVersions();
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put(module, all.getOrDefault(module, LibraryVersion.UNKNOWN).replaceFirst("^v", ""));
        versions.put("go", all.getOrDefault("go", LibraryVersion.UNKNOWN).replaceFirst("^go", ""));
        return versions;
    }

    static Map<String, String> buildVersions() {
        Pointer text = GoLibrary.sb_versions();
        return GoLibrary.take(text).lines().filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (a, b) -> b, LinkedHashMap::new));
    }

    @Override
    public final KeyValueStore open(EngineConfig config, EngineOptions options) {
        long[] handle = new long[1];
        Path directory = usesDataDirectory() ? config.dataDirectory() : null;
        GoLibrary.check(GoLibrary.sb_open(name(), directory == null ? "" : directory.toString(), config.durability() == Durability.STRICT ? 1 : 0,
                config.cacheBytes(), libraryOptions(options), handle), name(), "open");
        return baseline() ? new GoStore(name(), handle[0], maxKeySize, directory)
                : new GoStore.Timed(name(), handle[0], maxKeySize, directory);
    }

    /** The options as the library reads them: {@code name=value} lines. By default every option as given. */
    String libraryOptions(EngineOptions options) {
        return options.asMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** The profile, whose client path names the crossing this JVM uses ({@link GoCrossing#selected()}). */
    static EngineProfile profile(String dataModel, String transactions, String durability) {
        return new EngineProfile(dataModel, transactions, durability, clientPath());
    }

    static String clientPath() {
        return "in process: " + (GoCrossing.selected() == GoCrossing.JNI ? "JNI shim" : "JNA direct mapping")
                + " into a c-shared Go library (cgo); each engine call timed inside Go";
    }
}
