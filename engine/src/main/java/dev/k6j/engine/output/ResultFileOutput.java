package dev.k6j.engine.output;

import dev.k6j.spi.Output;
import dev.k6j.spi.PeriodicFlusher;
import dev.k6j.spi.Sample;
import dev.k6j.spi.SampleBuffer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The simple base of outputs that write samples as text to a result file (or stdout): buffering, periodic
 * writing in chunks, counting what could not be written, and closing on stop. A subclass says how a sample
 * becomes text ({@link #appendSample}) and may write a header first ({@link #appendHeader}).
 *
 * <p>Threads: {@link #start} and {@link #stop} on the runner's thread; {@link #addMetricSamples} on the ingester
 * thread (it only buffers); {@link #appendSample} on the flusher's thread, and for the last flush on the thread
 * that calls {@link #stop}, after the flusher has ended — never two at once.
 */
public abstract class ResultFileOutput implements Output {

    private static final int WRITE_CHUNK = 64 * 1024;

    private final String kind;
    private final String fileName;
    private final Duration flushPeriod;
    private final Path workingDirectory;
    private final PrintStream stdout;
    private final SampleBuffer buffer = new SampleBuffer();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final System.Logger log;

    private Writer writer;
    private PeriodicFlusher flusher;
    private long droppedSamples;

    /**
     * @param kind        the output's name, for thread names and messages ({@code "json"})
     * @param fileName    the file to write, or {@code -}/empty for stdout
     * @param flushPeriod how often buffered samples are written
     */
    protected ResultFileOutput(String kind, String fileName, Duration flushPeriod, Path workingDirectory,
                               PrintStream stdout) {
        this.kind = kind;
        this.fileName = fileName;
        this.flushPeriod = flushPeriod;
        this.workingDirectory = workingDirectory;
        this.stdout = stdout;
        this.log = System.getLogger(getClass().getName());
    }

    /** Text written once at the start of the file; none by default. */
    protected void appendHeader(StringBuilder text) {
    }

    /** Appends one sample's text (with its line end). */
    protected abstract void appendSample(StringBuilder text, Sample sample);

    /** Opens the file (an {@link IllegalArgumentException} says which and why if it can't) and starts writing. */
    @Override
    public void start() throws IOException {
        writer = ResultFiles.open(fileName, workingDirectory, stdout);
        StringBuilder header = new StringBuilder();
        appendHeader(header);
        if (!header.isEmpty()) {
            try {
                writer.append(header);
                writer.flush();
            } catch (IOException e) {
                writer.close();
                throw new IOException("cannot write to '" + fileName + "': " + e.getMessage(), e);
            }
        }
        flusher = PeriodicFlusher.start(flushPeriod, this::flush, "k6j-output-" + kind);
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
            log.log(System.Logger.Level.WARNING, kind + " output dropped " + droppedSamples
                    + " samples it could not write");
        }
    }

    private void flush() {
        List<Sample> samples = buffer.drain();
        if (samples.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(Math.min(samples.size() * 160, 2 * WRITE_CHUNK));
        int pending = 0;
        try {
            for (Sample sample : samples) {
                appendSample(text, sample);
                pending++;
                if (text.length() >= WRITE_CHUNK) {
                    writer.append(text);
                    text.setLength(0);
                    pending = 0;
                }
            }
            writer.append(text);
            writer.flush();
        } catch (IOException e) {
            if (droppedSamples == 0) {
                log.log(System.Logger.Level.ERROR, kind + " output could not write to "
                        + (ResultFiles.isStdout(fileName) ? "stdout" : fileName) + ": " + e.getMessage(), e);
            }
            droppedSamples += pending;
        }
    }
}
