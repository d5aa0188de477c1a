package dev.k6j.engine.output.csv;

import dev.k6j.engine.output.ResultFiles;
import dev.k6j.spi.Output;
import dev.k6j.spi.PeriodicFlusher;
import dev.k6j.spi.Sample;
import dev.k6j.spi.SampleBuffer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code --out csv[=file|key=value,…]}: one row per sample under k6's header (see {@link CsvColumns} and
 * {@link CsvRows}), written every {@code saveInterval}.
 *
 * <p>Threads: {@link #start} and {@link #stop} on the runner's thread; {@link #addMetricSamples} on the ingester
 * thread (it only buffers); rows are written on the flusher's own thread, and the last ones on the thread that
 * calls {@link #stop}, after the flusher has ended.
 */
public final class CsvOutput implements Output {

    private static final System.Logger LOG = System.getLogger(CsvOutput.class.getName());
    private static final int WRITE_CHUNK = 64 * 1024;

    private final CsvConfig config;
    private final CsvColumns columns;
    private final Path workingDirectory;
    private final PrintStream stdout;
    private final ZoneId zone;
    private final SampleBuffer buffer = new SampleBuffer();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Writer writer;
    private PeriodicFlusher flusher;
    private long droppedSamples;

    /**
     * @param zone the zone {@code rfc3339} timestamps are written in (k6 uses the machine's local zone)
     */
    public CsvOutput(CsvConfig config, CsvColumns columns, Path workingDirectory, PrintStream stdout, ZoneId zone) {
        this.config = config;
        this.columns = columns;
        this.workingDirectory = workingDirectory;
        this.stdout = stdout;
        this.zone = zone;
    }

    @Override
    public String description() {
        return config.toStdout() ? "csv (stdout)" : "csv (" + config.fileName() + ")";
    }

    /** Opens the file (an {@link IllegalArgumentException} says which and why if it can't), writes the header. */
    @Override
    public void start() throws IOException {
        writer = ResultFiles.open(config.fileName(), workingDirectory, stdout);
        StringBuilder header = new StringBuilder();
        CsvRows.appendRecord(header, columns.header());
        try {
            writer.append(header);
            writer.flush();
        } catch (IOException e) {
            writer.close();
            throw new IOException("cannot write to '" + config.fileName() + "': " + e.getMessage(), e);
        }
        flusher = PeriodicFlusher.start(config.saveInterval(), this::flush, "k6j-output-csv");
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        if (!stopped.get()) {
            buffer.add(samples);
        }
    }

    /** Writes what is buffered and closes the file. Safe to call twice, or without {@link #start}. */
    @Override
    public void stop() throws IOException {
        if (!stopped.compareAndSet(false, true) || flusher == null) {
            return;
        }
        flusher.stop();
        writer.close();
        if (droppedSamples > 0) {
            LOG.log(System.Logger.Level.WARNING, "csv output dropped " + droppedSamples + " samples it could not write");
        }
    }

    private void flush() {
        List<Sample> samples = buffer.drain();
        if (samples.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(Math.min(samples.size() * 120, 2 * WRITE_CHUNK));
        int pending = 0;
        try {
            for (Sample sample : samples) {
                CsvRows.appendSample(rows, sample, columns, config.timeFormat(), zone);
                pending++;
                if (rows.length() >= WRITE_CHUNK) {
                    writer.append(rows);
                    rows.setLength(0);
                    pending = 0;
                }
            }
            writer.append(rows);
            writer.flush();
        } catch (IOException e) {
            if (droppedSamples == 0) {
                LOG.log(System.Logger.Level.ERROR, "csv output could not write to "
                        + (config.toStdout() ? "stdout" : config.fileName()) + ": " + e.getMessage(), e);
            }
            droppedSamples += pending;
        }
    }
}
