package io.storebench.engine.etcd;

import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import io.storebench.engine.ProcessIo;
import io.storebench.engine.Reading;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Engine statistics of an etcd cluster, scraped from its members' {@code /metrics} endpoints
 * (Prometheus text) and summed over the members:
 * <ul>
 *   <li>{@link Metric#LOG_BYTES_WRITTEN}: {@code etcd_disk_wal_write_bytes_total}, every member's WAL;</li>
 *   <li>{@link Metric#LOG_SYNC_P99_NANOS}: p99 of {@code etcd_disk_wal_fsync_duration_seconds} over the
 *       window since the previous snapshot (bucket bounds 1, 2, 4, ... ms: interpolated inside a bucket);</li>
 *   <li>{@link Metric#COMMIT_P99_NANOS}: the same for {@code etcd_disk_backend_commit_duration_seconds};</li>
 *   <li>{@link Metric#BYTES_ON_DISK}: the managed cluster's folder (WAL, snapshots, database), or for
 *       an existing cluster {@code etcd_mvcc_db_total_size_in_bytes} (the database file only);</li>
 *   <li>{@link Metric#ENGINE_BYTES_WRITTEN} (managed cluster only, a proxy): the members' write calls
 *       from {@code /proc/PID/io wchar}.</li>
 * </ul>
 * A member that cannot be scraped leaves its metrics out of the sums of that snapshot. Thread-safe.
 */
final class ServerMetrics {
    static final String WAL_FSYNC = "etcd_disk_wal_fsync_duration_seconds";
    static final String BACKEND_COMMIT = "etcd_disk_backend_commit_duration_seconds";
    static final String WAL_BYTES = "etcd_disk_wal_write_bytes_total";
    static final String DB_SIZE = "etcd_mvcc_db_total_size_in_bytes";

    private final List<URI> metricsUrls;
    private final Path managedFolder;
    private final Supplier<List<ProcessHandle>> managedProcesses;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<Long, Long> writesByPid = new HashMap<>();
    private PrometheusText.Histogram lastFsync;
    private PrometheusText.Histogram lastCommit;
    private Map<Metric, Reading> last = new EnumMap<>(Metric.class);

    /**
     * @param metricsUrls the members' {@code /metrics} URLs (none: no server metrics)
     * @param managedFolder the managed cluster's folder, or {@code null} for an existing cluster
     * @param managedProcesses the managed members' processes (for their write counters)
     */
    ServerMetrics(List<URI> metricsUrls, Path managedFolder, Supplier<List<ProcessHandle>> managedProcesses,
            HttpClient http, Duration timeout) {
        this.metricsUrls = List.copyOf(metricsUrls);
        this.managedFolder = managedFolder;
        this.managedProcesses = managedProcesses;
        this.http = http;
        this.timeout = timeout;
    }

    /** Adds a fresh snapshot to {@code stats}; after close ({@code closed}), the last one taken. */
    synchronized void addTo(EngineStats.Builder stats, boolean closed) {
        if (!closed) {
            last = scrape();
        }
        last.forEach(stats::put);
    }

    private Map<Metric, Reading> scrape() {
        Map<Metric, Reading> readings = new EnumMap<>(Metric.class);
        PrometheusText text = new PrometheusText();
        int scraped = 0;
        for (URI url : metricsUrls) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    text.add(response.body());
                    scraped++;
                }
            } catch (IOException unreachable) {
                // a member down: left out of this snapshot
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String members = scraped + " of " + metricsUrls.size() + " members";
        if (scraped > 0) {
            text.sum(WAL_BYTES).ifPresent(bytes -> readings.put(Metric.LOG_BYTES_WRITTEN,
                    Reading.engine(Math.round(bytes), WAL_BYTES + ", summed over " + members)));
            PrometheusText.Histogram fsync = text.histogram(WAL_FSYNC);
            p99(fsync, lastFsync).ifPresent(seconds -> readings.put(Metric.LOG_SYNC_P99_NANOS,
                    Reading.engine(Math.round(seconds * 1e9), WAL_FSYNC + " p99 since the previous snapshot, " + members)));
            lastFsync = fsync;
            PrometheusText.Histogram commit = text.histogram(BACKEND_COMMIT);
            p99(commit, lastCommit).ifPresent(seconds -> readings.put(Metric.COMMIT_P99_NANOS,
                    Reading.engine(Math.round(seconds * 1e9), BACKEND_COMMIT + " p99 since the previous snapshot, "
                            + members)));
            lastCommit = commit;
            if (managedFolder == null) {
                text.sum(DB_SIZE).ifPresent(bytes -> readings.put(Metric.BYTES_ON_DISK,
                        Reading.engine(Math.round(bytes), DB_SIZE + " (database files only), summed over " + members)));
            }
        }
        if (managedFolder != null) {
            readings.putAll(EngineStats.builder().diskUsage(managedFolder).build().readings());
            processWrites().ifPresent(bytes -> readings.put(Metric.ENGINE_BYTES_WRITTEN, Reading.proxy(Math.round(bytes),
                    "/proc/PID/io wchar of the etcd members: bytes passed to write calls")));
        }
        return readings;
    }

    private static OptionalDouble p99(PrometheusText.Histogram now, PrometheusText.Histogram before) {
        return now == null ? OptionalDouble.empty() : now.minus(before).quantile(0.99);
    }

    /** The members' write bytes; a member that died keeps its last count, so the sum never goes back. */
    private OptionalDouble processWrites() {
        for (ProcessHandle process : managedProcesses.get()) {
            // exited or unreadable: the last count stays
            ProcessIo.writeBytes(process.pid()).ifPresent(bytes -> writesByPid.put(process.pid(), bytes));
        }
        return writesByPid.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(writesByPid.values().stream().mapToLong(Long::longValue).sum());
    }
}
