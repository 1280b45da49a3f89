package io.storebench.bench.run;

import io.storebench.engine.ConfigurationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One benchmark at a time on a machine: a run holds JMH's own lock ({@code jmh.lock} in
 * {@code java.io.tmpdir}, the lock every JMH run takes) from before its folder is written until it
 * ends, so that a second run, or any other JMH run, is refused at its start rather than failing
 * at its first fork, and no other JMH run starts between two of its forks. Two runs at once
 * disturb each other's timings; {@code java -Djmh.ignoreLock=true -jar benchmarks.jar run ...}
 * runs anyway (JMH's own switch), taking no lock.
 */
final class RunLock implements AutoCloseable {
    static final String IGNORE = "jmh.ignoreLock";
    /** Whether the user gave {@code -Djmh.ignoreLock=true} (read before a run sets it for its JMH runs). */
    private static final boolean IGNORED_BY_USER = Boolean.getBoolean(IGNORE);

    private final FileChannel channel;

    private RunLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the lock, and tells this JVM's JMH runs (one per fork) not to take it again.
     *
     * @throws ConfigurationException when another run holds it, with one line saying so
     */
    static RunLock acquire() {
        if (IGNORED_BY_USER) {
            return new RunLock(null);
        }
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            file.toFile().setWritable(true, false); // as JMH: another user's run must be able to lock it too
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw held(file);
            }
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw held(file);
        } catch (ConfigurationException e) {
            close(channel);
            throw e;
        } catch (IOException e) {
            close(channel);
            throw new ConfigurationException("cannot take JMH's lock " + file + ": " + e.getMessage()
                    + " (java -D" + IGNORE + "=true -jar ... runs without it)");
        }
        // Read once, when JMH's Runner class is first used: this run's forks are JMH runs under this lock.
        System.setProperty(IGNORE, "true");
        return new RunLock(channel);
    }

    private static ConfigurationException held(Path file) {
        return new ConfigurationException("another benchmark is running on this machine (it holds JMH's lock " + file
                + "); two at once disturb each other's timings: wait for it to end, or give java -D" + IGNORE
                + "=true -jar ... to run anyway");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was locked
            }
        }
    }

    /** Releases the lock (closing the channel releases it). */
    @Override
    public void close() {
        close(channel);
    }
}
