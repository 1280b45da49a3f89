package io.storebench.engine.etcd;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcd.jetcd.Auth;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.auth.Permission;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the etcd tests share: finding the etcd binary, and a JUnit extension that starts a real
 * cluster for a test class (as jetcd's own tests do).
 *
 * <p>Without etcd on the PATH the tests are skipped with an assumption that says how to install
 * it, except under CI ({@code STOREBENCH_CI=1}, set by {@code .ci/run}): there they fail, so a
 * CI run never passes without having run them.
 */
public final class EtcdTesting {
    private EtcdTesting() {
    }

    /** The etcd binary on the PATH; skips the test (fails it under CI) when there is none. */
    public static Path requireEtcd() {
        Optional<Path> binary = findOnPath("etcd");
        if (binary.isEmpty()) {
            String message = "etcd is not on the PATH: install it (Debian: apt-get install etcd-server) to run the"
                    + " etcd tests";
            if ("1".equals(System.getenv("STOREBENCH_CI"))) {
                fail(message + "; STOREBENCH_CI=1, so the etcd tests must run");
            }
            assumeTrue(false, message);
        }
        return binary.get();
    }

    static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Turns authentication on through {@code admin}: a {@code root} user (etcd needs one to enable
     * it, with password {@code "root-" + password}) and a user {@code bench} with {@code password},
     * allowed to read and write the keys under {@code bench/} only.
     */
    public static void enableAuth(Client admin, String password) throws Exception {
        Auth auth = admin.getAuthClient();
        await(auth.userAdd(bytes("root"), bytes("root-" + password)));
        await(auth.roleAdd(bytes("root")));
        await(auth.userGrantRole(bytes("root"), bytes("root")));
        await(auth.userAdd(bytes("bench"), bytes(password)));
        await(auth.roleAdd(bytes("bench-rw")));
        await(auth.roleGrantPermission(bytes("bench-rw"), bytes("bench/"), bytes("bench0"), Permission.Type.READWRITE));
        await(auth.userGrantRole(bytes("bench"), bytes("bench-rw")));
        await(auth.authEnable());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    /** The etcd processes that are children (or deeper descendants) of this JVM. */
    public static List<ProcessHandle> etcdDescendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/etcd") || c.equals("etcd")).orElse(false))
                .toList();
    }

    /**
     * Starts a real etcd cluster before the class's tests and stops it after them:
     * {@code @RegisterExtension static final EtcdTesting.Cluster etcd = new EtcdTesting.Cluster(3);}
     */
    public static final class Cluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
        private final int members;
        private Path directory;
        private ManagedEtcd etcd;

        public Cluster(int members) {
            this.members = members;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            start();
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            close();
        }

        /** Starts the cluster (outside a JUnit extension, e.g. for a contract fixture); skips without etcd. */
        public void start() throws Exception {
            requireEtcd();
            directory = Files.createTempDirectory("storebench-etcd-test-");
            etcd = ManagedEtcd.start(ManagedEtcd.Settings.defaults(directory).withMembers(members)
                    .withUnsafeNoFsync(true));
        }

        /** Stops the cluster and removes its directory. */
        @Override
        public void close() throws IOException {
            if (etcd != null) {
                etcd.close();
            }
            if (directory != null) {
                Files.deleteIfExists(directory);
            }
        }

        public ManagedEtcd etcd() {
            return etcd;
        }

        /** The {@code endpoints} option value that reaches this cluster. */
        public String endpoints() {
            return etcd.endpoints();
        }
    }
}
