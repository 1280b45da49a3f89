package io.storebench.engine.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad etcd options are refused before anything starts, in one line naming the value and what is allowed. */
class EtcdOptionsTest {
    private final EngineRegistry registry = EngineRegistry.discover();

    @TempDir
    Path temp;

    private String refused(Map<String, String> options) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> registry.open("etcd", EngineConfig.of(temp.resolve("data")).withOptions(options)).close());
        assertFalse(e.getMessage().contains("\n"), () -> "one line: " + e.getMessage());
        assertTrue(EtcdTesting.etcdDescendants().isEmpty(), "nothing started for bad options");
        return e.getMessage();
    }

    @Test
    void membersMustBeAnOddClusterSize() {
        String message = refused(Map.of("members", "2"));
        assertTrue(message.contains("'2'") && message.contains("1|3|5|7"), message);
    }

    @Test
    void rangesNameTheBadValueAndTheRange() {
        String message = refused(Map.of("connections", "0"));
        assertTrue(message.contains("'0'") && message.contains("1..64"), message);
        message = refused(Map.of("request-timeout-ms", "soon"));
        assertTrue(message.contains("'soon'") && message.contains("not an integer"), message);
        message = refused(Map.of("reads", "eventual"));
        assertTrue(message.contains("'eventual'") && message.contains("linearizable|serializable"), message);
    }

    @Test
    void endpointsMustBeHostAndPort() {
        String message = refused(Map.of("endpoints", "127.0.0.1"));
        assertTrue(message.contains("'127.0.0.1'") && message.contains("host:port"), message);
        message = refused(Map.of("endpoints", "127.0.0.1:2379,localhost:70000"));
        assertTrue(message.contains("70000") && message.contains("1..65535"), message);
    }

    @Test
    void endpointsAcceptCommasSemicolonsAndSchemes() {
        EngineOptions options = EngineOptions.resolve("etcd", new EtcdEngine().options(),
                Map.of("endpoints", " http://127.0.0.1:2379; localhost:2380 ,10.0.0.1:1"));
        assertEquals("127.0.0.1:2379,localhost:2380,10.0.0.1:1", options.string("endpoints"));
    }

    @Test
    void managedClusterOptionsWithEndpointsAreRefused() {
        String message = refused(Map.of("endpoints", "127.0.0.1:2379", "members", "3"));
        assertTrue(message.contains("members") && message.contains("managed cluster"), message);
    }

    @Test
    void keepDataIsForOneManagedMember() {
        String message = refused(Map.of("keep-data", "true", "members", "3"));
        assertTrue(message.contains("keep-data with members=3") && message.contains("members=1"), message);
        message = refused(Map.of("endpoints", "127.0.0.1:2379", "keep-data", "true"));
        assertTrue(message.contains("keep-data") && message.contains("managed cluster"), message);
        message = refused(Map.of("keep-data", "yes"));
        assertTrue(message.contains("'yes'") && message.contains("false|true"), message);
    }

    @Test
    void existingClusterOptionsWithoutEndpointsAreRefused() throws Exception {
        Path ca = Files.writeString(temp.resolve("ca.pem"), "not used");
        String message = refused(Map.of("cacert", ca.toString()));
        assertTrue(message.contains("cacert") && message.contains("endpoints"), message);
    }

    @Test
    void tlsAndAuthFilesAreCheckedTogether() throws Exception {
        Path cert = Files.writeString(temp.resolve("cert.pem"), "x");
        String message = refused(Map.of("endpoints", "127.0.0.1:2379", "cert", cert.toString()));
        assertTrue(message.contains("cert and key"), message);
        message = refused(Map.of("endpoints", "127.0.0.1:2379", "cacert", temp.resolve("missing.pem").toString()));
        assertTrue(message.contains("missing.pem") && message.contains("not a readable file"), message);
        message = refused(Map.of("endpoints", "127.0.0.1:2379", "password-file", cert.toString()));
        assertTrue(message.contains("user"), message);
    }

    @Test
    void aUserWithoutAPasswordIsRefusedWithoutShowingOne() throws Exception {
        Path empty = Files.writeString(temp.resolve("password"), "");
        String message = refused(Map.of("endpoints", "127.0.0.1:2379", "user", "bench", "password-file",
                empty.toString()));
        assertTrue(message.contains("is empty"), message);
    }

    @Test
    void aBinaryThatCannotRunIsAConfigurationError() {
        String message = refused(Map.of("binary", temp.resolve("no-such-etcd").toString()));
        assertTrue(message.contains("no-such-etcd") && message.contains("cannot run"), message);
    }

    @Test
    void everyOptionIsDocumentedWithADefaultThatPasses() {
        EngineOptions defaults = EngineOptions.resolve("etcd", new EtcdEngine().options(), Map.of());
        assertEquals("", defaults.string("endpoints"));
        assertEquals("1", defaults.string("members"));
        assertEquals("linearizable", defaults.string("reads"));
    }
}
