package dev.k6j.modules.websockets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import dev.k6j.testbed.ws.WebSocketServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 500 concurrent sockets (50 VUs, 10 each) on the testbed's broadcast feed for 15 s, measuring message latency
 * with a custom Trend, the pattern of k6's WebSocket load-testing guide. Asserts counts and that there were no
 * errors, never timings.
 */
class BroadcastLoadIT {

    @TempDir
    Path dir;

    @Test
    void fiveHundredSocketsReceiveTheFeedWithoutErrors() throws IOException {
        Path summary = dir.resolve("summary.json");
        CliRun run;
        try (WebSocketServer server = WebSocketServer.start("127.0.0.1", 0, null)) {
            run = CliRun.of("run", "-q", "-e", "WS_URL=" + server.url(), "--summary-export", summary.toString(),
                    "broadcast.js");
        }
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).as(run.all()).doesNotContain("socket error");
        JsonNode metrics = new ObjectMapper().readTree(summary.toFile()).path("metrics");
        assertThat(metrics.path("ws_sessions").path("count").asLong()).as(run.all()).isEqualTo(500);
        assertThat(metrics.path("ws_msgs_sent").path("count").asLong()).isEqualTo(500);
        // Each socket stays subscribed for at least 15 s of a 10 messages/s feed: about 150 messages, more when a
        // loaded machine fires the closing timer late; far fewer would mean lost messages.
        long received = metrics.path("ws_msgs_received").path("count").asLong();
        assertThat(received).isGreaterThanOrEqualTo(500L * 100);
        assertThat(metrics.path("broadcast_messages").path("count").asLong()).isEqualTo(received);
        JsonNode latency = metrics.path("broadcast_latency");
        assertThat(latency.path("avg").isNumber()).as(latency.toString()).isTrue();
        assertThat(latency.path("p(95)").isNumber()).as(latency.toString()).isTrue();
        assertThat(metrics.path("ws_ping").path("avg").isNumber()).as(metrics.path("ws_ping").toString()).isTrue();
        assertThat(metrics.path("ws_session_duration").path("min").asDouble()).isGreaterThanOrEqualTo(15_000);
    }
}
