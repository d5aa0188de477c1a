package dev.k6j.engine.modules.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples k6/http emits and their tags, read back from {@code --out json}. */
class HttpMetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestbedRun testbed;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        testbed = new TestbedRun();
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    private record Point(String metric, double value, Map<String, String> tags) {
    }

    private List<Point> run(String... extra) throws IOException {
        return runScript("metrics.js", extra);
    }

    private List<Point> runScript(String script, String... extra) throws IOException {
        Path out = tmp.resolve("out.json");
        List<String> args = new ArrayList<>(List.of("--out", "json=" + out));
        args.addAll(List.of(extra));
        CliRun run = testbed.run(script, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        List<Point> points = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode node = JSON.readTree(line);
            if (node.get("type").asText().equals("Point")) {
                Map<String, String> tags = new TreeMap<>();
                node.at("/data/tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
                points.add(new Point(node.get("metric").asText(), node.at("/data/value").asDouble(), tags));
            }
        }
        return points;
    }

    private static List<Point> of(List<Point> points, String metric) {
        return points.stream().filter(p -> p.metric().equals(metric)).toList();
    }

    @Test
    void everyRoundTripEmitsK6sHttpMetricsWithK6sTags() throws IOException {
        List<Point> points = run();
        String base = testbed.testbed().httpUrl();
        List<Point> reqs = of(points, "http_reqs");
        // get, url template, 404, redirect (2 round trips), refused, custom name.
        assertThat(reqs).hasSize(7);
        for (String metric : List.of("http_req_duration", "http_req_blocked", "http_req_connecting",
                "http_req_tls_handshaking", "http_req_sending", "http_req_waiting", "http_req_receiving",
                "http_req_failed")) {
            assertThat(of(points, metric)).as(metric).hasSize(7);
        }
        Point plain = reqs.getFirst();
        assertThat(plain.tags()).containsEntry("method", "GET").containsEntry("url", base + "/get")
                .containsEntry("name", base + "/get").containsEntry("status", "200")
                .containsEntry("proto", "HTTP/1.1").containsEntry("expected_response", "true")
                .containsEntry("group", "::api").containsEntry("scenario", "default").containsEntry("kind", "plain")
                .doesNotContainKey("error_code").doesNotContainKey("tls_version");

        Point template = reqs.get(1);
        assertThat(template.tags()).containsEntry("name", "${}/anything/${}")
                .containsEntry("url", base + "/anything/7");

        Point notFound = reqs.get(2);
        assertThat(notFound.tags()).containsEntry("status", "404").containsEntry("error_code", "1404")
                .containsEntry("expected_response", "false");

        assertThat(reqs.get(3).tags()).containsEntry("status", "302").containsEntry("url", base + "/redirect/1");
        assertThat(reqs.get(4).tags()).containsEntry("status", "200").containsEntry("url", base + "/get")
                .containsEntry("kind", "redirect");

        Point refused = reqs.get(5);
        assertThat(refused.tags()).containsEntry("status", "0").containsEntry("error_code", "1212")
                .containsEntry("error", "dial: connection refused").containsEntry("expected_response", "false")
                .doesNotContainKey("proto");

        assertThat(reqs.get(6).tags()).containsEntry("name", "custom-name").containsEntry("group", "");

        List<Point> failed = of(points, "http_req_failed");
        assertThat(failed.stream().mapToDouble(Point::value).sum()).isEqualTo(2);
        assertThat(of(points, "data_sent").stream().mapToDouble(Point::value).sum()).isPositive();
        assertThat(of(points, "data_received").stream().mapToDouble(Point::value).sum()).isPositive();
        for (int i = 0; i < 7; i++) {
            double duration = of(points, "http_req_duration").get(i).value();
            double parts = of(points, "http_req_sending").get(i).value() + of(points, "http_req_waiting").get(i).value()
                    + of(points, "http_req_receiving").get(i).value();
            assertThat(duration).as("duration = sending + waiting + receiving").isCloseTo(parts,
                    org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void theSystemTagsOptionDecidesWhichTagsSamplesCarry() throws IOException {
        List<Point> points = run("--system-tags", "method,status");
        Point plain = of(points, "http_reqs").getFirst();
        assertThat(plain.tags()).containsEntry("method", "GET").containsEntry("status", "200")
                .doesNotContainKeys("url", "name", "proto", "expected_response", "group", "scenario");
        assertThat(of(points, "http_reqs").get(5).tags()).doesNotContainKeys("error", "error_code");
    }

    @Test
    void httpsSamplesCarryTheTlsVersionAndCountTheBytesOfTheTlsRecords() throws IOException {
        List<Point> points = runScript("metrics-https.js");
        List<Point> reqs = of(points, "http_reqs");
        assertThat(reqs).hasSize(2);
        assertThat(reqs.getFirst().tags()).containsEntry("proto", "HTTP/2.0").containsEntry("tls_version", "tls1.3")
                .containsEntry("status", "200");
        List<Point> received = of(points, "data_received");
        List<Point> sent = of(points, "data_sent");
        // The first request carries the handshake: the server's certificate alone is more than a kilobyte.
        assertThat(received.getFirst().value()).isGreaterThan(1000);
        assertThat(sent.getFirst().value()).as("a client hello, the HTTP/2 preface and the request").isGreaterThan(300);
        // The second is one TLS record each way (HPACK indexes what repeats): tens to hundreds of bytes.
        assertThat(sent.get(1).value()).isBetween(30.0, 200.0);
        assertThat(received.get(1).value()).isBetween(100.0, received.getFirst().value());
    }
}
