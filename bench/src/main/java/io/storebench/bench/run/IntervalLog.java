package io.storebench.bench.run;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A fork's {@code hdr/<fork-id>.hlog}: one interval histogram per operation type per measurement
 * iteration, tagged with the operation, in HdrHistogram's log format ({@code HistogramLogReader}
 * and {@code HistogramLogProcessor} read it). Written by one thread, between iterations.
 */
final class IntervalLog implements Closeable {
    private final PrintStream stream;
    private final HistogramLogWriter writer;

    /** Creates the log of fork {@code forkId} in {@code runDirectory/hdr/} and writes its header. */
    IntervalLog(Path runDirectory, String forkId, String comment) throws IOException {
        Path hdr = Files.createDirectories(runDirectory.resolve("hdr"));
        this.stream = new PrintStream(new FileOutputStream(hdr.resolve(forkId + ".hlog").toFile()), true, "UTF-8");
        this.writer = new HistogramLogWriter(stream);
        writer.outputComment(comment);
        writer.outputLogFormatVersion();
        long now = System.currentTimeMillis();
        writer.outputStartTime(now);
        writer.setBaseTime(now);
        writer.outputLegend();
    }

    /** Appends one interval: {@code histogram} tagged {@code tag}, from {@code startMillis} to {@code endMillis}. */
    void write(Histogram histogram, String tag, long startMillis, long endMillis) {
        histogram.setTag(tag);
        histogram.setStartTimeStamp(startMillis);
        histogram.setEndTimeStamp(endMillis);
        writer.outputIntervalHistogram(histogram);
    }

    /** Flushes the iteration's intervals to the file. */
    void flush() {
        stream.flush();
    }

    @Override
    public void close() {
        writer.close();
    }
}
