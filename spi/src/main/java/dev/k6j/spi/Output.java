package dev.k6j.spi;

import java.util.List;

/**
 * A destination for metric samples, chosen with {@code --out name[=config]}.
 *
 * <p>Lifecycle: {@link #start()} once before the test runs, {@link #addMetricSamples} many times while it runs,
 * {@link #stop()} once at the end (also after Ctrl-C). {@code addMetricSamples} is called by one engine
 * thread and must return quickly: buffer the samples and deliver them on your own thread, as
 * {@link SampleBuffer} and {@link PeriodicFlusher} make easy. {@code stop()} delivers what is left and
 * reports through the logger what could not be delivered.
 *
 * <pre>{@code
 * public final class LineCountOutput implements Output {
 *     private final SampleBuffer buffer = new SampleBuffer();
 *     private final PrintStream out;
 *     private PeriodicFlusher flusher;
 *
 *     LineCountOutput(OutputParams params) { this.out = params.stdout(); }
 *
 *     public String description() { return "line-count (stdout)"; }
 *     public void start() { flusher = PeriodicFlusher.start(Duration.ofSeconds(1), this::flush); }
 *     public void addMetricSamples(List<Sample> samples) { buffer.add(samples); }
 *     public void stop() { flusher.stop(); }                    // runs one last flush
 *     private void flush() { out.println(buffer.drain().size() + " samples"); }
 * }
 * }</pre>
 */
public interface Output {

    /** One line shown in the run banner, e.g. {@code "json (results.json)"}. */
    String description();

    /** Prepares delivery (opens files, checks endpoints). A failure here stops the test before it starts. */
    void start() throws Exception;

    /** Receives a batch of samples. Called from one engine thread; must not block for long. */
    void addMetricSamples(List<Sample> samples);

    /** Delivers what is buffered and releases resources. */
    void stop() throws Exception;
}
