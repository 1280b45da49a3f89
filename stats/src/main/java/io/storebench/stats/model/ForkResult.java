package io.storebench.stats.model;

import java.util.List;
import java.util.Map;

/**
 * Everything one fork (one JVM) measured: the sample unit of every comparison. Written by the
 * fork itself into the run folder ({@code forks/<fork-id>.json}) when it finishes, so an
 * interrupted run keeps the forks it finished.
 *
 * @param engine the engine
 * @param forkId unique in the run folder; also the name of its HdrHistogram log {@code hdr/<fork-id>.hlog}
 * @param threads benchmark threads
 * @param durability the profile the engine ran with
 * @param workloadFingerprint the fingerprint of the workload and thread count
 * @param closedLoop true without {@code --rate}: latency is from each operation's actual start
 * @param rate the open-loop rate in operations per second (0 when closed loop)
 * @param load the load phase
 * @param throughput operations that succeeded per second over the measurement iterations, all
 *     threads (a failed call is timed and counted as an error, not as throughput)
 * @param iterationThroughputs the same per measurement iteration
 * @param operations per operation type
 * @param engineMetrics engine-internal metrics
 * @param lateOperations open loop: operations that started more than one schedule interval late
 * @param maxScheduleLagNanos open loop: the largest start delay behind schedule
 * @param injectedOperations operations delayed by {@code --inject-tail}
 * @param firstError the first engine error's message, or null
 * @param unavailable the windows in which operations failed, in time order, merged over the
 *     measurement iterations, so one that lasts to the fork's end is one open window, its last (empty without errors; read as empty from
 *     runs written before it existed; older runs have one window per iteration)
 * @param versions what the fork ran, name to version: the engine's libraries and what its store
 *     learned once open (a remote engine's server version); empty in runs written before it existed
 * @param boundary for an engine behind a language boundary, whose latencies are timed on the far
 *     side of it, what the boundary cost in this fork; null for the other engines and in runs
 *     written before it existed
 * @param closeError why closing the store failed after the measurement, one line (the
 *     measurement stands: it had ended), or null; null in runs written before it existed
 * @param serverDeaths the servers the fork's store started that died during the fork (a managed etcd
 *     member killed): the fork's figures after it are of a dead server; empty when none did and in
 *     runs written before it existed
 */
public record ForkResult(String engine, String forkId, int threads, String durability, String workloadFingerprint,
        boolean closedLoop, double rate, LoadResult load, double throughput, List<Double> iterationThroughputs,
        List<OperationResult> operations, EngineMetrics engineMetrics, long lateOperations,
        long maxScheduleLagNanos, long injectedOperations, String firstError, List<Unavailability> unavailable,
        Map<String, String> versions, BoundaryCost boundary, String closeError, List<ServerDeathRecord> serverDeaths) {

    public ForkResult {
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        serverDeaths = serverDeaths == null ? List.of() : List.copyOf(serverDeaths);
    }

    /** A fork whose servers, if it started any, all lived. */
    public ForkResult(String engine, String forkId, int threads, String durability, String workloadFingerprint,
            boolean closedLoop, double rate, LoadResult load, double throughput, List<Double> iterationThroughputs,
            List<OperationResult> operations, EngineMetrics engineMetrics, long lateOperations,
            long maxScheduleLagNanos, long injectedOperations, String firstError, List<Unavailability> unavailable,
            Map<String, String> versions, BoundaryCost boundary, String closeError) {
        this(engine, forkId, threads, durability, workloadFingerprint, closedLoop, rate, load, throughput,
                iterationThroughputs, operations, engineMetrics, lateOperations, maxScheduleLagNanos,
                injectedOperations, firstError, unavailable, versions, boundary, closeError, List.of());
    }

    /** A fork whose store closed cleanly. */
    public ForkResult(String engine, String forkId, int threads, String durability, String workloadFingerprint,
            boolean closedLoop, double rate, LoadResult load, double throughput, List<Double> iterationThroughputs,
            List<OperationResult> operations, EngineMetrics engineMetrics, long lateOperations,
            long maxScheduleLagNanos, long injectedOperations, String firstError, List<Unavailability> unavailable,
            Map<String, String> versions, BoundaryCost boundary) {
        this(engine, forkId, threads, durability, workloadFingerprint, closedLoop, rate, load, throughput,
                iterationThroughputs, operations, engineMetrics, lateOperations, maxScheduleLagNanos,
                injectedOperations, firstError, unavailable, versions, boundary, null);
    }

    /** This fork under another id (an {@code ab} side names its forks by their pair). */
    public ForkResult withForkId(String id) {
        return new ForkResult(engine, id, threads, durability, workloadFingerprint, closedLoop, rate, load, throughput,
                iterationThroughputs, operations, engineMetrics, lateOperations, maxScheduleLagNanos,
                injectedOperations, firstError, unavailable, versions, boundary, closeError, serverDeaths);
    }

    /** Failed operations of every type. */
    public long errors() {
        return operations.stream().mapToLong(OperationResult::errors).sum();
    }

    /** The longest window of unavailability in nanoseconds, or 0. */
    public long longestUnavailableNanos() {
        return unavailable.stream().mapToLong(Unavailability::durationNanos).max().orElse(0);
    }

    /** The longest window that closed (an operation succeeded again) in nanoseconds, or 0. */
    public long longestClosedUnavailableNanos() {
        return unavailable.stream().filter(Unavailability::closed).mapToLong(Unavailability::durationNanos).max()
                .orElse(0);
    }

    /**
     * The window still open when the fork ended (no operation succeeded after its failures), or null:
     * its duration is a lower bound.
     */
    public Unavailability openAtEnd() {
        if (unavailable.isEmpty()) {
            return null;
        }
        Unavailability last = unavailable.get(unavailable.size() - 1);
        return last.closed() ? null : last;
    }

    /** All windows of unavailability together, in nanoseconds. */
    public long unavailableNanos() {
        return unavailable.stream().mapToLong(Unavailability::durationNanos).sum();
    }
}
