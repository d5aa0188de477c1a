package dev.k6j.modules.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.k6j.engine.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grpc_req_duration, grpc_streams, grpc_streams_msgs_sent and _received, with k6's tags, in the JSON output. */
class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyCallAndStreamMessageIsMeasuredWithK6sTags() throws Exception {
        Path out = dir.resolve("samples.json");
        CliRun run = GrpcTestbedFixture.run("metrics.js", "--out", "json=" + out);
        assertThat(run.exitCode()).as(run.all()).isZero();

        List<JsonNode> durations = points(out, "grpc_req_duration");
        String address = GrpcTestbedFixture.testbed().address();
        assertThat(durations).hasSize(3);
        JsonNode ok = durations.get(0).get("tags");
        assertThat(ok.get("url").asText()).isEqualTo(address + "/k6j.testbed.Echo/Unary");
        assertThat(ok.get("service").asText()).isEqualTo("k6j.testbed.Echo");
        assertThat(ok.get("method").asText()).isEqualTo("Unary");
        assertThat(ok.get("name").asText()).isEqualTo("/k6j.testbed.Echo/Unary");
        assertThat(ok.get("status").asText()).isEqualTo("0");
        assertThat(ok.get("mine").asText()).isEqualTo("yes");
        assertThat(ok.get("scenario").asText()).isEqualTo("default");
        JsonNode failed = durations.get(1).get("tags");
        assertThat(failed.get("status").asText()).isEqualTo("7");
        assertThat(failed.get("name").asText()).isEqualTo("custom-name");
        assertThat(durations.get(2).get("tags").get("method").asText()).isEqualTo("Bidi");
        assertThat(durations).allSatisfy(point -> assertThat(point.get("value").asDouble()).isPositive());

        assertThat(points(out, "grpc_streams")).hasSize(1)
                .allSatisfy(p -> assertThat(p.get("tags").get("url").asText()).endsWith("/k6j.testbed.Echo/Bidi"));
        assertThat(points(out, "grpc_streams_msgs_sent")).hasSize(2);
        assertThat(points(out, "grpc_streams_msgs_received")).hasSize(2)
                .allSatisfy(p -> assertThat(p.get("tags").get("service").asText()).isEqualTo("k6j.testbed.Echo"));
    }

    private static List<JsonNode> points(Path file, String metric) throws Exception {
        List<JsonNode> points = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = JSON.readTree(line);
            if ("Point".equals(node.path("type").asText()) && metric.equals(node.path("metric").asText())) {
                points.add(node.get("data"));
            }
        }
        return points;
    }
}
