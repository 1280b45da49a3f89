package io.storebench.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storebench.stats.model.ForkFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkException;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Why a fork failed, from what JMH 1.37's host says of it: the exceptions as its Runner throws
 * them, and its console lines as it prints them (the jar's tests provoke the real ones).
 */
class ForkFailuresTest {
    private static RunnerException hostSaw(Throwable forkSent) {
        return new RunnerException("Benchmark caught the exception", new BenchmarkException(forkSent));
    }

    @Test
    void aKilledForkIsItsSignal() {
        ForkFailure failure = ForkFailures.of(2, hostSaw(new IllegalStateException(
                "Forked VM failed with exit code 137")), 137, List.of("Iteration   1: "));
        assertEquals(new ForkFailure(2, 137, "SIGKILL", null, List.of("Iteration   1: "),
                "killed by SIGKILL (exit code 137)"), failure);
        assertEquals(143, ForkFailures.of(1, hostSaw(new IllegalStateException("Forked VM failed with exit code 143")),
                null, List.of()).exitCode(), "the exit code from JMH's exception when its line was not seen");
        assertEquals("SIGTERM", ForkFailures.of(1, hostSaw(new IllegalStateException(
                "Forked VM failed with exit code 143")), null, List.of()).signal());
    }

    @Test
    void aForkThatExitedAfterPrintingAnErrorItCouldNotSendIsThatError() {
        // As JDK 17 prints an OutOfMemoryError in a JMH worker when even the handler ran out of heap.
        List<String> lines = List.of("storebench: loaded memory in 0.06 s (172,579 ops/s, 0 errors)", "",
                "Exception: java.lang.OutOfMemoryError thrown from the UncaughtExceptionHandler in thread"
                        + " \"io.storebench.bench.run.WorkloadBenchmark.operation-jmh-worker-1\"", "");
        ForkFailure oom = ForkFailures.of(1, hostSaw(new IllegalStateException("Forked VM failed with exit code 1")),
                1, lines);
        assertEquals("java.lang.OutOfMemoryError", oom.exception());
        assertEquals("exit code 1: java.lang.OutOfMemoryError", oom.why());
        assertEquals("java.lang.OutOfMemoryError: Java heap space",
                ForkFailures.printed(List.of("java.lang.OutOfMemoryError: Java heap space", "\tat java.base/x.y(Z.java:1)")));
        assertEquals(null, ForkFailures.printed(List.of("Iteration   1: 1234 ops/s")));
        assertEquals(null, ForkFailures.of(1, hostSaw(new IllegalStateException("Forked VM failed with exit code 137")),
                137, lines).exception(), "a signal is why; what it printed before is not");
    }

    @Test
    void aForkThatThrewIsItsException() {
        // The fork's JMH wraps what the benchmark threw; the host wraps that again.
        ForkFailure oom = ForkFailures.of(1, hostSaw(new BenchmarkException(new OutOfMemoryError("Java heap space"))),
                1, List.of());
        assertEquals(1, oom.exitCode());
        assertEquals(null, oom.signal());
        assertEquals("java.lang.OutOfMemoryError: Java heap space", oom.exception());
        assertEquals("exit code 1: java.lang.OutOfMemoryError: Java heap space", oom.why());

        ForkFailure disk = ForkFailures.of(3, hostSaw(new UncheckedIOException("cannot write the result of fork f",
                new IOException("No space left on device"))), null, List.of());
        assertEquals("java.io.UncheckedIOException: cannot write the result of fork f (caused by java.io.IOException:"
                + " No space left on device)", disk.why(), "no exit code seen: the exception alone");
    }

    @Test
    void theConsoleSaysTheRunsForkAndKeepsTheForksLastLinesButNotJmhsDumpNorStackFrames() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ForkConsole console = new ForkConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        console.beginFork(false, "# Fork: 2 of 3", "# Run progress: 33.33% complete, ETA 00:00:10");
        console.println("# Run progress: 0.00% complete, ETA 00:00:03");
        console.println("# Fork: 1 of 1");
        console.println("# WARNING: JMH lock is ignored by user request, make sure no other JMH instances are running");
        PrintStream forkOut = console.tee(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        forkOut.println("storebench: loaded rocksdb in 0.16 s");
        forkOut.println("java.lang.IllegalStateException: boom");
        forkOut.println("\tat io.storebench.Some.where(Some.java:1)");
        forkOut.println("\t... 12 more");
        console.println("<forked VM failed with exit code 137>");
        console.println("<stdout last='20 lines'>");
        console.println("storebench: loaded rocksdb in 0.16 s");
        console.println("</stdout>");
        console.println("<stderr last='20 lines'>");
        console.println("</stderr>");

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("# Run progress: 33.33% complete, ETA 00:00:10", "# Fork: 2 of 3"), printed.lines().toList());
        assertEquals(137, console.exitCode());
        assertEquals(List.of("storebench: loaded rocksdb in 0.16 s", "java.lang.IllegalStateException: boom"),
                console.lastLines());
        assertFalse(printed.contains("stdout last"), "JMH's dump repeats what was printed as the fork printed it");
        console.beginFork(true, "# Fork: 1 of 3", "");
        assertTrue(console.lastLines().isEmpty(), "each fork's own lines");
        assertEquals(null, console.exitCode());
    }
}
