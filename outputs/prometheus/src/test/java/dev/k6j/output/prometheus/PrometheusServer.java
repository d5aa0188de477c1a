package dev.k6j.output.prometheus;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (Debian's {@code prometheus} package, as {@code .ci/run} installs it) for integration tests: started
 * on a free loopback port with the remote-write receiver on, its data in a temporary folder, stopped by
 * {@link #close()}. Without the binary the test is skipped, except in CI ({@code CI=true}) where it fails, so CI
 * never passes by skipping the tests that matter.
 */
final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The prometheus binary: {@code PROMETHEUS_BIN}, else {@code /usr/bin/prometheus}, else one on the PATH. */
    static Optional<Path> binary() {
        String configured = System.getenv("PROMETHEUS_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        if (Files.isExecutable(Path.of("/usr/bin/prometheus"))) {
            return Optional.of(Path.of("/usr/bin/prometheus"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The binary, or the test is skipped (locally) or failed (in CI) with a message saying how to get it. */
    static Path requireBinary() {
        Optional<Path> binary = binary();
        String message = "no prometheus binary (looked at PROMETHEUS_BIN, /usr/bin/prometheus and the PATH):"
                + " install it with 'apt-get install prometheus' (Debian's package, as .ci/run does)";
        if (binary.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("skipped: " + message); // a class skipped in @BeforeAll shows no reason in the summary
            Assumptions.abort(message);
        }
        return binary.get();
    }

    /** Starts Prometheus in {@code dir} with the given extra flags, and waits until it is ready. */
    static PrometheusServer start(Path dir, String... extraFlags) throws IOException, InterruptedException {
        Path binary = requireBinary();
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1h\n  evaluation_interval: 1h\n");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("prometheus.log");
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver",
                "--log.level=warn"));
        command.addAll(List.of(extraFlags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, log, port);
        server.awaitReady();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The remote-write endpoint. */
    String writeUrl() {
        return "http://127.0.0.1:" + port + "/api/v1/write";
    }

    /** Suspends the process (SIGSTOP): connections are accepted by the kernel but nothing answers. */
    void suspend() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Resumes a {@link #suspend suspended} process (SIGCONT). */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        // the shell's kill builtin: there on every machine, unlike a kill binary
        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + name + " " + process.pid()).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /**
     * An instant query ({@code /api/v1/query}): each result series' labels (without {@code __name__}) as text, to its
     * value.
     */
    Map<String, Double> query(String promql) throws IOException, InterruptedException {
        return query(promql, Double.NaN);
    }

    /** An instant query at a time (seconds since the epoch; NaN for now). */
    Map<String, Double> query(String promql, double time) throws IOException, InterruptedException {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + (Double.isNaN(time) ? "" : "&time=" + time));
        Map<String, Double> values = new TreeMap<>();
        for (JsonNode result : body.path("data").path("result")) {
            Map<String, String> labels = new TreeMap<>();
            result.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            labels.remove("__name__");
            values.put(labels.toString(), Double.parseDouble(result.path("value").get(1).asText()));
        }
        return values;
    }

    /**
     * When the newest sample (float or histogram) of the one series a selector matches was taken, in seconds since the
     * epoch: a query at that time sees the series even after a staleness marker ended it.
     */
    double lastSampleTime(String selector) throws IOException, InterruptedException {
        JsonNode result = get("/api/v1/query?query=" + URLEncoder.encode(selector + "[5m]", StandardCharsets.UTF_8))
                .path("data").path("result");
        if (result.size() != 1) {
            fail("expected one series for " + selector + ", got " + result);
        }
        double last = Double.NaN;
        for (String kind : List.of("values", "histograms")) {
            for (JsonNode point : result.get(0).path(kind)) {
                double time = point.get(0).asDouble();
                last = Double.isNaN(last) ? time : Math.max(last, time);
            }
        }
        return last;
    }

    /** The value of a query that must have exactly one result. */
    double single(String promql) throws IOException, InterruptedException {
        return single(promql, Double.NaN);
    }

    /** The value of a query at a time (seconds since the epoch) that must have exactly one result. */
    double single(String promql, double time) throws IOException, InterruptedException {
        Map<String, Double> values = query(promql, time);
        if (values.size() != 1) {
            fail("expected one series for " + promql + ", got " + values + "\n" + logTail());
        }
        return values.values().iterator().next();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            fail("Prometheus answered " + path + " with HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("prometheus exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        fail("prometheus was not ready within " + READY_WITHIN.toSeconds() + " s:\n" + logTail());
    }

    /** The end of Prometheus' log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            resume(); // a stopped process ignores SIGTERM until it runs again
        } catch (IOException | InterruptedException ignored) {
            // it may be gone already
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        http.close();
    }
}
