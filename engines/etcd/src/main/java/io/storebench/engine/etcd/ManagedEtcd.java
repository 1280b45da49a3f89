package io.storebench.engine.etcd;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.DataDirectory;
import io.storebench.engine.ServerDeath;
import io.storebench.engine.StoreException;
import io.storebench.engine.server.DeathWatch;
import io.storebench.engine.server.LoopbackPorts;
import io.storebench.engine.server.ServerLog;
import io.storebench.engine.server.StopOnce;
import io.storebench.engine.server.Stopping;
import io.storebench.engine.server.Watchdog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real etcd cluster of 1 or more members on free loopback ports, run from the {@code etcd}
 * binary as child processes: what the {@code etcd} engine starts when it is given no endpoints,
 * and what the tests start for a test class.
 *
 * <pre>{@code
 * try (ManagedEtcd etcd = ManagedEtcd.start(ManagedEtcd.Settings.defaults(dir).withMembers(3))) {
 *     Client client = Client.builder().endpoints(etcd.clientUrls().toArray(String[]::new)).build();
 *     ...
 * } // members stopped, their data removed
 * }</pre>
 *
 * <p>Each member listens for clients, peers and metrics on three loopback ports (metrics and
 * {@code /health} plain HTTP even when clients use TLS), keeps its data under
 * {@code directory/etcd-members/mN} and its log in {@code mN.log} beside it, and compacts its
 * MVCC history by revision. {@link #start} returns once every member reports healthy on
 * {@code /health}; if that fails, everything it started is stopped and removed before it throws.
 *
 * <p>Nothing outlives the cluster: {@link #close()} stops the members (SIGTERM, then SIGKILL after
 * 10 s) and removes their data; a JVM shutdown hook does the same on Ctrl-C; and a watchdog
 * shell process kills the members and removes the data when the JVM is gone without running its
 * hooks ({@code Runtime.halt}, SIGKILL). With {@link Settings#keepData()} the data stays in all
 * three cases, and a member whose data directory exists starts on it (etcd itself ignores the
 * initial-cluster flags then), for crash checks. Thread-safe: {@code close} and {@link #kill} may be
 * called from any thread.
 */
public final class ManagedEtcd implements AutoCloseable {
    /** The folder under the given directory that holds every member's data and log. */
    public static final String MEMBERS_FOLDER = "etcd-members";

    private static final Duration HEALTH_POLL = Duration.ofMillis(50);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** TLS for the client URLs: the server's certificate and key, and the CA that signs client certificates. */
    public record Tls(Path certFile, Path keyFile, Path trustedCaFile) {
        public Tls {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(trustedCaFile, "trustedCaFile");
        }
    }

    /**
     * How to start the cluster.
     *
     * @param binary the etcd executable: a name looked up on the PATH, or a path
     * @param members how many members: 1, 3, 5 or 7
     * @param directory where the {@value #MEMBERS_FOLDER} folder is made (removed at close)
     * @param unsafeNoFsync {@code --unsafe-no-fsync}: the {@code buffered} durability profile
     * @param startTimeout how long to wait for every member to be healthy
     * @param compactionRetention revisions kept by {@code --auto-compaction-mode=revision}
     * @param maxTxnOps {@code --max-txn-ops}: the largest batch
     * @param maxRequestBytes {@code --max-request-bytes}: the largest request (key and value, batch)
     * @param quotaBackendBytes {@code --quota-backend-bytes}
     * @param tls TLS for the client URLs (with client certificate authentication), or {@code null}
     * @param keepData keep the member's data when it stops (close, the JVM's end) and start on the
     *     data already there; one member only (a restarted member gets new ports, which a cluster's
     *     other members would not know)
     */
    public record Settings(String binary, int members, Path directory, boolean unsafeNoFsync, Duration startTimeout,
            long compactionRetention, int maxTxnOps, long maxRequestBytes, long quotaBackendBytes, Tls tls,
            boolean keepData) {
        public Settings {
            Objects.requireNonNull(binary, "binary");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(startTimeout, "startTimeout");
            if (members != 1 && members != 3 && members != 5 && members != 7) {
                throw new ConfigurationException("etcd: " + members + " members; allowed: 1, 3, 5, 7");
            }
            if (keepData && members != 1) {
                throw new ConfigurationException("etcd: keep-data with " + members + " members; allowed: members=1"
                        + " (a restarted member gets new ports, which the other members would not know)");
            }
        }

        /** One member, fsync on, 30 s to start, 1000 revisions kept, batches of up to 10000 operations. */
        public static Settings defaults(Path directory) {
            return new Settings("etcd", 1, directory, false, Duration.ofSeconds(30), 1000, 10_000, 16L << 20,
                    8L << 30, null, false);
        }

        public Settings withMembers(int value) {
            return new Settings(binary, value, directory, unsafeNoFsync, startTimeout, compactionRetention, maxTxnOps,
                    maxRequestBytes, quotaBackendBytes, tls, keepData);
        }

        public Settings withBinary(String value) {
            return new Settings(value, members, directory, unsafeNoFsync, startTimeout, compactionRetention, maxTxnOps,
                    maxRequestBytes, quotaBackendBytes, tls, keepData);
        }

        public Settings withUnsafeNoFsync(boolean value) {
            return new Settings(binary, members, directory, value, startTimeout, compactionRetention, maxTxnOps,
                    maxRequestBytes, quotaBackendBytes, tls, keepData);
        }

        public Settings withStartTimeout(Duration value) {
            return new Settings(binary, members, directory, unsafeNoFsync, value, compactionRetention, maxTxnOps,
                    maxRequestBytes, quotaBackendBytes, tls, keepData);
        }

        public Settings withRetentionAndTxnOps(long retention, int txnOps) {
            return new Settings(binary, members, directory, unsafeNoFsync, startTimeout, retention, txnOps,
                    maxRequestBytes, quotaBackendBytes, tls, keepData);
        }

        public Settings withTls(Tls value) {
            return new Settings(binary, members, directory, unsafeNoFsync, startTimeout, compactionRetention, maxTxnOps,
                    maxRequestBytes, quotaBackendBytes, value, keepData);
        }

        public Settings withKeepData(boolean value) {
            return new Settings(binary, members, directory, unsafeNoFsync, startTimeout, compactionRetention, maxTxnOps,
                    maxRequestBytes, quotaBackendBytes, tls, value);
        }
    }

    /** One running member: its name, URLs, process and files. */
    public record Member(String name, URI clientUrl, URI peerUrl, URI metricsUrl, Process process, Path dataDirectory,
            Path log) {
    }

    private final Settings settings;
    private final Path root;
    private final List<Member> members;
    private final StopOnce stopping;
    private final DeathWatch deaths = new DeathWatch();
    private volatile Watchdog watchdog;

    private ManagedEtcd(Settings settings, Path root, List<Member> members) {
        this.settings = settings;
        this.root = root;
        this.members = members;
        this.stopping = new StopOnce("storebench-etcd-shutdown", this::stopAndRemove);
    }

    /**
     * Starts the cluster and waits until every member is healthy.
     *
     * @throws ConfigurationException if the binary cannot be run
     * @throws StoreException if a member exits or the cluster is not healthy within the start timeout;
     *     the message quotes the member's last log line
     */
    public static ManagedEtcd start(Settings settings) {
        Path root = settings.directory().resolve(MEMBERS_FOLDER).toAbsolutePath();
        StoreException lastFailure = null;
        for (int attempt = 1; attempt <= 3; attempt++) { // a port taken between choosing and binding: retry
            if (!settings.keepData()) {
                DataDirectory.delete(root); // a crashed run's members: their data is ours and stale
            }
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new ConfigurationException("etcd: cannot create " + root + ": " + e.getMessage(), e);
            }
            ManagedEtcd etcd = new ManagedEtcd(settings, root, plan(settings, root));
            try {
                etcd.launch();
                return etcd;
            } catch (RuntimeException e) {
                etcd.close();
                if (e instanceof PortTakenException taken && attempt < 3) {
                    lastFailure = taken;
                    continue;
                }
                throw e;
            }
        }
        throw lastFailure;
    }

    /** The client URLs, e.g. {@code http://127.0.0.1:41234}. */
    public List<String> clientUrls() {
        return members.stream().map(m -> m.clientUrl().toString()).toList();
    }

    /** The client endpoints as {@code host:port}, the form the {@code endpoints} option takes. */
    public String endpoints() {
        return members.stream().map(m -> m.clientUrl().getHost() + ":" + m.clientUrl().getPort())
                .collect(Collectors.joining(","));
    }

    /** Each member's {@code /metrics} URL. */
    public List<URI> metricsUrls() {
        return members.stream().map(m -> m.metricsUrl().resolve("/metrics")).toList();
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    public Settings settings() {
        return settings;
    }

    /** The member processes that are still alive. */
    public List<ProcessHandle> liveProcesses() {
        return members.stream().map(Member::process).filter(Process::isAlive).map(Process::toHandle).toList();
    }

    /**
     * The index of the member that is leader now, from each live member's {@code etcd_server_is_leader}
     * gauge; -1 if none says so (an election in progress).
     */
    public int leaderIndex() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (!member.process().isAlive()) {
                continue;
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(member.metricsUrl().resolve("/metrics"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                PrometheusText metrics = new PrometheusText();
                metrics.add(response.body());
                if (metrics.sum("etcd_server_is_leader").orElse(0) == 1) {
                    return i;
                }
            } catch (IOException unreachable) {
                // not answering: not the leader we can use
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    /**
     * The members that ended after the cluster was healthy and before {@link #close()} stopped it
     * (killed, crashed), with how, when and their log's last line; in the order they ended.
     */
    public List<ServerDeath> deaths() {
        return deaths.deaths();
    }

    /** Kills member {@code index} at once (SIGKILL), for failure tests; its data stays until close. */
    public void kill(int index) {
        Process process = members.get(index).process();
        process.destroyForcibly();
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every member, removes their data and log; idempotent. */
    @Override
    public void close() {
        stopping.close();
    }

    // ---------------------------------------------------------------- start

    private static List<Member> plan(Settings settings, Path root) {
        int[] ports = LoopbackPorts.free("etcd", 3 * settings.members());
        String scheme = settings.tls() == null ? "http" : "https";
        List<Member> planned = new ArrayList<>();
        for (int i = 0; i < settings.members(); i++) {
            planned.add(new Member("m" + i, URI.create(scheme + "://127.0.0.1:" + ports[3 * i]),
                    URI.create("http://127.0.0.1:" + ports[3 * i + 1]), URI.create("http://127.0.0.1:" + ports[3 * i + 2]),
                    null, root.resolve("m" + i), root.resolve("m" + i + ".log")));
        }
        return planned;
    }

    private void launch() {
        String initialCluster = members.stream().map(m -> m.name() + "=" + m.peerUrl())
                .collect(Collectors.joining(","));
        String token = "storebench-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        stopping.register();
        for (int i = 0; i < members.size(); i++) {
            Member planned = members.get(i);
            ProcessBuilder builder = new ProcessBuilder(command(planned, initialCluster, token))
                    .redirectErrorStream(true).redirectOutput(planned.log().toFile());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new ConfigurationException("etcd: cannot run '" + settings.binary() + "' (" + e.getMessage()
                        + "); install etcd (Debian: apt-get install etcd-server) or give etcd.binary=PATH", e);
            }
            members.set(i, new Member(planned.name(), planned.clientUrl(), planned.peerUrl(), planned.metricsUrl(),
                    process, planned.dataDirectory(), planned.log()));
        }
        watchdog = Watchdog.start("etcd", members.stream().map(m -> m.process().pid()).toList(), root,
                !settings.keepData());
        awaitHealthy();
        members.forEach(m -> deaths.watch("managed member " + m.name(), m.process(), m.log()));
    }

    private List<String> command(Member member, String initialCluster, String token) {
        List<String> command = new ArrayList<>(List.of(settings.binary(),
                "--name", member.name(),
                "--data-dir", member.dataDirectory().toString(),
                "--listen-client-urls", member.clientUrl().toString(),
                "--advertise-client-urls", member.clientUrl().toString(),
                "--listen-peer-urls", member.peerUrl().toString(),
                "--initial-advertise-peer-urls", member.peerUrl().toString(),
                "--listen-metrics-urls", member.metricsUrl().toString(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-token", token,
                "--initial-cluster-state", "new",
                "--auto-compaction-mode", "revision",
                "--auto-compaction-retention", Long.toString(settings.compactionRetention()),
                "--max-txn-ops", Integer.toString(settings.maxTxnOps()),
                "--max-request-bytes", Long.toString(settings.maxRequestBytes()),
                "--quota-backend-bytes", Long.toString(settings.quotaBackendBytes()),
                "--logger", "zap", "--log-outputs", "stderr", "--log-level", "warn"));
        if (settings.unsafeNoFsync()) {
            command.add("--unsafe-no-fsync");
        }
        if (settings.tls() != null) {
            command.addAll(List.of("--cert-file", settings.tls().certFile().toString(),
                    "--key-file", settings.tls().keyFile().toString(),
                    "--client-cert-auth", "--trusted-ca-file", settings.tls().trustedCaFile().toString()));
        }
        return command;
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        for (Member member : members) {
            HttpRequest health = HttpRequest.newBuilder(member.metricsUrl().resolve("/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (true) {
                if (!member.process().isAlive()) {
                    String last = ServerLog.lastLine(member.log());
                    String message = "etcd: member " + member.name() + " exited with code " + member.process().exitValue()
                            + " while starting; its log " + member.log() + " ends: " + last;
                    throw last.contains("address already in use") ? new PortTakenException(message)
                            : new StoreException(message);
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"health\":\"true\"")) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("etcd: interrupted while waiting for member " + member.name(), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new StoreException("etcd: member " + member.name() + " not healthy after "
                            + settings.startTimeout().toMillis() + " ms; its log " + member.log() + " ends: "
                            + ServerLog.lastLine(member.log()));
                }
                sleep(HEALTH_POLL);
            }
        }
    }

    // ---------------------------------------------------------------- stop

    private void stopAndRemove() {
        deaths.stopping();
        for (Member member : members) {
            if (member.process() != null) {
                member.process().destroy(); // SIGTERM: etcd shuts down cleanly
            }
        }
        for (Member member : members) {
            if (member.process() != null) {
                Stopping.awaitExit(member.process(), STOP_GRACE);
            }
        }
        Watchdog dog = watchdog;
        if (dog != null) {
            dog.stop();
        }
        if (!settings.keepData()) {
            Stopping.removeFolder(root);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("etcd: interrupted", e);
        }
    }

    /** A member could not bind a port chosen as free: another process took it in between. */
    private static final class PortTakenException extends StoreException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
