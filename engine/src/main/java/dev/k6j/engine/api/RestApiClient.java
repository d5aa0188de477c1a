package dev.k6j.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Talks to a running test's REST API, as {@code k6 status|pause|resume|scale} do. Thread-safe.
 */
public final class RestApiClient {

    /** An error the API answered with: {@code Pause error: ...}. */
    public static final class ApiException extends IOException {
        public ApiException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI status;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param address {@code host:port} of the API; an empty host means this machine */
    public RestApiClient(String address) {
        String host = address.startsWith(":") ? "localhost" + address : address;
        this.status = URI.create("http://" + host + "/v1/status");
    }

    /** The test's status now. */
    public Status status() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(status).GET());
    }

    /** Changes the given attributes ({@code paused}, {@code vus}, {@code vus-max}, {@code stopped}). */
    public Status patch(Map<String, Object> attributes) throws IOException, InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "status");
        data.put("id", "default");
        data.put("attributes", attributes);
        byte[] body = JSON.writeValueAsBytes(Map.of("data", data));
        return send(HttpRequest.newBuilder(status).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json"));
    }

    private Status send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            JsonNode error = body.path("errors").path(0);
            throw new ApiException(error.path("title").asText("HTTP " + response.statusCode()) + ": "
                    + error.path("detail").asText(""));
        }
        JsonNode a = body.path("data").path("attributes");
        return new Status(a.path("status").asInt(), a.path("paused").asBoolean(), a.path("vus").asLong(),
                a.path("vus-max").asLong(), a.path("stopped").asBoolean(), a.path("running").asBoolean(),
                a.path("tainted").asBoolean());
    }
}
