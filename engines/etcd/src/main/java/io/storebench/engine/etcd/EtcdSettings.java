package io.storebench.engine.etcd;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.server.KeptData;
import io.storebench.engine.server.Passwords;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code etcd} engine's options, typed and checked together once, before anything starts.
 * The option rules ({@link #endpoints}, {@link #metricsUrls}, ...) check single values for
 * {@link io.storebench.engine.EngineOption}; {@link #of} checks how they combine.
 *
 * <p>Holds no secret: the password is read by {@link #password()} when a store opens.
 */
record EtcdSettings(List<String> endpoints, int members, String binary, int connections, boolean serializableReads,
        int maxInFlight, Duration requestTimeout, Duration connectTimeout, Duration startTimeout, int executorThreads,
        String keyPrefix, long compactionRetention, int maxTxnOps, boolean keepData, Optional<List<URI>> metricsUrls,
        Path cacert, Path cert, Path key, String user, Path passwordFile, Durability durability, Path dataDirectory) {

    /** Whether the store starts its own cluster (no endpoints given). */
    boolean managed() {
        return endpoints.isEmpty();
    }

    boolean tls() {
        return cacert != null;
    }

    static EtcdSettings of(EngineConfig config, EngineOptions options) {
        List<String> endpoints = split(options.string(EtcdEngine.ENDPOINTS));
        boolean managed = endpoints.isEmpty();
        List<String> misplaced = (managed ? EtcdEngine.ENDPOINTS_ONLY : EtcdEngine.MANAGED_ONLY).stream()
                .filter(config.options()::containsKey).toList();
        if (!misplaced.isEmpty()) {
            throw new ConfigurationException(managed
                    ? "etcd: option(s) " + String.join(", ", misplaced) + " apply to an existing cluster only; give"
                            + " endpoints too, or leave them out for the managed cluster"
                    : "etcd: option(s) " + String.join(", ", misplaced) + " configure the managed cluster, which is"
                            + " not started when endpoints are given; leave them out");
        }
        Path cacert = path(options.string(EtcdEngine.CACERT));
        Path cert = path(options.string(EtcdEngine.CERT));
        Path key = path(options.string(EtcdEngine.KEY));
        if ((cert == null) != (key == null)) {
            throw new ConfigurationException("etcd: options cert and key go together; got only "
                    + (cert == null ? "key" : "cert"));
        }
        if (cert != null && cacert == null) {
            throw new ConfigurationException("etcd: a client certificate (cert, key) needs TLS: give cacert too");
        }
        String user = options.string(EtcdEngine.USER);
        Path passwordFile = path(options.string(EtcdEngine.PASSWORD_FILE));
        if (passwordFile != null && user.isEmpty()) {
            throw new ConfigurationException("etcd: password-file is given but user is not; give user too");
        }
        String metrics = options.string(EtcdEngine.METRICS_URLS);
        Optional<List<URI>> metricsUrls = metrics.equals("none") ? Optional.of(List.of())
                : metrics.isEmpty() ? Optional.empty()
                : Optional.of(split(metrics).stream().map(URI::create).toList());
        EtcdSettings settings = new EtcdSettings(endpoints, options.intValue(EtcdEngine.MEMBERS),
                options.string(EtcdEngine.BINARY), options.intValue(EtcdEngine.CONNECTIONS),
                options.string(EtcdEngine.READS).equals("serializable"), options.intValue(EtcdEngine.MAX_IN_FLIGHT),
                Duration.ofMillis(options.longValue(EtcdEngine.REQUEST_TIMEOUT_MS)),
                Duration.ofMillis(options.longValue(EtcdEngine.CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(options.longValue(EtcdEngine.START_TIMEOUT_MS)),
                options.intValue(EtcdEngine.EXECUTOR_THREADS), options.string(EtcdEngine.KEY_PREFIX),
                options.longValue(EtcdEngine.COMPACTION_RETENTION), options.intValue(EtcdEngine.MAX_TXN_OPS),
                KeptData.of(options), metricsUrls, cacert, cert, key, user.isEmpty() ? null : user, passwordFile, config.durability(),
                config.dataDirectory());
        if (settings.keepData() && settings.members() != 1) {
            throw new ConfigurationException("etcd: keep-data with members=" + settings.members() + "; allowed:"
                    + " members=1 (a restarted member gets new ports, which the other members would not know)");
        }
        if (settings.user() != null) {
            settings.password(); // fails now if there is none
        }
        return settings;
    }

    /**
     * The password of {@link #user()}: the first line of {@code password-file} if given, else the
     * environment variable {@value EtcdEngine#PASSWORD_VARIABLE}.
     *
     * @throws ConfigurationException if neither gives one; the message names where it looked, never a value
     */
    String password() {
        return Passwords.read(EtcdEngine.NAME, user, passwordFile, EtcdEngine.PASSWORD_VARIABLE);
    }

    // ---------------------------------------------------------------- rules for single option values

    /** {@code host:port} items separated by ',' or ';', normalised to ',' ; empty stays empty. */
    static String endpoints(String value) {
        List<String> items = split(value);
        for (String item : items) {
            String hostPort = item.replaceFirst("^https?://", "");
            int colon = hostPort.lastIndexOf(':');
            if (colon < 1 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("item '" + item + "' is not host:port");
            }
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port of '" + item + "' is not a number");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " of '" + item + "' is out of range 1..65535");
            }
        }
        return String.join(",", items.stream().map(i -> i.replaceFirst("^https?://", "")).toList());
    }

    static String metricsUrls(String value) {
        if (value.isEmpty() || value.equals("none")) {
            return value;
        }
        List<String> items = split(value);
        for (String item : items) {
            URI uri;
            try {
                uri = URI.create(item);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + item + "' is not a URL");
            }
            if (uri.getHost() == null || !(item.startsWith("http://") || item.startsWith("https://"))) {
                throw new IllegalArgumentException("'" + item + "' is not an http(s) URL");
            }
        }
        return String.join(",", items);
    }

    static String nonEmpty(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        return value;
    }

    private static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split("[,;\\s]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    private static Path path(String value) {
        return value.isEmpty() ? null : Path.of(value);
    }
}
