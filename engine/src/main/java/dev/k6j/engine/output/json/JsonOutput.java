package dev.k6j.engine.output.json;

import dev.k6j.engine.output.ResultFiles;
import dev.k6j.spi.Output;
import dev.k6j.spi.PeriodicFlusher;
import dev.k6j.spi.Sample;
import dev.k6j.spi.SampleBuffer;
import dev.k6j.spi.WithThresholds;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code --out json[=file]}: every sample as one JSON line, each metric declared by a {@code Metric} line before
 * its first {@code Point} (see {@link JsonLines}), written every 200 ms as k6 does.
 *
 * <p>Threads: {@link #setThresholds}, {@link #start} and {@link #stop} on the runner's thread;
 * {@link #addMetricSamples} on the ingester thread (it only buffers); the writing happens on the flusher's own
 * thread, and the last flush on the thread that calls {@link #stop}, after the flusher has ended.
 */
public final class JsonOutput implements Output, WithThresholds {

    private static final System.Logger LOG = System.getLogger(JsonOutput.class.getName());
    private static final int WRITE_CHUNK = 64 * 1024;

    private final JsonConfig config;
    private final Path workingDirectory;
    private final PrintStream stdout;
    private final ZoneId zone;
    private final SampleBuffer buffer = new SampleBuffer();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private volatile Map<String, List<String>> thresholds = Map.of();
    private volatile Map<String, List<Submetric>> submetrics = Map.of();

    /** Metric names already declared; touched only by whichever thread is flushing. */
    private final Set<String> declared = new HashSet<>();
    private Writer writer;
    private PeriodicFlusher flusher;
    private long droppedSamples;

    /**
     * @param zone the zone sample times are written in (k6 uses the machine's local zone)
     */
    public JsonOutput(JsonConfig config, Path workingDirectory, PrintStream stdout, ZoneId zone) {
        this.config = config;
        this.workingDirectory = workingDirectory;
        this.stdout = stdout;
        this.zone = zone;
    }

    @Override
    public String description() {
        return config.toStdout() ? "json(stdout)" : "json (" + config.fileName() + ")"; // k6's exact wording
    }

    @Override
    public void setThresholds(Map<String, List<String>> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
        this.submetrics = Submetric.fromThresholds(thresholds.keySet());
    }

    /** Opens the file (an {@link IllegalArgumentException} says which and why if it can't) and starts flushing. */
    @Override
    public void start() {
        writer = ResultFiles.open(config.fileName(), workingDirectory, stdout);
        flusher = PeriodicFlusher.start(config.flushPeriod(), this::flush, "k6j-output-json");
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
            LOG.log(System.Logger.Level.WARNING, "json output dropped " + droppedSamples + " samples it could not write");
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
                declareOnce(text, sample);
                JsonLines.appendPoint(text, sample, zone);
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
                LOG.log(System.Logger.Level.ERROR, "json output could not write to "
                        + (config.toStdout() ? "stdout" : config.fileName()) + ": " + e.getMessage(), e);
            }
            droppedSamples += pending;
        }
    }

    private void declareOnce(StringBuilder text, Sample sample) {
        String name = sample.metric().name();
        if (declared.add(name)) {
            JsonLines.appendMetric(text, sample.metric(), thresholds.getOrDefault(name, List.of()),
                    submetrics.getOrDefault(name, List.of()));
        }
    }
}
