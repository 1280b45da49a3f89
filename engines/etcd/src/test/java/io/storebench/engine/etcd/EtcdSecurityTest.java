package io.storebench.engine.etcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.etcd.jetcd.Client;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineRegistry;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.ValueBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The etcd engine against a real etcd with TLS on its client URL (client certificates required,
 * all made by openssl here) and authentication enabled: the right files and password work, a
 * wrong password or no TLS fails clearly, and the password shows in no message or record.
 */
class EtcdSecurityTest {
    private static final String PASSWORD = "s3cret-" + Long.toHexString(System.nanoTime());

    private static Path directory;
    private static Path certs;
    private static ManagedEtcd etcd;

    private final EngineRegistry registry = EngineRegistry.discover();

    @BeforeAll
    static void startEtcdWithTlsAndAuth() throws Exception {
        EtcdTesting.requireEtcd();
        if (EtcdTesting.findOnPath("openssl").isEmpty()) {
            String message = "openssl is not on the PATH: the TLS test makes its certificates with it";
            if ("1".equals(System.getenv("STOREBENCH_CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        directory = Files.createTempDirectory("storebench-etcd-tls-");
        certs = Files.createDirectories(directory.resolve("certs"));
        makeCertificates(certs);
        etcd = ManagedEtcd.start(ManagedEtcd.Settings.defaults(directory).withUnsafeNoFsync(true)
                .withTls(new ManagedEtcd.Tls(certs.resolve("server.pem"), certs.resolve("server-key.pem"),
                        certs.resolve("ca.pem"))));
        try (Client admin = Client.builder().endpoints(etcd.clientUrls().toArray(String[]::new))
                .sslContext(ssl -> ssl.trustManager(certs.resolve("ca.pem").toFile())
                        .keyManager(certs.resolve("client.pem").toFile(), certs.resolve("client-key.pem").toFile()))
                .build()) {
            EtcdTesting.enableAuth(admin, PASSWORD);
        }
    }

    @AfterAll
    static void stopEtcd() throws IOException {
        if (etcd != null) {
            etcd.close();
        }
        if (directory != null) {
            io.storebench.engine.DataDirectory.delete(directory);
        }
    }

    private Map<String, String> options(String passwordFile) {
        Map<String, String> options = new HashMap<>();
        options.put("endpoints", etcd.endpoints());
        options.put("cacert", certs.resolve("ca.pem").toString());
        options.put("cert", certs.resolve("client.pem").toString());
        options.put("key", certs.resolve("client-key.pem").toString());
        options.put("user", "bench");
        options.put("password-file", passwordFile);
        options.put("key-prefix", "bench/");
        options.put("connect-timeout-ms", "3000");
        return options;
    }

    private KeyValueStore open(Map<String, String> options) {
        return registry.open("etcd", EngineConfig.of(directory.resolve("data")).withDurability(Durability.STRICT)
                .withOptions(options));
    }

    @Test
    void tlsWithAClientCertificateAndAPasswordFromAFileWork() throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("password"), PASSWORD + "\n");
        try (KeyValueStore store = open(options(passwordFile.toString()))) {
            store.put(raw("k"), raw("over TLS"));
            ValueBuffer value = new ValueBuffer(4);
            assertTrue(store.get(raw("k"), value));
            assertArrayEquals(raw("over TLS"), value.toByteArray());
            assertFalse(store.stats().toString().contains(PASSWORD));
        }
        Map<String, String> recorded = EngineOptions.resolve("etcd", new EtcdEngine().options(),
                options(passwordFile.toString())).asMap();
        assertFalse(recorded.toString().contains(PASSWORD), "the options a run records hold no password");
    }

    @Test
    void aWrongPasswordFailsAtOpenWithoutShowingEitherPassword() throws Exception {
        Path wrong = Files.writeString(directory.resolve("wrong"), "not-" + PASSWORD);
        long start = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, () -> open(options(wrong.toString())).close());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 6_000);
        String everything = describe(e);
        assertTrue(e.getMessage().startsWith("etcd: cannot use https://127.0.0.1:")
                && e.getMessage().contains("authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(everything.contains(PASSWORD), "a password in the error: " + everything);
        assertEquals(List.of(), leftoverClientThreads());
    }

    @Test
    void plainHttpAgainstTheTlsPortFailsWithinTheConnectTimeout() throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("password2"), PASSWORD);
        Map<String, String> options = options(passwordFile.toString());
        options.remove("cacert");
        options.remove("cert");
        options.remove("key");
        long start = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, () -> open(options).close());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 6_000);
        assertTrue(e.getMessage().contains("connect-timeout-ms=3000"), e.getMessage());
        assertFalse(describe(e).contains(PASSWORD));
    }

    /** Every message of the exception and its causes. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static List<String> leftoverClientThreads() {
        List<String> names = new ArrayList<>();
        Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("storebench-etcd-")).forEach(names::add);
        return names;
    }

    private static void makeCertificates(Path dir) throws Exception {
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=storebench test CA");
        for (String name : List.of("server", "client")) {
            openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out",
                    name + "-key.pem");
            openssl(dir, "req", "-new", "-key", name + "-key.pem", "-out", name + ".csr", "-subj",
                    "/CN=" + (name.equals("server") ? "127.0.0.1" : "root"));
            Files.writeString(dir.resolve(name + ".ext"), name.equals("server")
                    ? "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
                    : "extendedKeyUsage=clientAuth\n");
            openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                    "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        }
    }

    private static void openssl(Path dir, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
