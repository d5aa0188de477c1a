package dev.k6j.output.dashboard;

import dev.k6j.spi.Output;
import dev.k6j.spi.OutputParams;
import dev.k6j.spi.PeriodicFlusher;
import dev.k6j.spi.Sample;
import dev.k6j.spi.SampleBuffer;
import dev.k6j.spi.WithTestSummary;
import dev.k6j.spi.WithThresholdResults;
import dev.k6j.spi.WithThresholds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --out web-dashboard} (or {@code K6_WEB_DASHBOARD=true}): aggregates the samples every period into the
 * dashboard's events, which go to the live page (server-sent events), to the recording ({@code record}) and, at
 * the end, into the HTML report ({@code export}). The page keeps serving the final state until the process ends.
 *
 * <p>Threads: {@link #addMetricSamples} on the metrics ingester (buffers only); aggregation on the output's
 * flusher thread; threshold results from the engine's clock thread (stored, sent with the next flush); start, the
 * summary and stop on the runner's thread.
 */
final class WebDashboardOutput implements Output, WithThresholds, WithThresholdResults, WithTestSummary {

    private final DashboardConfig config;
    private final OutputParams params;
    private final Broadcast events;
    private final EventHistory history = new EventHistory();
    private final Report report = new Report();
    private final EventServer server;
    private final SampleBuffer buffer = new SampleBuffer();
    private final Dashboard dashboard;
    private Map<String, List<String>> thresholds = Map.of();
    private volatile Map<String, Object> summary;
    private PeriodicFlusher flusher;
    private final Object flushLock = new Object();

    WebDashboardOutput(DashboardConfig config, OutputParams params) {
        this.config = config;
        this.params = params;
        this.events = new Broadcast(params.logger());
        this.dashboard = new Dashboard(events, config.precomputedTags());
        this.server = config.serves() ? bind() : null;
    }

    /**
     * Binds the port when the output is made, so the banner shows the real port. As in k6, a busy default port
     * (5665, another test running?) is a warning and the run goes on without a page; a port asked for is an error.
     */
    private EventServer bind() {
        try {
            return EventServer.bind(config.host(), config.port(), report);
        } catch (IOException e) {
            String problem = "cannot serve the web dashboard on " + (config.host().isEmpty() ? "port "
                    : config.host() + ":") + config.port() + ": " + e.getMessage();
            if (config.port() == DashboardConfig.DEFAULT_PORT) {
                params.logger().log(System.Logger.Level.WARNING, problem + "; going on without it (choose a port"
                        + " with K6_WEB_DASHBOARD_PORT, 0 for any free one)");
                return null;
            }
            throw new IllegalArgumentException(problem + "; choose another port with K6_WEB_DASHBOARD_PORT"
                    + " (0 for any free port, -1 for none)");
        }
    }

    @Override
    public String description() {
        return server == null ? "web-dashboard" : "web-dashboard " + config.url(server.port());
    }

    /** The page's address, or empty without a web server. */
    String url() {
        return server == null ? "" : config.url(server.port());
    }

    /** One more place for the events, besides the page, the recording and the report (for tests). */
    void addListener(EventListener listener) {
        events.add(listener);
    }

    @Override
    public void setThresholds(Map<String, List<String>> thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public void setThresholdResults(Map<String, Map<String, Boolean>> results) {
        Map<String, List<String>> failures = WithThresholdResults.failures(results);
        synchronized (flushLock) {
            dashboard.setThresholdFailures(failures);
        }
    }

    @Override
    public void setTestSummary(Map<String, Object> summary) {
        this.summary = summary;
    }

    @Override
    public void start() throws IOException {
        events.add(history);
        if (!config.record().isEmpty()) {
            events.add(Recorder.create(resolve(config.record())));
        }
        if (server != null) {
            events.add(server);
            server.start();
        }
        synchronized (flushLock) {
            dashboard.start(param(), Instant.now());
        }
        flusher = PeriodicFlusher.start(config.period(), this::flush, "k6j-output-web-dashboard");
        if (config.open() && server != null) {
            Browser.open(url(), params.logger());
        }
    }

    @Override
    public void addMetricSamples(List<Sample> samples) {
        buffer.add(samples);
    }

    private void flush() {
        List<Sample> samples = buffer.drain();
        synchronized (flushLock) {
            dashboard.flush(samples, Instant.now());
        }
    }

    @Override
    public void stop() throws IOException {
        flusher.stop();
        synchronized (flushLock) {
            dashboard.stop(summary, Instant.now());
        }
        events.close();
        if (!config.export().isEmpty()) {
            Path file = resolve(config.export());
            report.write(file, history.events());
        }
    }

    /** The {@code param} event: xk6-dashboard's fields, plus the test's options and the script's name. */
    private Map<String, Object> param() {
        Map<String, Object> param = new LinkedHashMap<>();
        if (!thresholds.isEmpty()) {
            param.put("thresholds", thresholds);
        }
        param.put("scenarios", scenarios(params.scriptOptions()));
        param.put("period", config.period().toMillis());
        param.put("tags", config.precomputedTags());
        if (!params.scriptPath().isEmpty()) {
            param.put("scriptPath", params.scriptPath());
        }
        param.put("aggregates", Aggregates.NAMES);
        param.put("options", params.scriptOptions());
        return param;
    }

    private static List<String> scenarios(Map<String, Object> options) {
        if (options.get("scenarios") instanceof Map<?, ?> scenarios && !scenarios.isEmpty()) {
            List<String> names = new ArrayList<>();
            scenarios.keySet().forEach(name -> names.add(String.valueOf(name)));
            return names;
        }
        return List.of("default");
    }

    private Path resolve(String file) {
        return params.workingDirectory().resolve(file);
    }
}
