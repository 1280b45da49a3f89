package io.storebench.engine.etcd;

import io.storebench.engine.AbstractEngineProvider;
import io.storebench.engine.Capability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.EngineProfile;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.LibraryVersion;
import io.storebench.engine.OptionRules;
import io.storebench.engine.server.KeptData;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * {@code etcd}: etcd, the Raft-replicated key-value server, over gRPC through jetcd.
 *
 * <p>With no {@code endpoints} the store starts its own cluster ({@link ManagedEtcd}): 1 member,
 * or {@code members=3} on loopback, under the data directory, stopped and removed at close.
 * Durability there is {@code strict} = etcd's default (an fsync of the WAL before a write is
 * acknowledged) and {@code buffered} = {@code --unsafe-no-fsync}. With {@code endpoints} it uses
 * that cluster, starts nothing, and durability is whatever the server does: the profile is
 * recorded but cannot be enforced from the client.
 *
 * <p>Client side: {@code connections} jetcd clients (one gRPC channel each; a thread keeps the
 * one it was given first), a fixed executor of {@code executor-threads} for jetcd's callbacks
 * instead of its unbounded default, at most {@code max-in-flight} requests on the wire, and a
 * deadline of {@code request-timeout-ms} on every call (a gRPC deadline and a bounded wait), so
 * nothing waits forever when a server is gone. Batches are one transaction (a Txn of puts and
 * deletes): atomic, and a range read never sees part of one; a batch larger than the server's
 * {@code --max-txn-ops} fails (the managed server allows {@code max-txn-ops}).
 *
 * <p>Security for existing clusters: TLS with {@code cacert} (and {@code cert}/{@code key} for a
 * client certificate), authentication with {@code user} and the password from the environment
 * variable {@value #PASSWORD_VARIABLE} or from {@code password-file}: never an option value, so
 * never in a run's records.
 */
public final class EtcdEngine extends AbstractEngineProvider {
    public static final String NAME = "etcd";
    /** The environment variable holding the password of {@code user}. */
    public static final String PASSWORD_VARIABLE = "STOREBENCH_ETCD_PASSWORD";
    /** A StoreBench limit far inside etcd's request size limit. */
    public static final int MAX_KEY_SIZE = 64 * 1024;

    static final String ENDPOINTS = "endpoints";
    static final String MEMBERS = "members";
    static final String BINARY = "binary";
    static final String CONNECTIONS = "connections";
    static final String READS = "reads";
    static final String MAX_IN_FLIGHT = "max-in-flight";
    static final String REQUEST_TIMEOUT_MS = "request-timeout-ms";
    static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    static final String START_TIMEOUT_MS = "start-timeout-ms";
    static final String EXECUTOR_THREADS = "executor-threads";
    static final String KEY_PREFIX = "key-prefix";
    static final String COMPACTION_RETENTION = "compaction-retention";
    static final String MAX_TXN_OPS = "max-txn-ops";
    static final String METRICS_URLS = "metrics-urls";
    static final String CACERT = "cacert";
    static final String CERT = "cert";
    static final String KEY = "key";
    static final String USER = "user";
    static final String PASSWORD_FILE = "password-file";

    /** Options that configure the managed server and mean nothing with {@code endpoints}. */
    static final List<String> MANAGED_ONLY = List.of(MEMBERS, BINARY, START_TIMEOUT_MS, COMPACTION_RETENTION,
            MAX_TXN_OPS, KeptData.OPTION);
    /** Options that configure access to an existing cluster and mean nothing for the managed one. */
    static final List<String> ENDPOINTS_ONLY = List.of(METRICS_URLS, CACERT, CERT, KEY, USER, PASSWORD_FILE);

    public EtcdEngine() {
        super(NAME, "etcd (Raft KV server) over gRPC via jetcd; starts its own loopback cluster unless given endpoints",
                EnumSet.of(Capability.RETAINS_DATA, Capability.ORDERED_SCAN, Capability.ATOMIC_BATCH,
                        Capability.DURABLE_SYNC, Capability.REMOTE),
                STRICT_AND_BUFFERED, documentedOptions());
    }

    private static List<EngineOption> documentedOptions() {
        List<EngineOption> options = new ArrayList<>();
        options.add(EngineOption.text(ENDPOINTS, "existing cluster to use (nothing is started); empty: start a"
                + " managed cluster", "", "empty, or host:port[,host:port...] (',' or ';' between)", EtcdSettings::endpoints));
        options.add(EngineOption.choice(MEMBERS, "managed cluster size", "1", "1", "3", "5", "7"));
        options.add(EngineOption.text(BINARY, "etcd executable of the managed cluster", "etcd",
                "a command on the PATH or a path", EtcdSettings::nonEmpty));
        options.add(EngineOption.range(CONNECTIONS, "jetcd clients (gRPC channels); threads are spread over them",
                1, 1, 64));
        options.add(EngineOption.choice(READS, "get and scan consistency", "linearizable", "linearizable",
                "serializable"));
        options.add(EngineOption.range(MAX_IN_FLIGHT, "requests on the wire at once, over all threads", 1024, 1,
                65_536));
        options.add(EngineOption.range(REQUEST_TIMEOUT_MS, "deadline of every call", 5_000, 1, 600_000));
        options.add(EngineOption.range(CONNECT_TIMEOUT_MS, "how long open waits for the cluster to answer", 5_000, 1,
                600_000));
        options.add(EngineOption.range(START_TIMEOUT_MS, "how long the managed cluster may take to be healthy",
                30_000, 1_000, 600_000));
        options.add(EngineOption.range(EXECUTOR_THREADS, "threads of jetcd's callback executor", 4, 1, 256));
        options.add(EngineOption.text(KEY_PREFIX, "prepended to every key (UTF-8): several runs share a cluster"
                + " without seeing each other's keys", "", "any text", value -> value));
        options.add(EngineOption.range(COMPACTION_RETENTION, "managed cluster: revisions kept by auto-compaction",
                1_000, 1, 1_000_000_000));
        options.add(EngineOption.range(MAX_TXN_OPS, "managed cluster: --max-txn-ops, the largest batch", 10_000, 128,
                1_000_000));
        options.add(KeptData.option("cluster (members=1)"));
        options.add(EngineOption.text(METRICS_URLS, "existing cluster: members' /metrics URLs for engine stats;"
                + " empty: the endpoints' own (plain HTTP only)", "", "empty, 'none', or http(s) URLs separated by ',' or ';'",
                EtcdSettings::metricsUrls));
        options.add(EngineOption.text(CACERT, "existing cluster: CA certificate (PEM) to verify the servers; turns TLS on",
                "", "empty or a readable file", OptionRules::readableFileOrEmpty));
        options.add(EngineOption.text(CERT, "existing cluster: client certificate (PEM), with key", "",
                "empty or a readable file", OptionRules::readableFileOrEmpty));
        options.add(EngineOption.text(KEY, "existing cluster: client private key (PKCS#8 PEM), with cert", "",
                "empty or a readable file", OptionRules::readableFileOrEmpty));
        options.add(EngineOption.text(USER, "existing cluster: user name; the password comes from $"
                + PASSWORD_VARIABLE + " or password-file", "", "empty or a user name", value -> value));
        options.add(EngineOption.text(PASSWORD_FILE, "existing cluster: file whose first line is the password of user",
                "", "empty or a readable file", OptionRules::readableFileOrEmpty));
        return options;
    }

    @Override
    public int maxKeySize() {
        return MAX_KEY_SIZE;
    }

    @Override
    public EngineProfile profile() {
        return new EngineProfile("Raft-replicated KV (bbolt B+tree, MVCC revisions), server process",
                "Txn: atomic compare-and-swap batches, serializable isolation; linearizable or serializable reads",
                "strict: WAL fsync before the ack (etcd's default); buffered: --unsafe-no-fsync (managed members)",
                "gRPC over loopback or network (jetcd)");
    }

    /**
     * jetcd's version. Its jar names none (no manifest entry, no Maven metadata), so this module's
     * build writes the version Maven resolved into {@code jetcd.properties}; the server's version
     * comes from each store once connected ({@link EtcdStore#versions()}).
     */
    @Override
    public Map<String, String> versions() {
        String jetcd = LibraryVersion.fromResource(EtcdEngine.class, "jetcd.properties", "jetcd");
        return Map.of("jetcd", jetcd == null || jetcd.startsWith("${") ? LibraryVersion.UNKNOWN : jetcd);
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        return EtcdStore.open(EtcdSettings.of(config, options));
    }
}
