package dev.k6j.spi;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The common case of an {@link Output}: samples wait in a {@link SampleBuffer} (adding never blocks the engine);
 * every flush interval a {@link PeriodicFlusher} hands them to {@link #deliver}, the one method an output must
 * write; {@link #stop()} delivers what is left, then logs the closing line and, when nothing of what the output was
 * given arrived, an error saying so. Start and stop are guarded: a second call, or a stop without a start, does
 * nothing.
 *
 * <pre>{@code
 * public final class LineCountOutput extends BufferedOutput {
 *     private final PrintStream out;
 *     LineCountOutput(OutputParams params) { super("line-count", Duration.ofSeconds(1), params.logger()); out = params.stdout(); }
 *     public String description() { return "line-count (stdout)"; }
 *     protected String destination() { return "stdout"; }
 *     protected void deliver(List<Sample> batch, boolean last) {
 *         out.println(batch.size() + " samples");
 *         report().delivered(batch.size());
 *     }
 * }
 * }</pre>
 *
 * <p>Threads: {@link #start} and {@link #stop} on the engine's runner thread; {@link #addMetricSamples} on its
 * ingester thread; {@link #deliver} on the flusher's thread, the last time on the stopping thread after the
 * flusher ended, so deliveries never overlap.
 */
public abstract class BufferedOutput implements Output {

    private final String name;
    private final Duration flushInterval;
    private final DeliveryReport report;
    private final SampleBuffer buffer = new SampleBuffer();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean stopping;
    private PeriodicFlusher flusher;

    /** A flush every {@code flushInterval}; the closing lines go to {@code log}, which names the output. */
    protected final System.Logger log;

    protected BufferedOutput(String name, Duration flushInterval, System.Logger log) {
        this(name, flushInterval, log, new DeliveryReport());
    }

    /** With a report of the output's own kind, which it counts into. */
    protected BufferedOutput(String name, Duration flushInterval, System.Logger log, DeliveryReport report) {
        this.name = name;
        this.flushInterval = flushInterval;
        this.log = log;
        this.report = report;
    }

    /** Opens the destination, then starts flushing. A failure stops the test before it starts. */
    @Override
    public final void start() {
        if (stopped.get() || !started.compareAndSet(false, true)) {
            return;
        }
        open();
        flusher = PeriodicFlusher.start(flushInterval, this::flush, "k6j-output-" + name);
    }

    @Override
    public final void addMetricSamples(List<Sample> samples) {
        if (!stopping) {
            buffer.add(samples);
        }
    }

    /** Delivers what is left, closes the destination, and reports. Safe to call twice. */
    @Override
    public final void stop() {
        if (!stopped.compareAndSet(false, true) || flusher == null) {
            return; // never started, or its start failed
        }
        stopping = true;
        flusher.stop(); // ends the schedule, then one last flush on this thread
        close();
        log.log(summaryLevel(), name + ": " + summary());
        if (report.deliveredNothing()) {
            log.log(System.Logger.Level.ERROR, name + " delivered nothing: none of the " + receivedSamples(
                    report.received()) + " reached " + destination() + " (last failure: "
                    + (report.lastFailure() != null ? report.lastFailure() : noFailureReason()) + ")");
        }
    }

    /** What was given, delivered and lost so far. */
    public DeliveryReport report() {
        return report;
    }

    /** Whether the output is stopping: the delivery running now is the last. */
    protected final boolean stopping() {
        return stopping;
    }

    /** Connects to the destination, before the first delivery. Nothing by default. */
    protected void open() {
    }

    /**
     * Delivers one batch (possibly empty) and counts into {@link #report()} what arrived and what failed; samples
     * it does not deliver now are its own to keep for later. {@code last} is true for the delivery in
     * {@link #stop()}. Exceptions are logged and the next flush still runs.
     */
    protected abstract void deliver(List<Sample> batch, boolean last);

    /** Releases the destination after the last delivery (waits for acknowledgements). Nothing by default. */
    protected void close() {
    }

    /** Where the samples go, in the closing error: {@code topic 'k6'}, {@code http://host/api/v1/write}. */
    protected abstract String destination();

    /** The closing line after the output's name: by default how many of the samples given were delivered. */
    protected String summary() {
        String line = "delivered " + DeliveryReport.count(report.delivered()) + " of "
                + DeliveryReport.count(report.received()) + " samples to " + destination();
        return report.failed() == 0 ? line : line + "; " + DeliveryReport.count(report.failed()) + " failed (last: "
                + report.lastFailure() + ")";
    }

    /** INFO when everything arrived, WARNING otherwise. */
    protected System.Logger.Level summaryLevel() {
        return report.delivered() == report.received() ? System.Logger.Level.INFO : System.Logger.Level.WARNING;
    }

    /** How the closing error counts the samples given, e.g. {@code 50 samples}. */
    protected String receivedSamples(long received) {
        return received + " samples";
    }

    /** The closing error's reason when no failure was reported, e.g. {@code the endpoint refused them}. */
    protected String noFailureReason() {
        return "none was acknowledged";
    }

    private void flush() {
        List<Sample> batch = buffer.drain();
        report.received(batch.size());
        deliver(batch, stopping);
    }
}
