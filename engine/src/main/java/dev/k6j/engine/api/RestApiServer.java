package dev.k6j.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * k6 v1's REST API, the part that controls a test: {@code GET /v1/status} and {@code PATCH /v1/status} with JSON:API
 * documents, to read the status, pause and resume, change the VUs of an externally-controlled scenario, and stop the
 * test. Served by the JDK's HTTP server.
 *
 * <p>Threads: requests are handled on platform threads of the server's own, never on virtual threads: VUs run on
 * virtual threads, and a VU busy in JavaScript holds its carrier thread until it blocks, so on a small machine a
 * request queued behind them would wait for whole iterations. Kubernetes probes {@code GET /v1/status} with a
 * one-second timeout (the k6-operator's runners), so the answer must come at once however busy the VUs are.
 * {@link #close()} from any thread.
 */
public final class RestApiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final RunControl control;

    private RestApiServer(HttpServer server, ExecutorService threads, RunControl control) {
        this.server = server;
        this.threads = threads;
        this.control = control;
    }

    /**
     * Starts serving on {@code address} ({@code host:port}; an empty host listens on every interface).
     *
     * @throws IOException when the address can't be listened on
     */
    public static RestApiServer start(String address, RunControl control) throws IOException {
        InetSocketAddress socket = parse(address);
        HttpServer server = HttpServer.create(socket, 16);
        ExecutorService threads = java.util.concurrent.Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().daemon().name("k6j-rest-api-", 0).factory());
        RestApiServer api = new RestApiServer(server, threads, control);
        server.createContext("/", api::handle);
        server.setExecutor(threads);
        server.start();
        return api;
    }

    /** {@code host:port} to a socket address; throws {@link IOException} with a readable message when malformed. */
    static InetSocketAddress parse(String address) throws IOException {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IOException("address " + address + ": missing port in address");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IOException("address " + address + ": invalid port");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** The port served on (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/v1/status") && !path.equals("/v1/status/")) {
                error(exchange, 404, "Not Found", "no such endpoint: " + path + "; this API serves /v1/status");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> send(exchange, 200, control.status().document());
                case "PATCH" -> patch(exchange);
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, PATCH");
                    error(exchange, 405, "Method Not Allowed", "use GET or PATCH on /v1/status");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void patch(HttpExchange exchange) throws IOException, InterruptedException {
        JsonNode attributes;
        try (InputStream body = exchange.getRequestBody()) {
            JsonNode document = JSON.readTree(body);
            attributes = document == null ? null : document.path("data").path("attributes");
            if (attributes == null || !attributes.isObject()) {
                throw new IOException("the body must be a JSON:API document: {\"data\":{\"type\":\"status\","
                        + "\"attributes\":{...}}}");
            }
        } catch (IOException e) {
            error(exchange, 400, "Invalid data", e.getMessage());
            return;
        }
        try {
            if (attributes.path("stopped").asBoolean(false)) {
                control.stop();
            } else {
                JsonNode paused = attributes.get("paused");
                if (paused != null && !paused.isNull()) {
                    if (!paused.isBoolean()) {
                        error(exchange, 400, "Invalid data", "paused must be true or false");
                        return;
                    }
                    control.setPaused(paused.asBoolean());
                }
                Long vus = number(attributes.get("vus"));
                Long vusMax = number(attributes.get("vus-max"));
                if (vus != null || vusMax != null) {
                    control.scale(vus, vusMax);
                }
            }
        } catch (RunControl.ControlException e) {
            error(exchange, e.httpStatus(), e.title(), e.getMessage());
            return;
        } catch (NumberFormatException e) {
            error(exchange, 400, "Invalid data", e.getMessage());
            return;
        }
        send(exchange, 200, control.status().document());
    }

    private static Long number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw new NumberFormatException("vus and vus-max must be whole numbers, got " + node);
        }
        return node.asLong();
    }

    private static void error(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("status", String.valueOf(status));
        error.put("title", title);
        error.put("detail", detail == null ? "" : detail);
        send(exchange, status, Map.of("errors", List.of(error)));
    }

    private static void send(HttpExchange exchange, int status, Object document) throws IOException {
        byte[] body = JSON.writeValueAsBytes(document);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
