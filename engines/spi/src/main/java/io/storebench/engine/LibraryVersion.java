package io.storebench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of a library as the library itself states it, for {@link EngineProvider#versions()}:
 * the Maven {@code pom.properties} packaged in its jar (kept inside a shaded jar), else its
 * package's manifest {@code Implementation-Version}, else {@value #UNKNOWN}. Never typed by hand.
 */
public final class LibraryVersion {
    /** What is recorded when a library does not say. */
    public static final String UNKNOWN = "unknown";

    private LibraryVersion() {
    }

    /** The version of the Maven artifact {@code group:artifact}, which holds {@code type}. */
    public static String of(Class<?> type, String group, String artifact) {
        String fromPom = pomVersion(type, group, artifact);
        if (fromPom != null) {
            return fromPom;
        }
        String fromManifest = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return fromManifest == null ? UNKNOWN : fromManifest;
    }

    /**
     * A property of a classpath resource in {@code type}'s package, e.g. one a module's build wrote
     * from the library version Maven resolved (for a library whose jar names no version).
     */
    public static String fromResource(Class<?> type, String resource, String key) {
        return property(type, resource, key);
    }

    private static String pomVersion(Class<?> type, String group, String artifact) {
        return property(type, "/META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version");
    }

    private static String property(Class<?> type, String resource, String key) {
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        } catch (IOException e) {
            return null;
        }
    }
}
