package io.storebench.engine.etcd;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.storebench.engine.AbstractKeyValueStore;
import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineStats;
import io.storebench.engine.LibraryVersion;
import io.storebench.engine.ScanVisitor;
import io.storebench.engine.ServerDeath;
import io.storebench.engine.StoreException;
import io.storebench.engine.ValueBuffer;
import io.storebench.engine.WriteBatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** etcd behind the SPI. See {@link EtcdEngine} for the configuration. */
final class EtcdStore extends AbstractKeyValueStore {
    /** A range end of one zero byte: every key at or after the start (within the key prefix). */
    private static final ByteSequence TO_THE_END = ByteSequence.from(new byte[] {0});
    /**
     * grpc-netty logs one INFO line through java.util.logging when its first channel starts
     * ("Epoll available during static init of TcpMetrics"); the harness prints nothing it did
     * not mean to. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final Logger GRPC_TCP_METRICS = quiet("io.grpc.netty.TcpMetrics");
    private static final ByteSequence PROBE_KEY = ByteSequence.from("storebench-probe", StandardCharsets.UTF_8);

    private final EtcdSettings settings;
    private final ManagedEtcd server;
    private final ExecutorService executor;
    private final List<Client> clients;
    private final KV[] kvs;
    private final Semaphore inFlight;
    private final long timeoutNanos;
    private final GetOption getOption;
    private final boolean serializable;
    private final String target;
    private final ServerMetrics metrics;
    private final Map<String, String> versions;
    private final AtomicInteger nextClient = new AtomicInteger();
    private final ThreadLocal<KV> threadKv;

    private EtcdStore(EtcdSettings settings, ManagedEtcd server, ExecutorService executor, List<Client> clients,
            String target, ServerMetrics metrics, Map<String, String> versions) {
        super(EtcdEngine.NAME);
        this.settings = settings;
        this.server = server;
        this.executor = executor;
        this.clients = clients;
        this.kvs = clients.stream().map(Client::getKVClient).toArray(KV[]::new);
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.timeoutNanos = settings.requestTimeout().toNanos();
        this.serializable = settings.serializableReads();
        this.getOption = GetOption.builder().withSerializable(serializable).build();
        this.target = target;
        this.metrics = metrics;
        this.versions = versions;
        this.threadKv = ThreadLocal.withInitial(() -> kvs[Math.floorMod(nextClient.getAndIncrement(), kvs.length)]);
    }

    static EtcdStore open(EtcdSettings settings) {
        ManagedEtcd server = null;
        ExecutorService executor = null;
        List<Client> clients = new ArrayList<>();
        // Until the cluster has answered, a call may wait as long as open does (connect-timeout-ms):
        // a cold client's first call also connects, which a short request deadline may not cover.
        DeadlineInterceptor deadline = new DeadlineInterceptor(Math.max(settings.requestTimeout().toMillis(),
                settings.connectTimeout().toMillis()));
        try {
            List<String> urls;
            List<URI> metricsUrls;
            if (settings.managed()) {
                server = ManagedEtcd.start(ManagedEtcd.Settings.defaults(settings.dataDirectory())
                        .withBinary(settings.binary()).withMembers(settings.members())
                        .withUnsafeNoFsync(settings.durability() == Durability.BUFFERED)
                        .withStartTimeout(settings.startTimeout())
                        .withRetentionAndTxnOps(settings.compactionRetention(), settings.maxTxnOps())
                        .withKeepData(settings.keepData()));
                urls = server.clientUrls();
                metricsUrls = server.metricsUrls();
            } else {
                String scheme = settings.tls() ? "https://" : "http://";
                urls = settings.endpoints().stream().map(e -> scheme + e).toList();
                metricsUrls = settings.metricsUrls().orElseGet(() -> settings.tls() ? List.of()
                        : urls.stream().map(u -> URI.create(u + "/metrics")).toList());
            }
            executor = executor(settings.executorThreads());
            for (int i = 0; i < settings.connections(); i++) {
                clients.add(client(settings, urls, executor, deadline));
            }
            String target = String.join(",", urls);
            probe(clients, settings, target);
            ManagedEtcd managed = server;
            ServerMetrics metrics = new ServerMetrics(metricsUrls,
                    managed == null ? null : settings.dataDirectory().resolve(ManagedEtcd.MEMBERS_FOLDER),
                    managed == null ? List::of : managed::liveProcesses,
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(), Duration.ofSeconds(2));
            Map<String, String> versions = Map.of("etcd-server", serverVersion(clients.get(0), urls, settings));
            deadline.set(settings.requestTimeout().toMillis());
            return new EtcdStore(settings, server, executor, List.copyOf(clients), target, metrics, versions);
        } catch (RuntimeException e) {
            clients.forEach(Client::close);
            if (executor != null) {
                stop(executor);
            }
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    /** Stops the callback threads and waits a little for them, so none outlives the store. */
    private static void stop(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /** jetcd's callbacks run here: a fixed pool of daemon threads, not jetcd's unbounded default. */
    private static ExecutorService executor(int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "storebench-etcd-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static Client client(EtcdSettings settings, List<String> urls, ExecutorService executor,
            DeadlineInterceptor deadline) {
        long deadlineMillis = settings.requestTimeout().toMillis();
        // jetcd retries with a back-off of 500 ms to 2.5 s by default, and refuses a retry duration
        // that is not longer than the first delay: scale the back-off into short deadlines.
        long retryDelay = Math.max(1, Math.min(500, deadlineMillis / 4));
        ClientBuilder builder = Client.builder()
                .endpoints(urls.toArray(String[]::new))
                .executorService(executor)
                .waitForReady(false) // with it, calls wait forever for a server that is gone
                .connectTimeout(settings.connectTimeout())
                .retryChronoUnit(ChronoUnit.MILLIS)
                .retryDelay(retryDelay)
                .retryMaxDelay(Math.max(retryDelay + 1, Math.min(2_500, deadlineMillis / 2)))
                .retryMaxDuration(Duration.ofMillis(Math.max(deadlineMillis, retryDelay + 1)))
                .maxInboundMessageSize(256 << 20)
                .interceptor(deadline);
        if (!settings.keyPrefix().isEmpty()) {
            builder.namespace(ByteSequence.from(settings.keyPrefix(), StandardCharsets.UTF_8));
        }
        if (settings.tls()) {
            try {
                builder.sslContext(ssl -> {
                    ssl.trustManager(settings.cacert().toFile());
                    if (settings.cert() != null) {
                        ssl.keyManager(settings.cert().toFile(), settings.key().toFile());
                    }
                });
            } catch (javax.net.ssl.SSLException | IllegalArgumentException e) {
                throw new ConfigurationException("etcd: cannot use the TLS files cacert=" + settings.cacert() + " cert="
                        + settings.cert() + " key=" + settings.key() + ": " + e.getMessage(), e);
            }
        }
        if (settings.user() != null) {
            builder.user(ByteSequence.from(settings.user(), StandardCharsets.UTF_8))
                    .password(ByteSequence.from(settings.password(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /**
     * The server's version, from the first endpoint that answers jetcd's maintenance status within
     * the connect timeout; {@code unknown} if none does (the probe has shown the cluster serves).
     */
    private static String serverVersion(Client client, List<String> urls, EtcdSettings settings) {
        for (String url : urls) {
            CompletableFuture<StatusResponse> status = client.getMaintenanceClient().statusMember(url);
            try {
                return status.get(settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS).getVersion();
            } catch (TimeoutException | ExecutionException e) {
                status.cancel(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return LibraryVersion.UNKNOWN;
    }

    /** One request through every client, within the connect timeout: an unreachable cluster fails here. */
    private static void probe(List<Client> clients, EtcdSettings settings, String target) {
        GetOption countOnly = GetOption.builder().withCountOnly(true).build();
        for (Client client : clients) {
            CompletableFuture<GetResponse> answer = client.getKVClient().get(PROBE_KEY, countOnly);
            try {
                answer.get(settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                throw unreachable(settings, target, "no answer (is etcd listening there, and is TLS"
                        + (settings.tls() ? " really on?" : " off?") + ")", e);
            } catch (ExecutionException e) {
                throw unreachable(settings, target, message(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("etcd: interrupted while connecting to " + target, e);
            }
        }
    }

    private static RuntimeException unreachable(EtcdSettings settings, String target, String why, Throwable cause) {
        String message = "etcd: cannot use " + target + " (first request, connect-timeout-ms="
                + settings.connectTimeout().toMillis() + "): " + why;
        // Endpoints the user gave that do not answer are bad input; a managed cluster that does not is a failure.
        return settings.managed() ? new StoreException(message, cause) : new ConfigurationException(message, cause);
    }

    // ---------------------------------------------------------------- operations

    @Override
    protected boolean doGet(byte[] key, ValueBuffer into) {
        KV kv = kv();
        ByteSequence k = ByteSequence.from(key);
        GetResponse response = call("get", () -> kv.get(k, getOption));
        List<KeyValue> found = response.getKvs();
        if (found.isEmpty()) {
            return false;
        }
        byte[] value = found.get(0).getValue().getBytes();
        into.set(value, 0, value.length);
        return true;
    }

    @Override
    protected void doPut(byte[] key, byte[] value, int valueLength) {
        KV kv = kv();
        ByteSequence k = ByteSequence.from(key);
        ByteSequence v = value(value, valueLength);
        call("put", () -> kv.put(k, v));
    }

    @Override
    protected void doDelete(byte[] key) {
        KV kv = kv();
        ByteSequence k = ByteSequence.from(key);
        call("delete", () -> kv.delete(k));
    }

    @Override
    protected int doScan(byte[] startKey, int limit, ScanVisitor visitor) {
        GetOption range = GetOption.builder().withRange(TO_THE_END).withLimit(limit).withSerializable(serializable)
                .build();
        KV kv = kv();
        ByteSequence start = ByteSequence.from(startKey);
        GetResponse response = call("scan", () -> kv.get(start, range));
        int visited = 0;
        for (KeyValue entry : response.getKvs()) {
            visitor.visit(ByteBuffer.wrap(entry.getKey().getBytes()), ByteBuffer.wrap(entry.getValue().getBytes()));
            visited++;
        }
        return visited;
    }

    /**
     * One transaction. etcd refuses a transaction that names a key twice, and in-order application
     * leaves each key as its last entry made it, so only each key's last entry is sent.
     */
    @Override
    protected void doWrite(WriteBatch batch) {
        Map<ByteBuffer, Integer> lastEntry = new HashMap<>(batch.size() * 2);
        for (int i = 0; i < batch.size(); i++) {
            lastEntry.put(ByteBuffer.wrap(batch.key(i)), i);
        }
        List<Op> ops = new ArrayList<>(lastEntry.size());
        for (int i = 0; i < batch.size(); i++) {
            if (lastEntry.get(ByteBuffer.wrap(batch.key(i))) != i) {
                continue; // a later entry of the same key decides
            }
            ByteSequence key = ByteSequence.from(batch.key(i));
            ops.add(batch.kind(i) == WriteBatch.Kind.PUT
                    ? Op.put(key, value(batch.value(i), batch.valueLength(i)), PutOption.DEFAULT)
                    : Op.delete(key, DeleteOption.DEFAULT));
        }
        Op[] txn = ops.toArray(Op[]::new);
        KV kv = kv();
        call("write", () -> kv.txn().Then(txn).commit());
    }

    private KV kv() {
        return threadKv.get();
    }

    /** A copy: the caller may change its array as soon as the call returns, even one that timed out. */
    private static ByteSequence value(byte[] value, int valueLength) {
        return ByteSequence.from(ByteString.copyFrom(value, 0, valueLength));
    }

    /**
     * Sends {@code request} once one of the {@code max-in-flight} slots is free and waits for its
     * answer, all within the request deadline. The slot is held until the answer arrives (released
     * by a non-blocking callback), also after this thread gave up waiting.
     */
    private <T> T call(String operation, Supplier<CompletableFuture<T>> request) {
        long start = System.nanoTime();
        try {
            if (!inFlight.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new StoreException("etcd: " + operation + " found all " + settings.maxInFlight()
                        + " in-flight slots (max-in-flight) taken for request-timeout-ms="
                        + settings.requestTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("etcd: " + operation + " interrupted", e);
        }
        CompletableFuture<T> answer;
        try {
            answer = request.get();
        } catch (RuntimeException e) {
            inFlight.release();
            throw new StoreException("etcd: " + operation + " failed: " + message(e), e);
        }
        answer.whenComplete((result, error) -> inFlight.release());
        try {
            return answer.get(timeoutNanos - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new StoreException("etcd: " + operation + " got no answer from " + target + " within request-timeout-ms="
                    + settings.requestTimeout().toMillis(), e);
        } catch (ExecutionException e) {
            throw new StoreException("etcd: " + operation + " failed: " + message(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreException("etcd: " + operation + " interrupted", e);
        }
    }

    /** One line: the error's message and those of its causes that add something (gRPC puts the detail deeper). */
    private static String message(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            int newline = message.indexOf('\n');
            message = newline < 0 ? message : message.substring(0, newline);
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    // ---------------------------------------------------------------- statistics, lifecycle

    /** The managed cluster, or {@code null} when the store uses existing endpoints. For tests. */
    ManagedEtcd server() {
        return server;
    }

    /** The managed members that died while the store was open; empty for an existing cluster. */
    @Override
    public List<ServerDeath> serverDeaths() {
        return server == null ? List.of() : server.deaths();
    }

    /** The server's version ({@code etcd-server}), asked once at open. */
    @Override
    public Map<String, String> versions() {
        return versions;
    }

    @Override
    public int maxKeySize() {
        return EtcdEngine.MAX_KEY_SIZE;
    }

    @Override
    protected void addStats(EngineStats.Builder stats, boolean closed) {
        metrics.addTo(stats, closed);
    }

    @Override
    protected void doClose() {
        try {
            metrics.addTo(EngineStats.builder(), false); // the last readings, kept for stats() after close
        } finally {
            clients.forEach(Client::close);
            stop(executor);
            if (server != null) {
                server.close();
            }
        }
    }

    /** Puts a gRPC deadline on every call, so the server stops working on a request nobody waits for. */
    private static final class DeadlineInterceptor implements ClientInterceptor {
        private volatile long millis;

        DeadlineInterceptor(long millis) {
            this.millis = millis;
        }

        /** The deadline of the calls made from now on. */
        void set(long value) {
            millis = value;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return next.newCall(method, options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS));
        }
    }
}
