package io.storebench.bench.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.storebench.engine.EngineStats;
import io.storebench.engine.Metric;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.HdrHistogram.Histogram;

/**
 * The fork JVM's garbage collection, read as {@link EngineStats} with the metrics a Go engine reports
 * for its runtime ({@link Metric#GC_CYCLES}, {@link Metric#GC_PAUSE_NANOS},
 * {@link Metric#GC_PAUSE_P99_NANOS}, {@link Metric#HEAP_IN_USE_BYTES},
 * {@link Metric#HEAP_ALLOCATED_BYTES}), so that {@link DerivedMetrics} derives both runtimes' GC
 * pressure the same way. Every figure is of the whole JVM process ({@link #SCOPE}): the engine's
 * threads, JMH's and the harness's own.
 *
 * <p>What each collector bean counts ({@link Collector}): the stop-the-world collectors' beans (G1
 * Young and Old Generation, Serial, Parallel) count collections and time their pauses; ZGC's and
 * Shenandoah's "... Cycles" beans count concurrent cycles whose time is mostly not a pause, so their
 * time is left out; their "... Pauses" beans time pauses that are not cycles. JDK 20's
 * "G1 Concurrent GC" bean (absent in Java 17) times the Remark and Cleanup pauses of G1's concurrent
 * cycle (JDK-8297247): pause time, not collections.
 *
 * <p>Use: one meter per fork, {@link #stats()} at every boundary at which the engine's stats are
 * taken, {@link #close()} at the fork's end (it removes the notification listener).
 * {@link #stats()} and {@link #close()} are called from one thread; the listener runs on the JVM's
 * notification thread.
 */
final class JvmGcMeter implements AutoCloseable {
    /** What every figure of this meter covers. */
    static final String SCOPE = "the whole fork JVM, the harness's own threads included";
    /**
     * How long {@link #stats()} waits for the notifications of collections the beans already count:
     * they are sent asynchronously, a little after the collection.
     */
    private static final long NOTIFICATION_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** What a collector bean's count and time mean. */
    enum Collector {
        /** Stop-the-world collections: each is a cycle and a pause. */
        COLLECTIONS(true, true),
        /** Pauses of a concurrent collector: pause time, not cycles. */
        PAUSES(false, true),
        /** Concurrent cycles: cycles, whose time is not pause time. */
        CYCLES(true, false);

        private final boolean cycles;
        private final boolean pauses;

        Collector(boolean cycles, boolean pauses) {
            this.cycles = cycles;
            this.pauses = pauses;
        }

        static Collector of(String beanName) {
            if (beanName.endsWith(" Cycles")) {
                return CYCLES;
            }
            return beanName.endsWith(" Pauses") || beanName.equals("G1 Concurrent GC") ? PAUSES : COLLECTIONS;
        }
    }

    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.ThreadMXBean threads = allocationCounting(ManagementFactory.getThreadMXBean());
    private final String cyclesSource;
    private final String pauseSource;
    /**
     * Pause durations notified since the previous {@link #stats()}, in milliseconds (their resolution:
     * whole milliseconds are exact in the histogram), guarded by {@code this}.
     */
    private final Histogram pauses = new Histogram(TimeUnit.HOURS.toMillis(1), ForkMeasurement.SIGNIFICANT_DIGITS);
    /** Pauses notified since this meter started, guarded by {@code this}. */
    private long notified;
    /**
     * The pause collectors' count that no notification will match: the count when the listener was
     * added, and the pauses whose notification did not come in time. Guarded by {@code this}.
     */
    private long unnotified;
    private Map<Long, Long> allocatedByThread = Map.of();
    private long allocated;

    JvmGcMeter() {
        cyclesSource = "GarbageCollectorMXBean collection counts of " + names(c -> c.cycles);
        List<String> concurrent = collectors.stream().map(GarbageCollectorMXBean::getName)
                .filter(name -> !Collector.of(name).pauses).toList();
        pauseSource = "GarbageCollectorMXBean collection times (millisecond resolution) of " + names(c -> c.pauses)
                + ": stop-the-world pauses" + (concurrent.isEmpty() ? ""
                        : "; not counted: " + String.join(", ", concurrent) + " (concurrent cycles)");
        NotificationFilter filter = n -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                .equals(n.getType());
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, filter, null);
                emitters.add(emitter);
            }
        }
        synchronized (this) {
            unnotified = pauseCount(); // after adding the listener: a pause in between is notified, not awaited
        }
    }

    /**
     * The JVM's collections so far, the heap in use now, and the p99 of the pauses notified since
     * the previous call ({@link Metric#GC_PAUSE_P99_NANOS} absent when there was none).
     */
    EngineStats stats() {
        long cycles = 0;
        long pauseMillis = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            Collector kind = Collector.of(collector.getName());
            cycles += kind.cycles ? Math.max(0, collector.getCollectionCount()) : 0;
            pauseMillis += kind.pauses ? Math.max(0, collector.getCollectionTime()) : 0;
        }
        EngineStats.Builder stats = EngineStats.builder()
                .engine(Metric.GC_CYCLES, cycles, cyclesSource)
                .engine(Metric.GC_PAUSE_NANOS, TimeUnit.MILLISECONDS.toNanos(pauseMillis), pauseSource)
                .engine(Metric.HEAP_IN_USE_BYTES, memory.getHeapMemoryUsage().getUsed(), "MemoryMXBean heap used");
        Long p99 = pauseP99(pauseCount());
        if (p99 != null) {
            stats.engine(Metric.GC_PAUSE_P99_NANOS, p99, "GC notifications' pause durations (millisecond"
                    + " resolution: a pause under 1 ms reads 0) since the previous snapshot");
        }
        if (threads != null) {
            stats.engine(Metric.HEAP_ALLOCATED_BYTES, allocated(), "ThreadMXBean.getThreadAllocatedBytes of the"
                    + " threads alive at the later snapshot, since the earlier one or their start (a thread that"
                    + " ended in between is missed)");
        }
        return stats.build();
    }

    /** Removes the listener; the meter reads nothing more. */
    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // removed already: closing twice is harmless
            }
        }
        emitters.clear();
    }

    /** The pauses' collectors' count now. */
    private long pauseCount() {
        return collectors.stream().filter(c -> Collector.of(c.getName()).pauses)
                .mapToLong(c -> Math.max(0, c.getCollectionCount())).sum();
    }

    private void collected(Notification notification, Object handback) {
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        if (Collector.of(info.getGcName()).pauses) {
            synchronized (this) {
                pauses.recordValue(Math.min(info.getGcInfo().getDuration(), pauses.getHighestTrackableValue()));
                notified++;
                notifyAll();
            }
        }
    }

    /**
     * The p99 of the pauses notified since the previous call, or null; first waits (briefly) for the
     * notifications of the pauses that the beans already count ({@code counted} in all).
     */
    private synchronized Long pauseP99(long counted) {
        long deadline = System.nanoTime() + NOTIFICATION_WAIT_NANOS;
        try {
            for (long left = NOTIFICATION_WAIT_NANOS; notified + unnotified < counted && left > 0;
                    left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unnotified = Math.max(unnotified, counted - notified); // not awaited again
        Long p99 = pauses.getTotalCount() == 0 ? null
                : TimeUnit.MILLISECONDS.toNanos(pauses.lowestEquivalentValue(pauses.getValueAtPercentile(99)));
        pauses.reset();
        return p99;
    }

    /** Bytes allocated so far by the threads seen at consecutive calls; a new thread counts from its start. */
    private long allocated() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> now = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) { // -1: the thread ended meanwhile
                now.put(ids[i], bytes[i]);
                allocated += bytes[i] - allocatedByThread.getOrDefault(ids[i], 0L);
            }
        }
        allocatedByThread = now;
        return allocated;
    }

    private String names(java.util.function.Predicate<Collector> kind) {
        String names = collectors.stream().map(GarbageCollectorMXBean::getName)
                .filter(name -> kind.test(Collector.of(name))).collect(Collectors.joining(", "));
        return names.isEmpty() ? "no collector" : names;
    }

    /** The JVM's thread bean when it counts each thread's allocation, else null. */
    private static com.sun.management.ThreadMXBean allocationCounting(ThreadMXBean bean) {
        return bean instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemorySupported()
                && counting.isThreadAllocatedMemoryEnabled() ? counting : null;
    }
}
