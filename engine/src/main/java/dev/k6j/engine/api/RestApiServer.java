package dev.k6j.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * test; and k6's {@code /ping}. Served by the JDK's HTTP server.
 *
 * <p>Every request gets an answer, errors in k6's JSON:API shape ({@code {"errors":[{"status","title","detail"}]}}):
 * bodies are read up to {@link #MAX_BODY_BYTES}, a request that takes longer than {@link #MAX_REQUEST_SECONDS} to
 * arrive is dropped (k6's read timeout), and on a loopback address only loopback hosts and pages are served
 * ({@link LoopbackOnly}). What a PATCH may ask for is bounded by the run ({@link RunControl#scale}).
 *
 * <p>Threads: requests are handled on platform threads of the server's own, never on virtual threads: VUs run on
 * virtual threads, and a VU busy in JavaScript holds its carrier thread until it blocks, so on a small machine a
 * request queued behind them would wait for whole iterations. Kubernetes probes {@code GET /v1/status} with a
 * one-second timeout (the k6-operator's runners), so the answer must come at once however busy the VUs are.
 * {@link #close()} from any thread.
 */
public final class RestApiServer implements AutoCloseable {

    /** The largest PATCH body read; a status document is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** How long a request may take to arrive, as k6's {@code ReadHeaderTimeout}. */
    static final long MAX_REQUEST_SECONDS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK's server reads its limits once, from system properties; a value the user set wins.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(MAX_REQUEST_SECONDS));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final RunControl control;
    private final LoopbackOnly loopbackOnly;

    private RestApiServer(HttpServer server, ExecutorService threads, RunControl control, LoopbackOnly loopbackOnly) {
        this.server = server;
        this.threads = threads;
        this.control = control;
        this.loopbackOnly = loopbackOnly;
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
        RestApiServer api = new RestApiServer(server, threads, control,
                LoopbackOnly.forBinding(socket, socket.getHostString()));
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
            try {
                route(exchange);
            } catch (RuntimeException e) {
                // An answer even for what went wrong here, instead of a connection closed without one.
                error(exchange, 500, "Internal error", String.valueOf(e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String refusal = loopbackOnly.refusal(exchange.getRequestHeaders());
        if (refusal != null) {
            error(exchange, 403, "Forbidden", refusal);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/ping") || path.equals("/")) {
            sendText(exchange, "ok");
            return;
        }
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
    }

    private void patch(HttpExchange exchange) throws IOException, InterruptedException {
        JsonNode attributes;
        try {
            byte[] body = readBody(exchange);
            if (body == null) {
                error(exchange, 413, "Request too large", "the body is larger than " + MAX_BODY_BYTES / 1024
                        + " KB; a status document is a few hundred bytes");
                return;
            }
            JsonNode document = JSON.readTree(body);
            attributes = document == null ? null : document.path("data").path("attributes");
            if (attributes == null || !attributes.isObject()) {
                error(exchange, 400, "Invalid data", "the body must be a JSON:API document: {\"data\":{\"type\":"
                        + "\"status\",\"attributes\":{...}}}");
                return;
            }
        } catch (JsonProcessingException e) {
            error(exchange, 400, "Invalid data", "the body is not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
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
                Long vus = number(attributes.get("vus"), "vus");
                Long vusMax = number(attributes.get("vus-max"), "vus-max");
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

    /** The request body, or {@code null} when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : bytes;
        }
    }

    private static Long number(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new NumberFormatException(name + " must be a whole number of VUs, got " + node);
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

    private static void sendText(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
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
