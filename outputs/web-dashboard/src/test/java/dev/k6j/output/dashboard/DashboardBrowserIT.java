package dev.k6j.output.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.Testbed;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard as a person meets it, in Debian's headless Chromium: the live page during a real test against the
 * testbed, the same page once the test ended, the HTML report opened from disk, and reports made afterwards from
 * the recording and from a {@code --out json} file. Every page loads with no console error, shows the end-of-test
 * summary's numbers, and has charts with points. Screenshots go to target/screenshots.
 */
class DashboardBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("k6j.dashboard.screenshots",
            "target/screenshots"));

    @TempDir
    Path dir;

    @Test
    void theLivePageFollowsTheRunAndEveryReportShowsTheSummarysNumbers() throws Exception {
        Path report = dir.resolve("report.html");
        Path recording = dir.resolve("events.ndjson.gz");
        Path results = dir.resolve("results.json");
        try (Testbed testbed = Testbed.start(); Chromium chromium = Chromium.start()) {
            int port = freePort();
            String page = "http://127.0.0.1:" + port + "/";
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("run",
                    "--out", "web-dashboard=port=" + port + "&period=1s&export=" + report + "&record=" + recording,
                    "--out", "json=" + results, "-e", "BASE=" + testbed.httpUrl(), "-e", "DURATION=10s",
                    "dashboard.js"));
            awaitServing(page, run);

            chromium.open(page);
            chromium.waitFor(Duration.ofSeconds(120), "two periods on the live page",
                    () -> chromium.evaluate("k6jDashboard.state.snapshots.length").asInt() >= 2);
            assertThat(run).as("the run, still going while the page shows its periods").isNotDone();
            assertThat(chromium.evaluateString("document.body.dataset.state")).isEqualTo("running");
            assertThat(pointsIn(chromium, "http-overview")).isGreaterThanOrEqualTo(2);
            chromium.screenshot(SCREENSHOTS.resolve("live-running.png"), 1400);

            CliRun done = run.get(3, TimeUnit.MINUTES);
            // The api scenario's threshold (avg < 0.001 ms) fails on purpose: the page must show one red threshold.
            assertThat(done.exitCode()).as(done.all()).isEqualTo(99);
            assertThat(done.stdout()).contains(" web dashboard: http://127.0.0.1:" + port + "\n")
                    .contains("        output: json (" + results + ")");
            EndOfTestSummary summary = EndOfTestSummary.parse(done.stdout());
            assertThat(summary.iterations()).isPositive();

            chromium.waitFor(Duration.ofSeconds(30), "the live page to show the end",
                    () -> chromium.evaluateString("document.body.dataset.state").equals("ended"));
            assertShowsTheRun(chromium, summary, true);
            chromium.screenshot(SCREENSHOTS.resolve("live-ended.png"), 1400);

            chromium.open(report.toUri().toString());
            assertShowsTheRun(chromium, summary, true);
            double renderMillis = chromium.evaluate("k6jDashboard.renderMillis").asDouble();
            System.out.printf("report %s: %d bytes, rendered in %.0f ms%n", report, Files.size(report), renderMillis);
            chromium.screenshot(SCREENSHOTS.resolve("report.png"), 1400);
            chromium.screenshot(SCREENSHOTS.resolve("report-top.png"), 1280, 1500); // docs/dashboard-report.png

            Path fromRecording = dir.resolve("from-recording.html");
            WebDashboardCommand.writeReport(recording, fromRecording);
            chromium.open(fromRecording.toUri().toString());
            assertShowsTheRun(chromium, summary, true);

            Path fromJson = dir.resolve("from-json.html");
            CliRun fromJsonRun = CliRun.of("web-dashboard", "report", results.toString(), fromJson.toString());
            assertThat(fromJsonRun.exitCode()).as(fromJsonRun.all()).isZero();
            chromium.open(fromJson.toUri().toString());
            assertShowsTheRun(chromium, summary, false);
            chromium.screenshot(SCREENSHOTS.resolve("report-from-json.png"), 1400);

            assertThat(chromium.errors()).as("console errors").isEmpty();
        }
    }

    @Test
    void aOneHourTestsReportOpensFromDiskWithEveryPeriodCharted() throws Exception {
        Path report = dir.resolve("one-hour.html");
        new Report().write(report, OneHourRun.events());
        try (Chromium chromium = Chromium.start()) {
            chromium.open(report.toUri().toString());

            assertThat(pointsIn(chromium, "http-duration")).isEqualTo(360);
            assertThat(pointsIn(chromium, "per-scenario")).isEqualTo(360);
            assertThat(texts(chromium, "#groups tbody tr td:first-child")).hasSize(4);
            assertThat(chromium.errors()).as("console errors").isEmpty();
            // Measured, not asserted (the machine is shared): loading, decoding and drawing the whole report.
            double loadMillis = chromium.evaluate("k6jDashboard.readyAt").asDouble();
            System.out.printf("one-hour report: %d bytes; page ready %.0f ms after navigation, of which %.0f ms"
                    + " decoding and drawing%n", Files.size(report), loadMillis,
                    chromium.evaluate("k6jDashboard.renderMillis").asDouble());
            chromium.screenshot(SCREENSHOTS.resolve("one-hour-report.png"), 1400);
        }
    }

    @Test
    void webSocketGrpcAndTcpGetSectionsAndAnExtensionsMetricsGetCharts() throws Exception {
        Path report = dir.resolve("protocols.html");
        new Report().write(report, ProtocolRun.events());
        try (Chromium chromium = Chromium.start()) {
            chromium.open(report.toUri().toString());

            for (String chart : new String[] {"ws-rates", "ws-durations", "grpc-rates", "grpc-durations",
                    "tcp-rates", "tcp-durations", "custom-kafka_writer_messages", "custom-kafka_writer_latency"}) {
                assertThat(pointsIn(chromium, chart)).as("points in chart " + chart).isEqualTo(10);
            }
            assertThat(tile(chromium, "ws_sessions.count")).isEqualTo("105");
            assertThat(texts(chromium, "#custom-metrics h3"))
                    .containsExactly("kafka_writer_latency", "kafka_writer_messages (rate)");
            assertThat(chromium.errors()).as("console errors").isEmpty();
            chromium.screenshot(SCREENSHOTS.resolve("protocols.png"), 1400);
        }
    }

    /** The tiles, tables and charts of a page against the end-of-test summary. */
    private static void assertShowsTheRun(Chromium chromium, EndOfTestSummary summary, boolean withThresholdOutcome)
            throws Exception {
        assertThat(tile(chromium, "iterations.count")).isEqualTo(String.valueOf(summary.iterations()));
        assertThat(tile(chromium, "http_reqs.count")).isEqualTo(String.valueOf(summary.httpReqs()));
        assertThat(chromium.evaluateString("document.querySelector('[data-k6j=\"checks.passes\"]').dataset.value"))
                .isEqualTo(String.valueOf(summary.checksPassed()));
        assertThat(chromium.evaluateString("document.querySelector('[data-k6j=\"checks.passes\"] .detail').textContent"))
                .isEqualTo(summary.checksPassed() + " ✓ · " + summary.checksFailed() + " ✗");
        for (String chart : new String[] {"http-overview", "vus", "transfer", "http-duration", "iteration-duration",
                "per-scenario", "custom-cart_size", "custom-orders_placed"}) {
            assertThat(pointsIn(chromium, chart)).as("points in chart " + chart).isGreaterThanOrEqualTo(2);
        }
        assertThat(texts(chromium, "#scenarios tbody tr td:first-child")).containsExactly("api", "browse");
        assertThat(texts(chromium, "#groups tbody tr td:first-child")).containsExactly("::catalog", "::home");
        if (withThresholdOutcome) {
            assertThat(chromium.evaluateString("document.querySelector('[data-threshold=\"checks rate>0.99\"]')"
                    + ".className")).isEqualTo("pass");
            assertThat(chromium.evaluateString("document.querySelector("
                    + "'[data-threshold=\"http_req_duration{scenario:api} avg<0.001\"]').className")).isEqualTo("fail");
        }
    }

    private static String tile(Chromium chromium, String key) throws Exception {
        return chromium.evaluateString("document.querySelector('[data-k6j=\"" + key + "\"] .main').textContent");
    }

    private static int pointsIn(Chromium chromium, String chart) throws Exception {
        JsonNode count = chromium.evaluate("(() => { const c = k6jDashboard.charts.get('" + chart + "');"
                + " if (!c) return -1; const d = c.plot.data; let n = 0;"
                + " for (let i = 0; i < d[0].length; i++) { if (d.slice(1).some(s => s[i] !== null)) n++; }"
                + " return n; })()");
        return count.asInt();
    }

    private static java.util.List<String> texts(Chromium chromium, String selector) throws Exception {
        JsonNode texts = chromium.evaluate("Array.from(document.querySelectorAll('" + selector
                + "')).map(e => e.textContent)");
        java.util.List<String> out = new java.util.ArrayList<>();
        texts.forEach(t -> out.add(t.asText()));
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the dashboard answers (the run is starting its VUs), failing early if the run already ended. */
    private static void awaitServing(String page, CompletableFuture<CliRun> run) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240); // VU start-up is slow on a loaded machine
        while (System.nanoTime() < end) {
            if (run.isDone()) {
                throw new AssertionError("the run ended before the dashboard served:\n" + run.get().all());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(page)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dashboard never answered at " + page);
    }
}
