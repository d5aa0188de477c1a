package dev.k6j.output.prometheus;

import dev.k6j.output.prometheus.prompb.Types;
import dev.k6j.spi.BufferedOutput;
import dev.k6j.spi.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --out experimental-prometheus-rw}: every push interval, the series changed since the last push, with their
 * cumulative values (see {@link PrometheusMapping}), to a Prometheus remote-write endpoint.
 *
 * <p>Delivery ({@link BufferedOutput}): samples wait in a buffer (adding never blocks the engine); every push
 * interval the flusher folds them into the {@link SeriesTable} and pushes what changed, in requests of at most
 * {@value #MAX_SERIES_PER_REQUEST} series. A push that fails (no connection, time-out, 5xx, 429) is retried with
 * back-off within the push interval ({@link Retries}); what still fails is pushed again next time or replaced by
 * newer values, so a later push makes up for it. A refused push (other 4xx) is not retried. On {@link #stop()},
 * one last push (retried for up to the push interval, between 5 and 30 s), the staleness markers if asked for, and
 * one line saying what was pushed and what was dropped, and why.
 *
 * <p>Threads: {@link #start} and {@link #stop} on the engine's runner thread; {@link #addMetricSamples} on its
 * ingester thread; pushes on the flusher's thread, the last one on the stopping thread after the flusher ended.
 */
public final class PrometheusOutput extends BufferedOutput {

    /** The most series in one request. */
    static final int MAX_SERIES_PER_REQUEST = 5_000;
    private static final Duration MIN_FINAL_BUDGET = Duration.ofSeconds(5);
    private static final Duration MAX_FINAL_BUDGET = Duration.ofSeconds(30);

    private final PrometheusConfig config;
    private final SeriesTable table;
    private final PushReport report;
    private final Retries retries;

    private RemoteWriteClient client;
    private boolean failing;
    private boolean warnedSlow;
    private int refusalsLogged;

    public PrometheusOutput(PrometheusConfig config, System.Logger log) {
        this(config, log, new PushReport());
    }

    private PrometheusOutput(PrometheusConfig config, System.Logger log, PushReport report) {
        super(PrometheusOutputFactory.NAME, config.pushInterval(), log, report);
        this.config = config;
        this.report = report;
        this.table = new SeriesTable(new PrometheusMapping(config.trendStats(), config.trendAsNativeHistogram()));
        this.retries = Retries.standard(config.requestTimeout());
    }

    @Override
    public String description() {
        return PrometheusOutputFactory.NAME + " (" + config.url() + ")";
    }

    /** Sets up the HTTP client (a client certificate that cannot be read stops the run here). */
    @Override
    protected void open() {
        client = new RemoteWriteClient(config);
        RemoteWriteClient.encode(List.of()); // loads protobuf and snappy's native code now, not in the first push
    }

    /** After the last push: marks the series stale if asked, closes the client, and counts what was lost. */
    @Override
    protected void close() {
        String lostReason = failing ? report.lastFailure() : "";
        if (config.staleMarkers()) {
            pushStaleMarkers();
        }
        client.close();
        report.finish(table.superseded(), table.unsent(), lostReason);
    }

    @Override
    protected String destination() {
        return config.url().toString();
    }

    @Override
    protected String summary() {
        return report.summary(config.url().toString(), table.seriesCount());
    }

    @Override
    protected System.Logger.Level summaryLevel() {
        return report.dropped() > 0 ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
    }

    /** Remote-write counts its own samples (one value of one series); the engine's are k6j samples. */
    @Override
    protected String receivedSamples(long received) {
        return received + " k6j samples";
    }

    @Override
    protected String noFailureReason() {
        return "the endpoint refused them";
    }

    /** What was delivered and dropped so far; for tests. */
    @Override
    public PushReport report() {
        return report;
    }

    @Override
    protected void deliver(List<Sample> samples, boolean last) {
        long began = System.nanoTime();
        long deadline = began + (last ? finalBudget() : config.pushInterval()).toNanos();
        table.add(samples);
        List<SeriesTable.Point> points = table.takePending();
        boolean wasFailing = failing;
        boolean allAccepted = points.isEmpty() || push(points, deadline);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        // a slow endpoint, not a failing or recovering one (reported as such): the interval may be too short for it
        if (!last && allAccepted && !wasFailing && !warnedSlow && took.compareTo(config.pushInterval()) > 0) {
            warnedSlow = true;
            log.log(System.Logger.Level.WARNING, "a push to " + config.url() + " took " + took.toMillis()
                    + " ms, longer than the push interval of " + config.pushInterval().toMillis() + " ms: consider a"
                    + " longer K6_PROMETHEUS_RW_PUSH_INTERVAL");
        }
    }

    private Duration finalBudget() {
        Duration budget = config.pushInterval();
        return budget.compareTo(MIN_FINAL_BUDGET) < 0 ? MIN_FINAL_BUDGET
                : budget.compareTo(MAX_FINAL_BUDGET) > 0 ? MAX_FINAL_BUDGET : budget;
    }

    /** Pushes the points in requests of bounded size; true when the endpoint took every one. */
    private boolean push(List<SeriesTable.Point> points, long deadline) {
        boolean giveUp = false;
        boolean allAccepted = true;
        for (int from = 0; from < points.size(); ) {
            List<SeriesTable.Point> chunk = new ArrayList<>();
            List<Types.TimeSeries> series = new ArrayList<>();
            while (from < points.size()
                    && (chunk.isEmpty() || series.size() + points.get(from).series().size() <= MAX_SERIES_PER_REQUEST)) {
                chunk.add(points.get(from));
                series.addAll(points.get(from).series());
                from++;
            }
            if (giveUp) {
                table.undelivered(chunk); // the endpoint just failed: keep the rest for the next push
                continue;
            }
            PushResult result = pushWithRetries(RemoteWriteClient.encode(series), deadline);
            switch (result) {
                case PushResult.Accepted accepted -> {
                    table.delivered(chunk);
                    report.pushed(series.size());
                    if (failing) {
                        failing = false;
                        log.log(System.Logger.Level.INFO, "pushes to " + config.url() + " work again");
                    }
                }
                case PushResult.Failed failed -> {
                    allAccepted = false;
                    table.undelivered(chunk);
                    report.failed(failed.reason());
                    giveUp = true;
                    if (!failing) {
                        failing = true;
                        log.log(System.Logger.Level.WARNING, "could not push " + series.size() + " samples to "
                                + config.url() + ": " + failed.reason() + "; they go again with the next push");
                    }
                }
                case PushResult.Refused refusal -> {
                    allAccepted = false;
                    table.refused(chunk);
                    report.refused(series.size(), refusal);
                    if (refusalsLogged++ < 3) {
                        log.log(System.Logger.Level.WARNING, config.url() + " refused " + series.size()
                                + " samples with HTTP " + refusal.status() + ": " + refusal.message()
                                + (refusalsLogged == 3 ? " (further refusals are only counted)" : ""));
                    }
                }
            }
        }
        return allAccepted;
    }

    private PushResult pushWithRetries(byte[] body, long deadline) {
        try {
            return retries.run(timeout -> client.push(body, timeout), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PushResult.Failed("interrupted");
        }
    }

    private void pushStaleMarkers() {
        List<Types.TimeSeries> markers = table.staleMarkers(System.currentTimeMillis() + 1);
        if (markers.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + MIN_FINAL_BUDGET.toNanos();
        for (int from = 0; from < markers.size(); from += MAX_SERIES_PER_REQUEST) {
            List<Types.TimeSeries> chunk = markers.subList(from, Math.min(markers.size(), from + MAX_SERIES_PER_REQUEST));
            PushResult result = pushWithRetries(RemoteWriteClient.encode(chunk), deadline);
            if (!(result instanceof PushResult.Accepted)) {
                log.log(System.Logger.Level.WARNING, "could not mark " + markers.size() + " series stale at "
                        + config.url() + ": " + (result instanceof PushResult.Failed failed ? failed.reason()
                        : "HTTP " + ((PushResult.Refused) result).status() + " " + ((PushResult.Refused) result).message()));
                return;
            }
        }
    }
}
