package dev.k6j.modules.websockets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.TestCertificates;
import dev.k6j.testbed.ws.WebSocketServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code k6/websockets} and {@code k6/ws} end to end: the CLI runs the scripts of {@code src/test/resources/scripts}
 * against the testbed's WebSocket server; each script checks its events with {@code check} and fails its
 * {@code checks} threshold (exit 99) if one is wrong.
 */
class WebSocketsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebSocketServer server;
    private static WebSocketServer secure;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        server = WebSocketServer.start("127.0.0.1", 0, null);
        secure = WebSocketServer.startSecure("127.0.0.1", 0, TestCertificates.generate());
    }

    @AfterAll
    static void stopServers() {
        server.close();
        secure.close();
    }

    static CliRun run(String script, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-q", "-e", "WS_URL=" + server.url(), "-e",
                "WSS_URL=" + secure.url()));
        args.addAll(List.of(more));
        args.add(script);
        return CliRun.of(args.toArray(String[]::new));
    }

    static void assertPassed(CliRun run) {
        assertThat(run.stdout()).as(run.all()).doesNotContainPattern("(?m)^\\s+✗ ");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).as(run.all()).doesNotContain("unexpected error");
    }

    @Test
    void echoesTextWithOpenMessageAndCloseEvents() {
        assertPassed(run("echo.js"));
    }

    @Test
    void sendsAndReceivesBinaryAsArrayBufferViewsAndBlobs() {
        assertPassed(run("binary.js"));
    }

    @Test
    void pingsAreTimedAndServerPingsAreAnswered() {
        assertPassed(run("ping.js"));
    }

    @Test
    void failuresBecomeErrorAndCloseEventsWithK6Messages() {
        assertPassed(run("errors.js"));
    }

    @Test
    void headersSubprotocolsCookiesTagsAndCompressionReachTheServer() {
        assertPassed(run("params.js"));
    }

    @Test
    void timersInterleaveWithSocketEventsOfManySocketsPerVu() {
        assertPassed(run("timers.js"));
    }

    @Test
    void wssUsesTheTestsTlsOptions() {
        assertPassed(run("wss.js", "-e", "SKIP_VERIFY=true"));
        CliRun untrusted = run("wss.js", "-e", "SKIP_VERIFY=false");
        assertPassed(untrusted);
        assertThat(untrusted.stdout()).contains("an untrusted certificate fails the handshake");
    }

    @Test
    void socketsOfIterationsCutShortAreDroppedAndTheRunEnds() {
        CliRun run = run("interrupted.js");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).as(run.all()).contains("ws_sessions").contains("ws_session_duration");
    }

    @Test
    void legacyWsConnectBlocksUntilTheSocketCloses() {
        assertPassed(run("legacy.js"));
    }

    @Test
    void everyMetricIsEmittedWithK6sTags() throws IOException {
        Path out = dir.resolve("samples.json");
        assertPassed(run("metrics.js", "--out", "json=" + out));
        List<JsonNode> points = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode node = JSON.readTree(line);
            if (node.path("type").asText().equals("Point")) {
                points.add(node);
            }
        }
        String url = server.url() + "/echo";
        for (String metric : List.of("ws_connecting", "ws_sessions", "ws_session_duration", "ws_msgs_sent",
                "ws_msgs_received", "ws_ping", "data_sent", "data_received")) {
            List<JsonNode> samples = points.stream().filter(p -> p.path("metric").asText().equals(metric)
                    && p.path("data").path("tags").path("url").asText().equals(url)).toList();
            assertThat(samples).as(metric).isNotEmpty();
            JsonNode tags = samples.get(0).path("data").path("tags");
            assertThat(tags.path("name").asText()).as(metric).isEqualTo(url);
            if (!metric.equals("ws_connecting") && !metric.equals("ws_sessions")) {
                assertThat(tags.path("status").asText()).as(metric).isEqualTo("101");
                assertThat(tags.path("subproto").asText()).as(metric).isEqualTo("chat");
            }
            assertThat(samples.stream().mapToDouble(s -> s.path("data").path("value").asDouble()).sum())
                    .as(metric).isPositive();
        }
        assertThat(count(points, "ws_msgs_sent")).isEqualTo(3);
        assertThat(count(points, "ws_msgs_received")).isEqualTo(3);
    }

    private static double count(List<JsonNode> points, String metric) {
        return points.stream().filter(p -> p.path("metric").asText().equals(metric))
                .mapToDouble(p -> p.path("data").path("value").asDouble()).sum();
    }
}
