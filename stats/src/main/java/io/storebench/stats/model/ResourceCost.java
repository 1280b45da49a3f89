package io.storebench.stats.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a span of a fork cost its process, per operation that succeeded (issue #16): CPU, bytes through
 * the storage layer, the data device's traffic and busy time, and the peak resident memory. The
 * process is the whole fork JVM, the harness's own threads included (the {@code null} engine's cost
 * is the harness's share); the device's figures count every process using the device. A managed
 * server's CPU is {@link EngineMetrics#serverCpuNanosPerOperation}, beside these. A null figure could
 * not be read on this host.
 *
 * @param cpuNanosPerOperation CPU time, user and system, of the fork's process per operation
 * @param systemCpuNanosPerOperation the kernel's share of it (system calls, page faults, I/O)
 * @param readBytesPerOperation bytes the process caused to be fetched from storage (page-cache hits are not)
 * @param writeBytesPerOperation bytes the process caused to be sent to storage (dirtied pages, written later)
 * @param peakRssBytes the process's largest resident set, from its start (the load included) to the span's end
 * @param deviceReadBytesPerOperation bytes read from the data directory's device per operation
 * @param deviceWriteBytesPerOperation bytes written to that device per operation
 * @param deviceBusyFraction the share of the span's time the device had I/O in flight (1 = always)
 * @param device the data directory's block device ({@code vda, 254:0}), or null where it has none
 * @param scope what the process figures cover
 * @param sources where each figure came from, by field name
 */
public record ResourceCost(Double cpuNanosPerOperation, Double systemCpuNanosPerOperation,
        Double readBytesPerOperation, Double writeBytesPerOperation, Long peakRssBytes,
        Double deviceReadBytesPerOperation, Double deviceWriteBytesPerOperation, Double deviceBusyFraction,
        String device, String scope, Map<String, String> sources) {
    public ResourceCost {
        sources = sources == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }
}
