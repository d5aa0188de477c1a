package dev.k6j.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API under abuse: foreign {@code Host} and {@code Origin} on a loopback address (DNS rebinding, other
 * sites' pages), malformed, oversized and slow requests, and numbers out of range. Every request gets an answer in
 * k6's JSON:API error shape, and nothing reaches the run. Requests are written by hand, as an attacker's would be.
 */
class RestApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingRun run = new RecordingRun();
    private RestApiServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void onALoopbackAddressAForeignHostIsRefusedAndNothingReachesTheRun() throws Exception {
        server = RestApiServer.start("localhost:0", run);

        Answer rebound = request("PATCH", "/v1/status", "Host: attacker.example:" + server.port(),
                "Content-Type: text/plain", "{\"data\":{\"attributes\":{\"stopped\":true}}}");

        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.error("title")).isEqualTo("Forbidden");
        assertThat(rebound.error("status")).isEqualTo("403");
        assertThat(rebound.error("detail")).contains("Host: attacker.example:" + server.port());
        assertThat(request("GET", "/v1/status", "Host: 10.0.0.1").status()).isEqualTo(403);
        assertThat(request("GET", "/v1/status").status()).as("no Host at all").isEqualTo(403);
        assertThat(run.calls).isEmpty();

        for (String host : List.of("localhost:" + server.port(), "127.0.0.1:" + server.port(), "[::1]:"
                + server.port(), "LOCALHOST", "app.localhost:1")) {
            assertThat(request("GET", "/v1/status", "Host: " + host).status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void onALoopbackAddressAnotherSitesPageIsRefused() throws Exception {
        server = RestApiServer.start("127.0.0.1:0", run);
        String host = "Host: 127.0.0.1:" + server.port();

        Answer foreign = request("PATCH", "/v1/status", host, "Origin: https://attacker.example",
                "{\"data\":{\"attributes\":{\"vus\":1}}}");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.error("detail")).contains("Origin: https://attacker.example");
        assertThat(request("GET", "/v1/status", host, "Origin: null").status()).isEqualTo(403);
        assertThat(run.calls).isEmpty();

        assertThat(request("GET", "/v1/status", host, "Origin: http://localhost:3000").status()).isEqualTo(200);
    }

    @Test
    void onAnotherInterfaceAnyHostIsServedAsK6Does() throws Exception {
        server = RestApiServer.start(":0", run);

        assertThat(request("GET", "/v1/status", "Host: k6j.example.com:" + server.port()).status()).isEqualTo(200);
    }

    @Test
    void boundToEveryInterfaceTheK6OperatorsProbeAndStarterAreServed() throws Exception {
        // In Kubernetes the k6-operator probes GET /v1/status from another pod (Host: the pod's IP) and its starter
        // resumes the paused runners with a PATCH, Content-Type application/json.
        server = RestApiServer.start("0.0.0.0:0", run);
        String podHost = "Host: 10.244.1.7:6565";

        assertThat(request("GET", "/v1/status", podHost).status()).isEqualTo(200);
        Answer started = request("PATCH", "/v1/status", podHost, "Content-Type: application/json",
                "{\"data\":{\"type\":\"status\",\"id\":\"default\",\"attributes\":{\"paused\":false}}}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(run.calls).containsExactly("paused false");
    }

    @Test
    void malformedBodiesGetAReadableReasonInK6sErrorShape() throws Exception {
        server = RestApiServer.start("localhost:0", run);

        Answer garbage = patch("garbage");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.error("title")).isEqualTo("Invalid data");
        assertThat(garbage.error("detail")).startsWith("the body is not JSON: Unrecognized token 'garbage'")
                .contains("(line 1, column 8)").doesNotContain("Source").doesNotContain("StreamReadFeature");

        assertThat(patch("[]").error("detail")).contains("the body must be a JSON:API document");
        assertThat(patch("").error("detail")).contains("the body must be a JSON:API document");
        assertThat(patch("{\"data\":{\"attributes\":{\"vus-max\":100000000000000000000000}}}").error("detail"))
                .isEqualTo("vus-max must be a whole number of VUs, got 100000000000000000000000");
        assertThat(patch("{\"data\":{\"attributes\":{\"vus\":\"many\"}}}").error("detail"))
                .isEqualTo("vus must be a whole number of VUs, got \"many\"");
        assertThat(run.calls).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedWithoutReadingItAll() throws Exception {
        server = RestApiServer.start("localhost:0", run);

        Answer huge = patch("{\"data\":{\"attributes\":{\"vus\":1}},\"padding\":\""
                + "x".repeat(RestApiServer.MAX_BODY_BYTES) + "\"}");

        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.error("detail")).contains("larger than 64 KB");
        assertThat(run.calls).isEmpty();
    }

    @Test
    void aFailureInsideTheRunStillGetsAnAnswer() throws Exception {
        run.failWith = new IllegalStateException("the executor is gone");
        server = RestApiServer.start("localhost:0", run);

        Answer answer = patch("{\"data\":{\"attributes\":{\"vus\":2}}}");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.error("detail")).isEqualTo("the executor is gone");
    }

    @Test
    void aRequestThatNeverFinishesArrivingIsDropped() throws Exception {
        server = RestApiServer.start("localhost:0", run);
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            slow.setSoTimeout(60_000);
            OutputStream out = slow.getOutputStream();
            out.write(("PATCH /v1/status HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // The server closes the connection once the request took longer than k6's read timeout.
            assertThat(slow.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(run.calls).isEmpty();
    }

    @Test
    void pingAnswersOkAsK6s() throws Exception {
        server = RestApiServer.start("localhost:0", run);

        Answer ping = request("GET", "/ping", "Host: localhost");

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("ok");
    }

    private Answer patch(String body) throws IOException {
        return request("PATCH", "/v1/status", "Host: localhost:" + server.port(), body);
    }

    /** One request on a fresh connection: headers, then the body (the last argument when it isn't a header). */
    private Answer request(String method, String path, String... headersAndBody) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nConnection: close\r\n");
        String body = "";
        for (int i = 0; i < headersAndBody.length; i++) {
            boolean last = i == headersAndBody.length - 1;
            if (last && !headersAndBody[i].matches("[A-Za-z-]+: .*")) {
                body = headersAndBody[i];
            } else {
                head.append(headersAndBody[i]).append("\r\n");
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(bytes);
            } catch (IOException e) {
                // The server answered and closed before taking the whole body (an oversized one).
            }
            out.flush();
            return Answer.read(socket.getInputStream());
        }
    }

    /** A response: its status and body. */
    private record Answer(int status, String body) {
        static Answer read(InputStream in) throws IOException {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
        }

        /** A field of the first JSON:API error. */
        String error(String field) throws IOException {
            JsonNode errors = JSON.readTree(body).path("errors");
            assertThat(errors.isArray()).as(body).isTrue();
            return errors.get(0).path(field).asText();
        }
    }

    /** The run's side of the API, recording what reached it. */
    private static final class RecordingRun implements RunControl {
        final List<String> calls = new ArrayList<>();
        RuntimeException failWith;

        @Override
        public Status status() {
            return new Status(7, false, 1, 2, false, true, false);
        }

        @Override
        public void setPaused(boolean paused) {
            calls.add("paused " + paused);
        }

        @Override
        public void scale(Long vus, Long maxVus) {
            if (failWith != null) {
                throw failWith;
            }
            calls.add("scale " + vus + " " + maxVus);
        }

        @Override
        public void stop() {
            calls.add("stop");
        }
    }
}
