package dev.k6j.output.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aLatePageGetsTheCompactHistoryThenNewEventsAsServerSentEvents() throws Exception {
        EventServer server = EventServer.bind("127.0.0.1", 0, new Report());
        server.start();
        try {
            server.onEvent(new DashboardEvent("param", Map.of("period", 1000)));
            server.onEvent(new DashboardEvent("cumulative", List.of(List.of(1))));
            server.onEvent(new DashboardEvent("snapshot", List.of(List.of(1))));
            server.onEvent(new DashboardEvent("cumulative", List.of(List.of(2))));
            String events = "http://127.0.0.1:" + server.port() + "/events";
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(events)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                assertThat(frame(reader)).containsExactly("id: 1", "event: param", "data: {\"period\":1000}");
                assertThat(frame(reader)).containsExactly("id: 2", "event: snapshot", "data: [[1]]");
                assertThat(frame(reader)).containsExactly("id: 3", "event: cumulative", "data: [[2]]");
                server.onEvent(new DashboardEvent("stop", List.of(List.of(9))));
                assertThat(frame(reader)).containsExactly("id: 5", "event: stop", "retry: 9007199254740991",
                        "data: [[9]]");
            }
        } finally {
            server.shutdown();
        }
    }

    @Test
    void thePageAndTheReportAreServed() throws Exception {
        EventServer server = EventServer.bind("127.0.0.1", 0, new Report());
        server.start();
        try {
            server.onEvent(new DashboardEvent("param", Map.of("period", 1000)));
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> report = client.send(HttpRequest.newBuilder(URI.create(base + "/report")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(Report.DATA_ELEMENT + "</script>").contains("uPlot");
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains(Report.DATA_ELEMENT + "H4sI"); // base64 of gzip's magic bytes
            assertThat(missing.statusCode()).isEqualTo(404);
        } finally {
            server.shutdown();
        }
    }

    private static List<String> frame(BufferedReader reader) throws Exception {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null && !line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }
}
